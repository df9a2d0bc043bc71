import { Args, Query, Resolver } from '@nestjs/graphql';
import { Actor, CurrentActor, Roles } from '@vfr/api-core';
import { Role, TreatmentGrouping } from '@vfr/domain';
import { CohortsService } from './cohorts.service';
import { CohortFilterInput } from './dto/cohort-filter.input';
import { RadiographicPointModel } from './models/radiographs.model';
import { RadiographsService } from './radiographs.service';

// The readers of every cohort figure (outcomeTrajectory's), each shown its counts as suppression.ts says.
const ANALYSTS = [Role.ADMIN, Role.COORDINATOR, Role.RESEARCHER, Role.DEPARTMENT_HEAD];

@Resolver()
export class RadiographsResolver {
  constructor(
    private readonly radiographs: RadiographsService,
    private readonly cohorts: CohortsService,
  ) {}

  @Roles(...ANALYSTS)
  @Query(() => [RadiographicPointModel], {
    description:
      'Per group and time point from month 1: mean kyphotic angle and anterior height of the index level, and the loss of correction, each with its 95% CI (docs/methods.md)',
  })
  radiographicFollowUp(
    @CurrentActor() actor: Actor,
    @Args('filter', { type: () => CohortFilterInput, nullable: true }) filter: CohortFilterInput | undefined,
    @Args('grouping', { type: () => TreatmentGrouping, defaultValue: TreatmentGrouping.FIRST_TREATMENT }) grouping: TreatmentGrouping,
  ): Promise<RadiographicPointModel[]> {
    return this.radiographs.followUp(actor, this.cohorts.filter(actor, filter), grouping);
  }
}
