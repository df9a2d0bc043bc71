import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, Connection, CurrentActor, mayReadIdentifiers, RequestContext, Roles, WithdrawInput } from '@vfr/api-core';
import { SiteModel } from '@vfr/api-auth';
import { Role } from '@vfr/domain';
import { CreatePatientInput, PatientFilterInput, UpdatePatientInput } from './dto/patient.input';
import { ComplicationModel } from './models/complication.model';
import { FractureModel } from './models/fracture.model';
import { PatientConnection, PatientIdentifiersModel, PatientModel } from './models/patient.model';
import { TreatmentModel } from './models/treatment.model';
import { PatientsService } from './patients.service';
import { RegistryLoaders } from './registry.loaders';

const READERS = [Role.ADMIN, Role.COORDINATOR, Role.RESEARCHER];
const WRITERS = [Role.ADMIN, Role.COORDINATOR];

@Resolver(() => PatientModel)
export class PatientsResolver {
  constructor(private readonly service: PatientsService, private readonly loaders: RegistryLoaders) {}

  @Roles(...READERS)
  @Query(() => PatientConnection, { description: 'Patients ordered by registry number, a page at a time' })
  async patients(
    @CurrentActor() actor: Actor,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) first: number,
    @Args('after', { nullable: true }) after?: string,
    @Args('filter', { type: () => PatientFilterInput, nullable: true }) filter?: PatientFilterInput,
  ): Promise<Connection<PatientModel>> {
    const page = await this.service.page(actor, first, after, filter ?? {});
    return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: PatientModel.from(e.node) })) };
  }

  @Roles(...READERS)
  @Query(() => PatientModel)
  async patient(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<PatientModel> {
    return PatientModel.from(await this.service.get(actor, id));
  }

  @Roles(...WRITERS)
  @Mutation(() => PatientModel, { description: 'Register a patient (with identifiers, kept apart)' })
  async createPatient(@CurrentActor() actor: Actor, @Args('input') input: CreatePatientInput): Promise<PatientModel> {
    return PatientModel.from(await this.service.create(actor, input));
  }

  @Roles(...WRITERS)
  @Mutation(() => PatientModel)
  async updatePatient(@CurrentActor() actor: Actor, @Args('input') input: UpdatePatientInput): Promise<PatientModel> {
    return PatientModel.from(await this.service.update(actor, input));
  }

  @Roles(...WRITERS)
  @Mutation(() => PatientModel, { description: 'Withdraw a patient (kept, marked withdrawn, audited)' })
  async withdrawPatient(@CurrentActor() actor: Actor, @Args('input') input: WithdrawInput): Promise<PatientModel> {
    return PatientModel.from(await this.service.withdraw(actor, input.id, input.version, input.reason));
  }

  @ResolveField(() => SiteModel)
  async site(@Parent() p: PatientModel, @Context() ctx: RequestContext): Promise<SiteModel> {
    return SiteModel.from((await this.loaders.site(ctx).load(p.siteId))!);
  }

  @ResolveField(() => PatientIdentifiersModel, { nullable: true, description: 'Null unless you are an admin or a coordinator of the site' })
  async identifiers(@Parent() p: PatientModel, @Context() ctx: RequestContext, @CurrentActor() actor: Actor): Promise<PatientIdentifiersModel | null> {
    if (!mayReadIdentifiers(actor, p.siteId)) return null;
    const row = await this.loaders.identifiers(ctx).load(p.id);
    return row ? PatientIdentifiersModel.from(row) : null;
  }

  @ResolveField(() => [FractureModel])
  async fractures(@Parent() p: PatientModel, @Context() ctx: RequestContext): Promise<FractureModel[]> {
    return (await this.loaders.fractures(ctx).load(p.id)).map(FractureModel.from);
  }

  @ResolveField(() => [TreatmentModel], { description: 'Treatments in date order: the first is the index treatment' })
  async treatments(@Parent() p: PatientModel, @Context() ctx: RequestContext): Promise<TreatmentModel[]> {
    return (await this.loaders.treatments(ctx).load(p.id)).map(TreatmentModel.from);
  }

  @ResolveField(() => [ComplicationModel])
  async complications(@Parent() p: PatientModel, @Context() ctx: RequestContext): Promise<ComplicationModel[]> {
    return (await this.loaders.complications(ctx).load(p.id)).map(ComplicationModel.from);
  }
}
