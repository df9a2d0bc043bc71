import { Module } from '@nestjs/common';
import { AuditModule } from '@vfr/api-audit';
import { ComplicationsResolver } from './complications.resolver';
import { ComplicationsService } from './complications.service';
import { DeathsResolver } from './deaths.resolver';
import { DeathsService } from './deaths.service';
import { DataIssuesResolver } from './data-issues.resolver';
import { DataIssuesService } from './data-issues.service';
import { FracturesResolver } from './fractures.resolver';
import { FracturesService } from './fractures.service';
import { PatientsResolver } from './patients.resolver';
import { PatientsService } from './patients.service';
import { PatientViews } from './patient-views';
import { RegistryLoaders } from './registry.loaders';
import { TreatmentsResolver } from './treatments.resolver';
import { TreatmentsService } from './treatments.service';

@Module({
  imports: [AuditModule],
  providers: [
    PatientsService,
    FracturesService,
    TreatmentsService,
    ComplicationsService,
    DeathsService,
    RegistryLoaders,
    PatientViews,
    PatientsResolver,
    FracturesResolver,
    TreatmentsResolver,
    ComplicationsResolver,
    DeathsResolver,
    DataIssuesService,
    DataIssuesResolver,
  ],
  exports: [PatientsService, TreatmentsService, DeathsService, PatientViews],
})
export class RegistryModule {}
