import { Args, Query, Resolver } from '@nestjs/graphql';
import { Actor, CurrentActor, Roles } from '@vfr/api-core';
import { Role } from '@vfr/domain';
import { CohortsService } from './cohorts.service';
import { CohortFilterInput } from './dto/cohort-filter.input';
import { HeadlineModel } from './models/headlines.model';
import { HeadlinesService } from './headlines.service';

@Resolver()
export class HeadlinesResolver {
  constructor(
    private readonly headlines: HeadlinesService,
    private readonly cohorts: CohortsService,
  ) {}

  @Roles(Role.ADMIN, Role.COORDINATOR, Role.RESEARCHER, Role.DEPARTMENT_HEAD)
  @Query(() => [HeadlineModel], {
    description:
      "The overview's headline figures for the cohort: patients treated, 12-month follow-up, major complications (Clavien-Dindo III+), symptomatic cement leakage, same-day discharge, 30-day and 1-year mortality (docs/methods.md)",
  })
  headlineFigures(
    @CurrentActor() actor: Actor,
    @Args('filter', { type: () => CohortFilterInput, nullable: true }) filter: CohortFilterInput | undefined,
  ): Promise<HeadlineModel[]> {
    return this.headlines.figures(actor, this.cohorts.filter(actor, filter));
  }
}
