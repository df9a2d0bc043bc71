import { Module } from '@nestjs/common';
import { AuditModule } from '@vfr/api-audit';
import { AssessmentsResolver, PatientFollowUpResolver } from './assessments.resolver';
import { AssessmentsService } from './assessments.service';

@Module({
  imports: [AuditModule],
  providers: [AssessmentsService, AssessmentsResolver, PatientFollowUpResolver],
  exports: [AssessmentsService],
})
export class FollowUpModule {}
