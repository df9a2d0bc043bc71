import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor, CurrentActor, Roles, WithdrawInput } from '@vfr/api-core';
import { Role } from '@vfr/domain';
import { CreateComplicationInput, UpdateComplicationInput } from './dto/complication.input';
import { ComplicationsService } from './complications.service';
import { ComplicationModel } from './models/complication.model';

@Resolver(() => ComplicationModel)
export class ComplicationsResolver {
  constructor(private readonly service: ComplicationsService) {}

  @Roles(Role.ADMIN, Role.COORDINATOR, Role.RESEARCHER)
  @Query(() => ComplicationModel)
  async complication(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<ComplicationModel> {
    return ComplicationModel.from(await this.service.get(actor, id));
  }

  @Roles(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => ComplicationModel)
  async createComplication(@CurrentActor() actor: Actor, @Args('input') input: CreateComplicationInput): Promise<ComplicationModel> {
    return ComplicationModel.from(await this.service.create(actor, input));
  }

  @Roles(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => ComplicationModel)
  async updateComplication(@CurrentActor() actor: Actor, @Args('input') input: UpdateComplicationInput): Promise<ComplicationModel> {
    return ComplicationModel.from(await this.service.update(actor, input));
  }

  @Roles(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => ComplicationModel)
  async withdrawComplication(@CurrentActor() actor: Actor, @Args('input') input: WithdrawInput): Promise<ComplicationModel> {
    return ComplicationModel.from(await this.service.withdraw(actor, input.id, input.version, input.reason));
  }
}
