import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor, CurrentActor, Roles, WithdrawInput } from '@vfr/api-core';
import { Role } from '@vfr/domain';
import { CreateFractureInput, UpdateFractureInput } from './dto/fracture.input';
import { FracturesService } from './fractures.service';
import { FractureModel } from './models/fracture.model';

@Resolver(() => FractureModel)
export class FracturesResolver {
  constructor(private readonly service: FracturesService) {}

  @Roles(Role.ADMIN, Role.COORDINATOR, Role.RESEARCHER)
  @Query(() => FractureModel)
  async fracture(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<FractureModel> {
    return FractureModel.from(await this.service.get(actor, id));
  }

  @Roles(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => FractureModel)
  async createFracture(@CurrentActor() actor: Actor, @Args('input') input: CreateFractureInput): Promise<FractureModel> {
    return FractureModel.from(await this.service.create(actor, input));
  }

  @Roles(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => FractureModel)
  async updateFracture(@CurrentActor() actor: Actor, @Args('input') input: UpdateFractureInput): Promise<FractureModel> {
    return FractureModel.from(await this.service.update(actor, input));
  }

  @Roles(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => FractureModel)
  async withdrawFracture(@CurrentActor() actor: Actor, @Args('input') input: WithdrawInput): Promise<FractureModel> {
    return FractureModel.from(await this.service.withdraw(actor, input.id, input.version, input.reason));
  }
}
