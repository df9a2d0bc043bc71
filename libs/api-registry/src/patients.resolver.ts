import { Args, Context, ID, Info, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { FieldNode, GraphQLResolveInfo } from 'graphql';
import { DataSource } from 'typeorm';
import {
  Actor,
  ChecksSessionInRead,
  Connection,
  CurrentActor,
  FieldView,
  presolve,
  readConfirmingSession,
  relatedFieldOptions,
  RequestContext,
  Roles,
  siteScope,
  WithdrawInput,
} from '@vfr/api-core';
import { noteIdentifierRead } from '@vfr/api-audit';
import { SiteModel } from '@vfr/api-auth';
import { computeOfScore, FieldAccess, readersOf, RECORD_FIELDS, RecordType, Role } from '@vfr/domain';
import { CreatePatientInput, PatientFilterInput, SimilarPatientsInput, UpdatePatientInput } from './dto/patient.input';
import { ComplicationModel } from './models/complication.model';
import { DeathModel } from './models/death.model';
import { FractureModel } from './models/fracture.model';
import { OfScoreModel, PatientConnection, PatientIdentifiersModel, PatientModel } from './models/patient.model';
import { PatientEntity } from './patient.entity';
import { TreatmentModel } from './models/treatment.model';
import { PatientViews } from './patient-views';
import { PatientsService } from './patients.service';
import { RegistryLoaders } from './registry.loaders';
import { selectedFields, selects } from './selection';
import { Columns, columnsFor, LIST_PRESOLVED_FIELDS, NestedParts, NestedRecords, PATIENT_KEYS } from './patient-page.nested';
import { FractureEntity } from './fracture.entity';
import { TreatmentEntity } from './treatment.entity';

const READERS = readersOf('Patient');

/**
 * A patient of a list, with the nested records the list's statement read for it, narrowed to the
 * columns the request selects: read only by this patient's own fields, never shared through a
 * loader with another field of the request that might select more.
 */
const PAGE_RECORDS = Symbol('records read with the page');
type ListedPatient = PatientModel & { [PAGE_RECORDS]?: NestedRecords };
const WRITERS = [Role.ADMIN, Role.COORDINATOR];

const PRESOLVABLE: ReadonlySet<string> = new Set(LIST_PRESOLVED_FIELDS.Patient);

/**
 * Which fields of each record the request asks for, to project only those: for each record, the
 * fields selected (through fragments) with the keys other fields and the audit read (id, the
 * patient's and its site), or undefined (every field) when the selection holds a field the
 * table does not describe as a value of the record, so that a nested field's resolver always
 * finds the whole record it may read.
 */
interface ListSelection {
  patient?: ReadonlySet<string>;
  fracture?: ReadonlySet<string>;
  treatment?: ReadonlySet<string>;
  assessment?: ReadonlySet<string>;
}

function projectionOf(record: RecordType, selected: ReadonlySet<string> | null, allowed: ReadonlySet<string> = new Set()): ReadonlySet<string> | undefined {
  if (!selected) return undefined;
  const fields = RECORD_FIELDS[record].fields as Record<string, FieldAccess>;
  const only = new Set(['id', ...(record === 'Patient' ? ['siteId', 'registryNumber'] : ['patientId'])]);
  for (const name of selected) {
    if (name === '__typename' || allowed.has(name)) continue;
    if (fields[name]?.kind !== undefined && fields[name].kind !== 'related') only.add(name);
    else return undefined;
  }
  return only;
}

function listSelection(info: GraphQLResolveInfo): ListSelection {
  const node = ['edges', 'node'];
  return {
    patient: projectionOf('Patient', selectedFields(info, node), PRESOLVABLE),
    fracture: projectionOf('Fracture', selectedFields(info, [...node, 'fractures'])),
    treatment: projectionOf('Treatment', selectedFields(info, [...node, 'treatments'])),
    assessment: projectionOf('Assessment', selectedFields(info, [...node, 'latestAssessment'])),
  };
}

/**
 * The patient's fractures, treatments and latest visit, as their field resolvers would give them
 * to this reader (the same projection of the same rows), given with the patient: for the fields
 * the reader receives (a withheld or refused one is left to its resolver's gate).
 */
function presolveRecords(node: PatientModel, records: NestedRecords, view: FieldView, asked: ListSelection): void {
  if (records.fractures && view.receives('Patient', 'fractures'))
    presolve(
      node,
      'fractures',
      records.fractures.map((f) => view.project<FractureModel>('Fracture', f, asked.fracture)),
    );
  if (records.treatments && view.receives('Patient', 'treatments'))
    presolve(
      node,
      'treatments',
      records.treatments.map((t) => view.project<TreatmentModel>('Treatment', t, asked.treatment)),
    );
  if (records.latestAssessment !== undefined && view.receives('Patient', 'latestAssessment'))
    presolve(node, 'latestAssessment', records.latestAssessment && view.project('Assessment', records.latestAssessment, asked.assessment));
}

/** What a request's selection asks of the list (PatientsResolver.plan). */
interface ListPlan {
  nodes: readonly FieldNode[];
  asked: ListSelection;
  parts: NestedParts;
  columns: Columns;
  count: boolean;
}

/** The plans of the list's queries, by the first node of the field in each parsed query. */
const PLANS = new WeakMap<FieldNode, ListPlan[]>();

@Resolver(() => PatientModel)
export class PatientsResolver {
  constructor(
    private readonly service: PatientsService,
    private readonly loaders: RegistryLoaders,
    private readonly views: PatientViews,
    private readonly dataSource: DataSource,
  ) {}

  private async model(ctx: RequestContext, actor: Actor, e: PatientEntity): Promise<PatientModel> {
    return PatientModel.from(e, await this.views.of(ctx, actor, e.id));
  }

  // The list is most requests' only read: the user's row travels in its statement (one round trip).
  @Roles(...READERS)
  @ChecksSessionInRead()
  @Query(() => PatientConnection, { description: 'Patients ordered by registry number, a page at a time' })
  async patients(
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | undefined,
    @Args('filter', { type: () => PatientFilterInput, nullable: true }) filter: PatientFilterInput | undefined,
    @Context() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<PatientModel>> {
    const { asked, parts, columns, count } = this.plan(info);
    const { actor, result: page } = await readConfirmingSession(ctx.req, async (reader, sessionUserId) => {
      const read = await this.service.page(reader, first, after, filter ?? {}, count, parts, columns, sessionUserId);
      return { result: read, sessionRow: read.sessionRow };
    });
    for (const [id, n] of page.nested) this.views.prime(ctx, id, n.indexDate);
    // Whole visits only: another field of the request that loads the same patients' latest visit
    // through the loader may select more of it than this list.
    if (parts.latestAssessment === 'all') this.loaders.primeLatestAssessments(ctx, page.nested);
    // A name or MRN search ties a name to the registry numbers it finds: audited like identifiers.
    if (filter?.name) for (const e of page.edges) noteIdentifierRead(ctx, e.node, 'nameSearch');
    const edges = page.edges.map((e) => {
      const records = page.nested.get(e.node.id) ?? { indexDate: null };
      // The reader's view as PatientViews.of gives it, from the index date read with the page.
      const view = FieldView.of(actor, records.indexDate);
      const node: ListedPatient = view.project('Patient', e.node, asked.patient);
      node[PAGE_RECORDS] = records;
      presolveRecords(node, records, view, asked);
      return { cursor: e.cursor, node };
    });
    return { totalCount: page.totalCount, pageInfo: page.pageInfo, edges };
  }

  /**
   * What the request's selection asks of the list: the fields to project, the nested records and
   * columns to read, the count or not. A function of the query's text alone (its selection, not
   * its variables), worked out for the first request of a query and kept with its parsed
   * document (which Apollo keeps per query text): the same query asks the same.
   */
  private plan(info: GraphQLResolveInfo): ListPlan {
    const first = info.fieldNodes[0];
    const known = PLANS.get(first)?.find((p) => p.nodes.length === info.fieldNodes.length && p.nodes.every((n, i) => n === info.fieldNodes[i]));
    if (known) return known;
    const asked = listSelection(info);
    const plan: ListPlan = {
      // The field's nodes as collected for this request (@skip and @include on the field itself
      // may collect fewer of the document's nodes for other variables).
      nodes: [...info.fieldNodes],
      asked,
      parts: this.nestedParts(info),
      columns: asked.patient ? columnsFor(this.dataSource.getMetadata('patient'), 'Patient', asked.patient, [], PATIENT_KEYS) : 'all',
      count: selects(info, ['totalCount']),
    };
    PLANS.set(first, [...(PLANS.get(first) ?? []), plan]);
    return plan;
  }

  /**
   * The nested records the list's statement reads (patient-page.nested.ts), with the columns the
   * request selects of them (all of a fracture's for the OF-Score).
   */
  private nestedParts(info: GraphQLResolveInfo): NestedParts {
    const metadata = (table: string) => this.dataSource.getMetadata(table);
    const fractures = selectedFields(info, ['edges', 'node', 'fractures']);
    const treatments = selectedFields(info, ['edges', 'node', 'treatments']);
    const parts: NestedParts = {};
    if (selects(info, ['edges', 'node', 'ofScore'])) parts.fractures = 'all';
    else if (fractures) parts.fractures = columnsFor(metadata('fracture'), 'Fracture', fractures);
    if (treatments) parts.treatments = columnsFor(metadata('treatment'), 'Treatment', treatments, ['levels']);
    const latest = selectedFields(info, ['edges', 'node', 'latestAssessment']);
    if (latest) parts.latestAssessment = columnsFor(metadata('assessment'), 'Assessment', latest);
    return parts;
  }

  @Roles(...READERS)
  @Query(() => PatientModel)
  async patient(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string, @Context() ctx: RequestContext): Promise<PatientModel> {
    return this.model(ctx, actor, await this.service.get(actor, id));
  }

  @Roles(...WRITERS)
  @Query(() => [PatientModel], {
    description:
      "Before registering: the site's patients with a similar name and the same date of birth (at most 5; the user's own site, or any site for admins)",
  })
  async similarPatients(@CurrentActor() actor: Actor, @Args('input') input: SimilarPatientsInput, @Context() ctx: RequestContext): Promise<PatientModel[]> {
    const found = await this.service.similar(actor, input);
    // A name tied to registry numbers is an identifier read, audited like a name search.
    for (const p of found) noteIdentifierRead(ctx, p, 'nameSearch');
    return Promise.all(found.map((p) => this.model(ctx, actor, p)));
  }

  @Roles(...WRITERS)
  @Mutation(() => PatientModel, { description: 'Register a patient (with identifiers, kept apart)' })
  async createPatient(@CurrentActor() actor: Actor, @Args('input') input: CreatePatientInput, @Context() ctx: RequestContext): Promise<PatientModel> {
    return this.model(ctx, actor, await this.service.create(actor, input));
  }

  @Roles(...WRITERS)
  @Mutation(() => PatientModel)
  async updatePatient(@CurrentActor() actor: Actor, @Args('input') input: UpdatePatientInput, @Context() ctx: RequestContext): Promise<PatientModel> {
    return this.model(ctx, actor, await this.service.update(actor, input));
  }

  @Roles(...WRITERS)
  @Mutation(() => PatientModel, { description: 'Withdraw a patient (kept, marked withdrawn, audited)' })
  async withdrawPatient(@CurrentActor() actor: Actor, @Args('input') input: WithdrawInput, @Context() ctx: RequestContext): Promise<PatientModel> {
    return this.model(ctx, actor, await this.service.withdraw(actor, input.id, input.version, input.reason));
  }

  @ResolveField(() => SiteModel, relatedFieldOptions('Patient', 'site'))
  async site(@Parent() p: PatientModel, @Context() ctx: RequestContext): Promise<SiteModel> {
    return SiteModel.from((await this.loaders.site(ctx).load(p.siteId))!);
  }

  @ResolveField(() => PatientIdentifiersModel, relatedFieldOptions('Patient', 'identifiers'))
  async identifiers(@Parent() p: PatientModel, @Context() ctx: RequestContext, @CurrentActor() actor: Actor): Promise<PatientIdentifiersModel | null> {
    // Whether the role receives identifiers at all is the table's (relatedFieldOptions); a coordinator's are its own site's.
    const scope = siteScope(actor);
    if (scope !== null && scope !== p.siteId) return null;
    const view = await this.views.of(ctx, actor, p.id);
    const row = await this.loaders.identifiers(ctx).load(p.id);
    if (!row) return null;
    noteIdentifierRead(ctx, p, 'identifiers');
    return PatientIdentifiersModel.from(row, view);
  }

  @ResolveField(() => [FractureModel], relatedFieldOptions('Patient', 'fractures'))
  async fractures(@Parent() p: PatientModel, @Context() ctx: RequestContext, @CurrentActor() actor: Actor): Promise<FractureModel[]> {
    const view = await this.views.of(ctx, actor, p.id);
    const rows = (p as ListedPatient)[PAGE_RECORDS]?.fractures ?? (await this.loaders.fractures(ctx).load(p.id));
    return rows.map((f) => FractureModel.from(f as FractureEntity, view));
  }

  @ResolveField(() => [TreatmentModel], relatedFieldOptions('Patient', 'treatments'))
  async treatments(@Parent() p: PatientModel, @Context() ctx: RequestContext, @CurrentActor() actor: Actor): Promise<TreatmentModel[]> {
    const view = await this.views.of(ctx, actor, p.id);
    const rows = (p as ListedPatient)[PAGE_RECORDS]?.treatments ?? (await this.loaders.treatments(ctx).load(p.id));
    return rows.map((t) => TreatmentModel.from(t as TreatmentEntity, view));
  }

  @ResolveField(() => [ComplicationModel], relatedFieldOptions('Patient', 'complications'))
  async complications(@Parent() p: PatientModel, @Context() ctx: RequestContext, @CurrentActor() actor: Actor): Promise<ComplicationModel[]> {
    const view = await this.views.of(ctx, actor, p.id);
    return (await this.loaders.complications(ctx).load(p.id)).map((c) => ComplicationModel.from(c, view));
  }

  @ResolveField(() => OfScoreModel, relatedFieldOptions('Patient', 'ofScore'))
  async ofScore(@Parent() p: PatientModel, @Context() ctx: RequestContext): Promise<OfScoreModel> {
    // From the patient as the reader received it and the fractures in force: every value the score
    // reads is one the table gives each reader of the record in full (a test holds this).
    const fractures = ((p as ListedPatient)[PAGE_RECORDS]?.fractures as FractureEntity[] | undefined) ?? (await this.loaders.fractures(ctx).load(p.id));
    return OfScoreModel.from(computeOfScore({ ...p, fractures }));
  }

  @ResolveField(() => DeathModel, { ...relatedFieldOptions('Patient', 'death'), nullable: true })
  async death(@Parent() p: PatientModel, @Context() ctx: RequestContext, @CurrentActor() actor: Actor): Promise<DeathModel | null> {
    const view = await this.views.of(ctx, actor, p.id);
    const row = await this.loaders.death(ctx).load(p.id);
    return row ? DeathModel.from(row, view) : null;
  }
}
