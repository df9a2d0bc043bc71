import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor, CurrentActor, RequestContext, Roles, WithdrawInput } from '@vfr/api-core';
import { readersOf, Role } from '@vfr/domain';
import { DeathEntity } from './death.entity';
import { RecordDeathInput, UpdateDeathInput } from './dto/death.input';
import { DeathsService } from './deaths.service';
import { DeathModel } from './models/death.model';
import { PatientViews } from './patient-views';

@Resolver(() => DeathModel)
export class DeathsResolver {
  constructor(
    private readonly service: DeathsService,
    private readonly views: PatientViews,
  ) {}

  private async model(ctx: RequestContext, actor: Actor, e: DeathEntity): Promise<DeathModel> {
    return DeathModel.from(e, await this.views.of(ctx, actor, e.patientId));
  }

  @Roles(...readersOf('Death'))
  @Query(() => DeathModel)
  async death(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string, @Context() ctx: RequestContext): Promise<DeathModel> {
    return this.model(ctx, actor, await this.service.get(actor, id));
  }

  @Roles(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => DeathModel, { description: "Record a patient's death (one in force per patient)" })
  async recordDeath(@CurrentActor() actor: Actor, @Args('input') input: RecordDeathInput, @Context() ctx: RequestContext): Promise<DeathModel> {
    return this.model(ctx, actor, await this.service.record(actor, input));
  }

  @Roles(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => DeathModel)
  async updateDeath(@CurrentActor() actor: Actor, @Args('input') input: UpdateDeathInput, @Context() ctx: RequestContext): Promise<DeathModel> {
    return this.model(ctx, actor, await this.service.update(actor, input));
  }

  @Roles(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => DeathModel, { description: 'Withdraw a death recorded in error (kept, marked withdrawn, audited)' })
  async withdrawDeath(@CurrentActor() actor: Actor, @Args('input') input: WithdrawInput, @Context() ctx: RequestContext): Promise<DeathModel> {
    return this.model(ctx, actor, await this.service.withdraw(actor, input.id, input.version, input.reason));
  }
}
