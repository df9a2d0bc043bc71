import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, CurrentActor, groupByKeys, indexByKeys, loaderFor, relatedFieldOptions, RequestContext, Roles, WithdrawInput } from '@vfr/api-core';
import { PatientModel, PatientViews } from '@vfr/api-registry';
import { AssessmentEntity } from './assessment.entity';
import { Eq5dValueSet, readersOf, Role } from '@vfr/domain';
import { eq5dValueSetFromEnv } from '@vfr/api-database';
import { AssessmentsService } from './assessments.service';
import { CreateAssessmentInput, UpdateAssessmentInput } from './dto/assessment.input';
import { MarkVisitsMissedInput } from './dto/mark-missed.input';
import { AssessmentModel } from './models/assessment.model';

@Resolver(() => AssessmentModel)
export class AssessmentsResolver {
  constructor(
    private readonly service: AssessmentsService,
    private readonly views: PatientViews,
  ) {}

  private async model(ctx: RequestContext, actor: Actor, e: AssessmentEntity): Promise<AssessmentModel> {
    return AssessmentModel.from(e, await this.views.of(ctx, actor, e.patientId));
  }

  @Roles(...readersOf('Assessment'))
  @Query(() => AssessmentModel)
  async assessment(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string, @Context() ctx: RequestContext): Promise<AssessmentModel> {
    return this.model(ctx, actor, await this.service.get(actor, id));
  }

  /** The visit form shows the index it will store: valued with the same set as the server. */
  @Roles(Role.ADMIN, Role.COORDINATOR)
  @Query(() => Eq5dValueSet, { description: "The registry's EQ-5D-5L value set (EQ5D_VALUE_SET): eq5dIndex is computed from eq5dLevels with it" })
  eq5dValueSet(): Eq5dValueSet {
    return eq5dValueSetFromEnv();
  }

  @Roles(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => AssessmentModel, { description: 'Record a follow-up visit (done, missed or withdrawn)' })
  async createAssessment(@CurrentActor() actor: Actor, @Args('input') input: CreateAssessmentInput, @Context() ctx: RequestContext): Promise<AssessmentModel> {
    return this.model(ctx, actor, await this.service.create(actor, input));
  }

  @Roles(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => [AssessmentModel], { description: 'Record several expected visits as missed, for one reason: all of them, or (a row refused) none' })
  async markVisitsMissed(
    @CurrentActor() actor: Actor,
    @Args('input') input: MarkVisitsMissedInput,
    @Context() ctx: RequestContext,
  ): Promise<AssessmentModel[]> {
    const created = await this.service.markMissed(actor, input);
    return Promise.all(created.map((e) => this.model(ctx, actor, e)));
  }

  @Roles(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => AssessmentModel)
  async updateAssessment(@CurrentActor() actor: Actor, @Args('input') input: UpdateAssessmentInput, @Context() ctx: RequestContext): Promise<AssessmentModel> {
    return this.model(ctx, actor, await this.service.update(actor, input));
  }

  @Roles(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => AssessmentModel)
  async withdrawAssessment(@CurrentActor() actor: Actor, @Args('input') input: WithdrawInput, @Context() ctx: RequestContext): Promise<AssessmentModel> {
    return this.model(ctx, actor, await this.service.withdraw(actor, input.id, input.version, input.reason));
  }
}

/** Adds the follow-up fields to Patient, batched per request. */
@Resolver(() => PatientModel)
export class PatientFollowUpResolver {
  constructor(
    private readonly service: AssessmentsService,
    private readonly views: PatientViews,
  ) {}

  @ResolveField(() => [AssessmentModel], relatedFieldOptions('Patient', 'assessments'))
  async assessments(@Parent() p: PatientModel, @Context() ctx: RequestContext, @CurrentActor() actor: Actor): Promise<AssessmentModel[]> {
    const view = await this.views.of(ctx, actor, p.id);
    const loader = loaderFor(ctx, 'assessments', async (ids: readonly string[]) => groupByKeys(ids, await this.service.ofPatients(ids), (a) => a.patientId));
    return (await loader.load(p.id)).map((a) => AssessmentModel.from(a, view));
  }

  @ResolveField(() => AssessmentModel, { ...relatedFieldOptions('Patient', 'latestAssessment'), nullable: true })
  async latestAssessment(@Parent() p: PatientModel, @Context() ctx: RequestContext, @CurrentActor() actor: Actor): Promise<AssessmentModel | null> {
    const view = await this.views.of(ctx, actor, p.id);
    const loader = loaderFor(ctx, 'latestAssessment', async (ids: readonly string[]) => indexByKeys(ids, await this.service.latestOf(ids), (a) => a.patientId));
    const row = await loader.load(p.id);
    return row ? AssessmentModel.from(row, view) : null;
  }
}
