import { HeadlinesResolver } from './headlines.resolver';
import { HeadlinesService } from './headlines.service';
import { Module } from '@nestjs/common';
import { AuditModule } from '@vfr/api-audit';
import { CohortsResolver } from './cohorts.resolver';
import { CohortsService } from './cohorts.service';
import { AdjustedService } from './adjusted.service';
import { FitPool } from './fit-pool';
import { CharacteristicsService } from './characteristics.service';
import { CompetingRisksService } from './competing-risks.service';
import { OperationsService } from './operations.service';
import { OperationsResolver, OutcomesResolver } from './outcomes.resolver';
import { OutcomesService } from './outcomes.service';
import { RadiographsResolver } from './radiographs.resolver';
import { RadiographsService } from './radiographs.service';
import { SimilarPatientsResolver } from './similar-patients.resolver';
import { SimilarPatientsService } from './similar-patients.service';

@Module({
  imports: [AuditModule],
  providers: [
    CohortsService,
    CohortsResolver,
    OutcomesService,
    OutcomesResolver,
    OperationsService,
    OperationsResolver,
    CharacteristicsService,
    AdjustedService,
    FitPool,
    CompetingRisksService,
    RadiographsService,
    RadiographsResolver,
    HeadlinesService,
    HeadlinesResolver,
    SimilarPatientsService,
    SimilarPatientsResolver,
  ],
  exports: [CohortsService, OutcomesService],
})
export class AnalyticsModule {}
