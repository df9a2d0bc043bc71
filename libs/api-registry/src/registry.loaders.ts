import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { groupByKeys, indexByKeys, loaderFor, RequestContext } from '@vfr/api-core';
import { ComplicationsService } from './complications.service';
import { DeathsService } from './deaths.service';
import { FracturesService } from './fractures.service';
import { PatientsService } from './patients.service';
import { TreatmentsService } from './treatments.service';
import { NestedRecords } from './patient-page.nested';

/** Per-request loaders for the registry's nested fields: one statement per field per page. */
@Injectable()
export class RegistryLoaders {
  constructor(
    private readonly dataSource: DataSource,
    private readonly patientsService: PatientsService,
    private readonly fracturesService: FracturesService,
    private readonly treatmentsService: TreatmentsService,
    private readonly complicationsService: ComplicationsService,
    private readonly deathsService: DeathsService,
  ) {}

  site(ctx: RequestContext) {
    return loaderFor(ctx, 'site', async (ids: readonly string[]) => indexByKeys(ids, await this.patientsService.sitesOf(ids), (s) => s.id));
  }
  identifiers(ctx: RequestContext) {
    return loaderFor(ctx, 'identifiers', async (ids: readonly string[]) => indexByKeys(ids, await this.patientsService.identifiersOf(ids), (r) => r.patientId));
  }
  fractures(ctx: RequestContext) {
    return loaderFor(ctx, 'fractures', async (ids: readonly string[]) => groupByKeys(ids, await this.fracturesService.ofPatients(ids), (r) => r.patientId));
  }
  treatments(ctx: RequestContext) {
    return loaderFor(ctx, 'treatments', async (ids: readonly string[]) => groupByKeys(ids, await this.treatmentsService.ofPatients(ids), (r) => r.patientId));
  }
  treatedLevels(ctx: RequestContext) {
    return loaderFor(ctx, 'treatedLevels', async (ids: readonly string[]) =>
      groupByKeys(ids, await this.treatmentsService.levelsOf(this.dataSource.manager, ids), (r) => r.treatmentId),
    );
  }
  complications(ctx: RequestContext) {
    return loaderFor(ctx, 'complications', async (ids: readonly string[]) =>
      groupByKeys(ids, await this.complicationsService.ofPatients(ids), (r) => r.patientId),
    );
  }
  /**
   * The follow-up module's loader of each patient's latest completed visit (the same key its
   * resolver reads), for a page that read the visits with its patients: when the page creates it,
   * patients it did not prime load through the page's own statement.
   */
  latestAssessment(ctx: RequestContext) {
    return loaderFor(ctx, 'latestAssessment', async (ids: readonly string[]) =>
      (await this.patientsService.nestedOf(ids, { latestAssessment: 'all' })).map((n) => n.latestAssessment ?? null),
    );
  }

  /**
   * Gives the follow-up module's loader the latest visits a page's statement read (every column,
   * so that any other field of the request that loads the same patient's visit gets all of it).
   */
  primeLatestAssessments(ctx: RequestContext, nested: ReadonlyMap<string, NestedRecords>): void {
    for (const [id, n] of nested) if (n.latestAssessment !== undefined) this.latestAssessment(ctx).prime(id, n.latestAssessment);
  }

  death(ctx: RequestContext) {
    return loaderFor(ctx, 'death', async (ids: readonly string[]) => indexByKeys(ids, await this.deathsService.ofPatients(ids), (r) => r.patientId));
  }
}
