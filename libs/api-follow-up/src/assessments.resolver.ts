import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, CurrentActor, groupByKeys, indexByKeys, loaderFor, RequestContext, Roles, WithdrawInput } from '@vfr/api-core';
import { PatientModel } from '@vfr/api-registry';
import { Role } from '@vfr/domain';
import { AssessmentsService } from './assessments.service';
import { CreateAssessmentInput, UpdateAssessmentInput } from './dto/assessment.input';
import { AssessmentModel } from './models/assessment.model';

@Resolver(() => AssessmentModel)
export class AssessmentsResolver {
  constructor(private readonly service: AssessmentsService) {}

  @Roles(Role.ADMIN, Role.COORDINATOR, Role.RESEARCHER)
  @Query(() => AssessmentModel)
  async assessment(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<AssessmentModel> {
    return AssessmentModel.from(await this.service.get(actor, id));
  }

  @Roles(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => AssessmentModel, { description: 'Record a follow-up visit (done, missed or withdrawn)' })
  async createAssessment(@CurrentActor() actor: Actor, @Args('input') input: CreateAssessmentInput): Promise<AssessmentModel> {
    return AssessmentModel.from(await this.service.create(actor, input));
  }

  @Roles(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => AssessmentModel)
  async updateAssessment(@CurrentActor() actor: Actor, @Args('input') input: UpdateAssessmentInput): Promise<AssessmentModel> {
    return AssessmentModel.from(await this.service.update(actor, input));
  }

  @Roles(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => AssessmentModel)
  async withdrawAssessment(@CurrentActor() actor: Actor, @Args('input') input: WithdrawInput): Promise<AssessmentModel> {
    return AssessmentModel.from(await this.service.withdraw(actor, input.id, input.version, input.reason));
  }
}

/** Adds the follow-up fields to Patient, batched per request. */
@Resolver(() => PatientModel)
export class PatientFollowUpResolver {
  constructor(private readonly service: AssessmentsService) {}

  @ResolveField(() => [AssessmentModel], { description: 'Follow-up visits in date order' })
  async assessments(@Parent() p: PatientModel, @Context() ctx: RequestContext): Promise<AssessmentModel[]> {
    const loader = loaderFor(ctx, 'assessments', async (ids: readonly string[]) => groupByKeys(ids, await this.service.ofPatients(ids), (a) => a.patientId));
    return (await loader.load(p.id)).map(AssessmentModel.from);
  }

  @ResolveField(() => AssessmentModel, { nullable: true, description: 'The most recent completed visit' })
  async latestAssessment(@Parent() p: PatientModel, @Context() ctx: RequestContext): Promise<AssessmentModel | null> {
    const loader = loaderFor(ctx, 'latestAssessment', async (ids: readonly string[]) => indexByKeys(ids, await this.service.latestOf(ids), (a) => a.patientId));
    const row = await loader.load(p.id);
    return row ? AssessmentModel.from(row) : null;
  }
}
