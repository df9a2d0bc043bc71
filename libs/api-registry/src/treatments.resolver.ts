import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, CurrentActor, relatedFieldOptions, RequestContext, Roles, WithdrawInput } from '@vfr/api-core';
import { readersOf, Role } from '@vfr/domain';
import { CreateTreatmentInput, UpdateTreatmentInput } from './dto/treatment.input';
import { TreatmentsService } from './treatments.service';
import { TreatedLevelModel, TreatmentModel } from './models/treatment.model';
import { RegistryLoaders } from './registry.loaders';
import { PatientViews } from './patient-views';
import { TreatmentEntity } from './treatment.entity';

@Resolver(() => TreatmentModel)
export class TreatmentsResolver {
  constructor(
    private readonly service: TreatmentsService,
    private readonly views: PatientViews,
    private readonly loaders: RegistryLoaders,
  ) {}

  private async model(ctx: RequestContext, actor: Actor, e: TreatmentEntity): Promise<TreatmentModel> {
    return TreatmentModel.from(e, await this.views.of(ctx, actor, e.patientId));
  }

  @Roles(...readersOf('Treatment'))
  @Query(() => TreatmentModel)
  async treatment(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string, @Context() ctx: RequestContext): Promise<TreatmentModel> {
    return this.model(ctx, actor, await this.service.get(actor, id));
  }

  @Roles(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => TreatmentModel)
  async createTreatment(@CurrentActor() actor: Actor, @Args('input') input: CreateTreatmentInput, @Context() ctx: RequestContext): Promise<TreatmentModel> {
    return this.model(ctx, actor, await this.service.create(actor, input));
  }

  @Roles(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => TreatmentModel)
  async updateTreatment(@CurrentActor() actor: Actor, @Args('input') input: UpdateTreatmentInput, @Context() ctx: RequestContext): Promise<TreatmentModel> {
    return this.model(ctx, actor, await this.service.update(actor, input));
  }

  @Roles(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => TreatmentModel)
  async withdrawTreatment(@CurrentActor() actor: Actor, @Args('input') input: WithdrawInput, @Context() ctx: RequestContext): Promise<TreatmentModel> {
    return this.model(ctx, actor, await this.service.withdraw(actor, input.id, input.version, input.reason));
  }

  @ResolveField(() => [TreatedLevelModel], relatedFieldOptions('Treatment', 'levels'))
  async levels(@Parent() t: TreatmentModel, @Context() ctx: RequestContext, @CurrentActor() actor: Actor): Promise<TreatedLevelModel[]> {
    const view = await this.views.of(ctx, actor, t.patientId);
    return (await this.loaders.treatedLevels(ctx).load(t.id)).map((l) => TreatedLevelModel.from(l, view));
  }
}
