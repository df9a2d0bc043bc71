import { Module } from '@nestjs/common';
import { AuditModule } from '@vfr/api-audit';
import { RegistryModule } from '@vfr/api-registry';
import { AssessmentsResolver, PatientFollowUpResolver } from './assessments.resolver';
import { AssessmentsService } from './assessments.service';
import { WorklistResolver } from './worklist.resolver';
import { WorklistService } from './worklist.service';

@Module({
  imports: [AuditModule, RegistryModule],
  providers: [AssessmentsService, AssessmentsResolver, PatientFollowUpResolver, WorklistService, WorklistResolver],
  exports: [AssessmentsService, WorklistService],
})
export class FollowUpModule {}
