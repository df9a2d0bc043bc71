import { Module } from '@nestjs/common';
import { AuditModule } from '@vfr/api-audit';
import { FollowUpModule } from '@vfr/api-follow-up';
import { RegistryModule } from '@vfr/api-registry';
import { QuestionnaireController } from './questionnaire.controller';
import { QuestionnaireMailer } from './questionnaire.mailer';
import { QuestionnaireThrottleStore } from './questionnaire-throttle.store';
import { QuestionnairesResolver } from './questionnaires.resolver';
import { QuestionnairesService } from './questionnaires.service';

@Module({
  imports: [AuditModule, RegistryModule, FollowUpModule],
  controllers: [QuestionnaireController],
  providers: [QuestionnairesService, QuestionnairesResolver, QuestionnaireThrottleStore, QuestionnaireMailer],
})
export class QuestionnairesModule {}
