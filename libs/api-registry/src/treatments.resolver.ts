import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, CurrentActor, RequestContext, Roles, WithdrawInput } from '@vfr/api-core';
import { Role } from '@vfr/domain';
import { CreateTreatmentInput, UpdateTreatmentInput } from './dto/treatment.input';
import { TreatedLevelModel, TreatmentModel } from './models/treatment.model';
import { RegistryLoaders } from './registry.loaders';
import { TreatmentsService } from './treatments.service';

@Resolver(() => TreatmentModel)
export class TreatmentsResolver {
  constructor(private readonly service: TreatmentsService, private readonly loaders: RegistryLoaders) {}

  @Roles(Role.ADMIN, Role.COORDINATOR, Role.RESEARCHER)
  @Query(() => TreatmentModel)
  async treatment(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<TreatmentModel> {
    return TreatmentModel.from(await this.service.get(actor, id));
  }

  @Roles(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => TreatmentModel)
  async createTreatment(@CurrentActor() actor: Actor, @Args('input') input: CreateTreatmentInput): Promise<TreatmentModel> {
    return TreatmentModel.from(await this.service.create(actor, input));
  }

  @Roles(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => TreatmentModel)
  async updateTreatment(@CurrentActor() actor: Actor, @Args('input') input: UpdateTreatmentInput): Promise<TreatmentModel> {
    return TreatmentModel.from(await this.service.update(actor, input));
  }

  @Roles(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => TreatmentModel)
  async withdrawTreatment(@CurrentActor() actor: Actor, @Args('input') input: WithdrawInput): Promise<TreatmentModel> {
    return TreatmentModel.from(await this.service.withdraw(actor, input.id, input.version, input.reason));
  }

  @ResolveField(() => [TreatedLevelModel], { description: 'The fractures treated, with cement per level' })
  async levels(@Parent() t: TreatmentModel, @Context() ctx: RequestContext): Promise<TreatedLevelModel[]> {
    return (await this.loaders.treatedLevels(ctx).load(t.id)).map(TreatedLevelModel.from);
  }
}
