import { Module } from '@nestjs/common';
import { AuditModule } from '@vfr/api-audit';
import { RegistryModule } from '@vfr/api-registry';
import { AssessmentsResolver, PatientFollowUpResolver } from './assessments.resolver';
import { AssessmentsService } from './assessments.service';

@Module({
  imports: [AuditModule, RegistryModule],
  providers: [AssessmentsService, AssessmentsResolver, PatientFollowUpResolver],
  exports: [AssessmentsService],
})
export class FollowUpModule {}
