import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor, CurrentActor, RequestContext, Roles, WithdrawInput } from '@vfr/api-core';
import { readersOf, Role } from '@vfr/domain';
import { CreateFractureInput, UpdateFractureInput } from './dto/fracture.input';
import { FracturesService } from './fractures.service';
import { FractureModel } from './models/fracture.model';
import { PatientViews } from './patient-views';
import { FractureEntity } from './fracture.entity';

@Resolver(() => FractureModel)
export class FracturesResolver {
  constructor(
    private readonly service: FracturesService,
    private readonly views: PatientViews,
  ) {}

  private async model(ctx: RequestContext, actor: Actor, e: FractureEntity): Promise<FractureModel> {
    return FractureModel.from(e, await this.views.of(ctx, actor, e.patientId));
  }

  @Roles(...readersOf('Fracture'))
  @Query(() => FractureModel)
  async fracture(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string, @Context() ctx: RequestContext): Promise<FractureModel> {
    return this.model(ctx, actor, await this.service.get(actor, id));
  }

  @Roles(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => FractureModel)
  async createFracture(@CurrentActor() actor: Actor, @Args('input') input: CreateFractureInput, @Context() ctx: RequestContext): Promise<FractureModel> {
    return this.model(ctx, actor, await this.service.create(actor, input));
  }

  @Roles(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => FractureModel)
  async updateFracture(@CurrentActor() actor: Actor, @Args('input') input: UpdateFractureInput, @Context() ctx: RequestContext): Promise<FractureModel> {
    return this.model(ctx, actor, await this.service.update(actor, input));
  }

  @Roles(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => FractureModel)
  async withdrawFracture(@CurrentActor() actor: Actor, @Args('input') input: WithdrawInput, @Context() ctx: RequestContext): Promise<FractureModel> {
    return this.model(ctx, actor, await this.service.withdraw(actor, input.id, input.version, input.reason));
  }
}
