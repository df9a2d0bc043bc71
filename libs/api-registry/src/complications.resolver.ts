import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor, CurrentActor, RequestContext, Roles, WithdrawInput } from '@vfr/api-core';
import { readersOf, Role } from '@vfr/domain';
import { CreateComplicationInput, UpdateComplicationInput } from './dto/complication.input';
import { ComplicationsService } from './complications.service';
import { ComplicationModel } from './models/complication.model';
import { PatientViews } from './patient-views';
import { ComplicationEntity } from './complication.entity';

@Resolver(() => ComplicationModel)
export class ComplicationsResolver {
  constructor(
    private readonly service: ComplicationsService,
    private readonly views: PatientViews,
  ) {}

  private async model(ctx: RequestContext, actor: Actor, e: ComplicationEntity): Promise<ComplicationModel> {
    return ComplicationModel.from(e, await this.views.of(ctx, actor, e.patientId));
  }

  @Roles(...readersOf('Complication'))
  @Query(() => ComplicationModel)
  async complication(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string, @Context() ctx: RequestContext): Promise<ComplicationModel> {
    return this.model(ctx, actor, await this.service.get(actor, id));
  }

  @Roles(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => ComplicationModel)
  async createComplication(
    @CurrentActor() actor: Actor,
    @Args('input') input: CreateComplicationInput,
    @Context() ctx: RequestContext,
  ): Promise<ComplicationModel> {
    return this.model(ctx, actor, await this.service.create(actor, input));
  }

  @Roles(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => ComplicationModel)
  async updateComplication(
    @CurrentActor() actor: Actor,
    @Args('input') input: UpdateComplicationInput,
    @Context() ctx: RequestContext,
  ): Promise<ComplicationModel> {
    return this.model(ctx, actor, await this.service.update(actor, input));
  }

  @Roles(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => ComplicationModel)
  async withdrawComplication(@CurrentActor() actor: Actor, @Args('input') input: WithdrawInput, @Context() ctx: RequestContext): Promise<ComplicationModel> {
    return this.model(ctx, actor, await this.service.withdraw(actor, input.id, input.version, input.reason));
  }
}
