import { Args, Context, ID, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { noteIdentifierRead } from '@vfr/api-audit';
import { Actor, assertId, Connection, CurrentActor, FieldView, indexByKeys, loaderFor, relatedFieldOptions, RequestContext, Roles } from '@vfr/api-core';
import { PatientIdentifiersModel } from '@vfr/api-registry';
import { readersOf, Role } from '@vfr/domain';
import { FollowUpCompletenessModel, WorklistConnection, WorklistFilterInput, WorklistItemModel } from './models/worklist.model';
import { WorklistService, WorklistSort } from './worklist.service';

@Resolver(() => WorklistItemModel)
export class WorklistResolver {
  constructor(private readonly service: WorklistService) {}

  @Roles(...readersOf('WorklistItem'))
  @Query(() => WorklistConnection, { description: 'Follow-up visits due soon, due and overdue at your site' })
  async worklist(
    @CurrentActor() actor: Actor,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | undefined,
    @Args('filter', { type: () => WorklistFilterInput, nullable: true }) filter: WorklistFilterInput | undefined,
    @Args('sort', { type: () => WorklistSort, nullable: true, defaultValue: WorklistSort.DUE_DATE }) sort: WorklistSort,
  ): Promise<Connection<WorklistItemModel>> {
    if (filter?.siteId) assertId('filter.siteId', filter.siteId);
    const page = await this.service.page(actor, filter ?? {}, first, after, sort);
    return {
      ...page,
      edges: page.edges.map(({ node: r, cursor }) => ({
        cursor,
        node: FieldView.of(actor, r.treatment_date).project<WorklistItemModel>('WorklistItem', {
          patientId: r.patient_id,
          registryNumber: r.registry_number,
          siteId: r.site_id,
          treatmentId: r.treatment_id,
          treatmentKind: r.treatment_kind,
          treatmentDate: r.treatment_date,
          timePoint: r.time_point,
          targetDate: r.target_date,
          windowStart: r.window_start,
          windowEnd: r.window_end,
          state: r.state,
          daysOverdue: r.days_overdue,
        }),
      })),
    };
  }

  /** Names for the call list: one statement per page, and the read audited like any other of identifiers. */
  @ResolveField(() => PatientIdentifiersModel, { ...relatedFieldOptions('WorklistItem', 'identifiers'), nullable: true })
  async identifiers(@Parent() w: WorklistItemModel, @Context() ctx: RequestContext, @CurrentActor() actor: Actor): Promise<PatientIdentifiersModel | null> {
    const loader = loaderFor(ctx, 'worklistIdentifiers', async (ids: readonly string[]) =>
      indexByKeys(ids, await this.service.identifiersOf(ids), (r) => r.patientId),
    );
    const row = await loader.load(w.patientId);
    if (!row) return null;
    noteIdentifierRead(ctx, { id: w.patientId, registryNumber: w.registryNumber, siteId: w.siteId }, 'identifiers');
    return PatientIdentifiersModel.from(row, FieldView.of(actor, w.treatmentDate));
  }

  @Roles(Role.ADMIN, Role.COORDINATOR, Role.DEPARTMENT_HEAD)
  @Query(() => [FollowUpCompletenessModel], { description: 'Follow-up completeness per site and time point' })
  async followUpCompleteness(
    @CurrentActor() actor: Actor,
    @Args('siteId', { type: () => ID, nullable: true }) siteId?: string,
  ): Promise<FollowUpCompletenessModel[]> {
    if (siteId) assertId('siteId', siteId);
    const rows = await this.service.completeness(actor, siteId);
    return rows.map((r) => ({
      siteId: r.site_id,
      siteCode: r.site_code,
      timePoint: r.time_point as never,
      expected: r.expected,
      done: r.done,
      missed: r.missed,
      withdrawn: r.withdrawn,
      outstanding: r.outstanding,
      answeredByPatients: r.answered_by_patients,
      completeness: r.expected && r.done !== null ? r.done / r.expected : r.expected === 0 ? 0 : null,
      suppressed: r.expected === null || r.done === null,
    }));
  }
}
