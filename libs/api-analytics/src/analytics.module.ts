import { Module } from '@nestjs/common';
import { AuditModule } from '@vfr/api-audit';
import { CohortsResolver } from './cohorts.resolver';
import { CohortsService } from './cohorts.service';
import { OutcomesResolver } from './outcomes.resolver';
import { OutcomesService } from './outcomes.service';

@Module({
  imports: [AuditModule],
  providers: [CohortsService, CohortsResolver, OutcomesService, OutcomesResolver],
  exports: [CohortsService, OutcomesService],
})
export class AnalyticsModule {}
