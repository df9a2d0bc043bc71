import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor, CurrentActor, Roles, WithdrawInput } from '@vfr/api-core';
import { Role, TreatmentGrouping } from '@vfr/domain';
import { CohortsService } from './cohorts.service';
import { CohortFilterInput, SaveCohortInput, UpdateSavedCohortInput } from './dto/cohort-filter.input';
import { CohortSizeModel, SavedCohortModel } from './models/cohort.model';

const ANALYSTS = [Role.ADMIN, Role.COORDINATOR, Role.RESEARCHER, Role.DEPARTMENT_HEAD];

@Resolver(() => SavedCohortModel)
export class CohortsResolver {
  constructor(private readonly service: CohortsService) {}

  @Roles(...ANALYSTS)
  @Query(() => CohortSizeModel, { description: 'How many patients a cohort holds, per treatment group' })
  cohortSize(
    @CurrentActor() actor: Actor,
    @Args('filter', { type: () => CohortFilterInput, nullable: true }) filter: CohortFilterInput | undefined,
    @Args('grouping', { type: () => TreatmentGrouping, defaultValue: TreatmentGrouping.FIRST_TREATMENT }) grouping: TreatmentGrouping,
  ): Promise<CohortSizeModel> {
    return this.service.size(actor, filter, grouping);
  }

  @Roles(...ANALYSTS)
  @Query(() => [SavedCohortModel], { description: 'Your saved cohorts and the shared ones' })
  async savedCohorts(@CurrentActor() actor: Actor): Promise<SavedCohortModel[]> {
    return (await this.service.list(actor)).map((c) => SavedCohortModel.from(c));
  }

  @Roles(...ANALYSTS)
  @Mutation(() => SavedCohortModel)
  async saveCohort(@CurrentActor() actor: Actor, @Args('input') input: SaveCohortInput): Promise<SavedCohortModel> {
    return SavedCohortModel.from(await this.service.save(actor, input));
  }

  @Roles(...ANALYSTS)
  @Mutation(() => SavedCohortModel)
  async updateSavedCohort(@CurrentActor() actor: Actor, @Args('input') input: UpdateSavedCohortInput): Promise<SavedCohortModel> {
    return SavedCohortModel.from(await this.service.update(actor, input));
  }

  @Roles(...ANALYSTS)
  @Mutation(() => SavedCohortModel)
  async withdrawSavedCohort(@CurrentActor() actor: Actor, @Args('input') input: WithdrawInput): Promise<SavedCohortModel> {
    return SavedCohortModel.from(await this.service.withdraw(actor, input.id, input.version, input.reason));
  }
}
