import { Args, Query, Resolver } from '@nestjs/graphql';
import { Actor, CurrentActor, Roles } from '@vfr/api-core';
import { Role, TimePoint, TreatmentGrouping } from '@vfr/domain';
import { CohortsService } from './cohorts.service';
import { CohortFilterInput } from './dto/cohort-filter.input';
import { ProportionModel, SurvivalAnalysisModel, TrajectoryPointModel } from './models/outcomes.model';
import { OutcomeMeasure, ResponderDefinition, SurvivalEndpoint } from './outcome-measures';
import { OutcomesService } from './outcomes.service';
import { DischargeSummaryModel, FunnelPlotModel, ReadmissionSummaryModel, TreatmentVolumesModel } from './models/operations.model';
import { VolumePeriod } from './volume-periods';
import { OperationsService } from './operations.service';
import { CharacteristicsService } from './characteristics.service';
import { AdjustedService } from './adjusted.service';
import { AdjustedComparisonModel, PropensityTrimming } from './models/adjusted.model';
import { CharacteristicRowModel } from './models/characteristics.model';
import { CompetingRisksService } from './competing-risks.service';
import { CompetingRisksAnalysisModel } from './models/competing-risks.model';

const ANALYSTS = [Role.ADMIN, Role.COORDINATOR, Role.RESEARCHER, Role.DEPARTMENT_HEAD];
const filterArg = { type: () => CohortFilterInput, nullable: true } as const;
const groupingArg = { type: () => TreatmentGrouping, defaultValue: TreatmentGrouping.FIRST_TREATMENT } as const;

@Resolver()
export class OutcomesResolver {
  constructor(
    private readonly outcomes: OutcomesService,
    private readonly cohorts: CohortsService,
    private readonly characteristics: CharacteristicsService,
    private readonly adjusted: AdjustedService,
    private readonly competing: CompetingRisksService,
  ) {}

  @Roles(...ANALYSTS)
  @Query(() => AdjustedComparisonModel, { description: 'Between-group differences, unadjusted and IPTW-adjusted, with the balance table after weighting' })
  adjustedComparison(
    @CurrentActor() actor: Actor,
    @Args('filter', filterArg) filter: CohortFilterInput | undefined,
    @Args('grouping', groupingArg) grouping: TreatmentGrouping,
    @Args('measure', { type: () => OutcomeMeasure, defaultValue: OutcomeMeasure.NRS }) measure: OutcomeMeasure,
    @Args('timePoint', { type: () => TimePoint, defaultValue: TimePoint.M1 }) timePoint: TimePoint,
    @Args('trimming', {
      type: () => PropensityTrimming,
      defaultValue: PropensityTrimming.NONE,
      description: 'Trimming by generalized propensity before weighting (default none)',
    })
    trimming: PropensityTrimming,
  ): Promise<AdjustedComparisonModel> {
    return this.adjusted.compare(actor, this.cohorts.filter(actor, filter), grouping, measure, timePoint, trimming);
  }

  @Roles(...ANALYSTS)
  @Query(() => AdjustedComparisonModel, {
    description:
      'Risk of a new vertebral fracture by the time point (its target day), between groups, unadjusted and IPTW-adjusted (the propensity model includes the anti-osteoporotic drug); differences are risk differences',
  })
  adjustedNewFractureComparison(
    @CurrentActor() actor: Actor,
    @Args('filter', filterArg) filter: CohortFilterInput | undefined,
    @Args('grouping', groupingArg) grouping: TreatmentGrouping,
    @Args('timePoint', { type: () => TimePoint, defaultValue: TimePoint.M12 }) timePoint: TimePoint,
    @Args('trimming', {
      type: () => PropensityTrimming,
      defaultValue: PropensityTrimming.NONE,
      description: 'Trimming by generalized propensity before weighting (default none)',
    })
    trimming: PropensityTrimming,
  ): Promise<AdjustedComparisonModel> {
    return this.adjusted.compareNewFracture(actor, this.cohorts.filter(actor, filter), grouping, timePoint, trimming);
  }

  @Roles(...ANALYSTS)
  @Query(() => [CharacteristicRowModel], { description: 'Table 1: characteristics per treatment group with standardized mean differences' })
  characteristicsTable(
    @CurrentActor() actor: Actor,
    @Args('filter', filterArg) filter: CohortFilterInput | undefined,
    @Args('grouping', groupingArg) grouping: TreatmentGrouping,
  ): Promise<CharacteristicRowModel[]> {
    return this.characteristics.table(actor, this.cohorts.filter(actor, filter), grouping);
  }

  @Roles(...ANALYSTS)
  @Query(() => [TrajectoryPointModel], { description: 'n, mean with 95% CI, median, IQR and change from baseline per group and time point' })
  outcomeTrajectory(
    @CurrentActor() actor: Actor,
    @Args('filter', filterArg) filter: CohortFilterInput | undefined,
    @Args('grouping', groupingArg) grouping: TreatmentGrouping,
    @Args('measure', { type: () => OutcomeMeasure, defaultValue: OutcomeMeasure.NRS }) measure: OutcomeMeasure,
  ): Promise<TrajectoryPointModel[]> {
    return this.outcomes.trajectory(actor, this.cohorts.filter(actor, filter), grouping, measure);
  }

  @Roles(...ANALYSTS)
  @Query(() => [ProportionModel], { description: 'Responder rate per group and time point, with Wilson 95% CIs' })
  responderRates(
    @CurrentActor() actor: Actor,
    @Args('filter', filterArg) filter: CohortFilterInput | undefined,
    @Args('grouping', groupingArg) grouping: TreatmentGrouping,
    @Args('definition', { type: () => ResponderDefinition, defaultValue: ResponderDefinition.NRS_DROP_2 }) definition: ResponderDefinition,
  ): Promise<ProportionModel[]> {
    return this.outcomes.responders(actor, this.cohorts.filter(actor, filter), grouping, definition);
  }

  @Roles(...ANALYSTS)
  @Query(() => [ProportionModel], {
    description:
      'Share of patients with a complication, with Wilson 95% CIs: ANY; MAJOR (Clavien-Dindo III+), MINOR and GRADE_NOT_RECORDED by the highest grade; every kind (0 events included); LEAKAGE_SYMPTOMATIC, LEAKAGE_ASYMPTOMATIC and LEAKAGE_SYMPTOM_NOT_RECORDED; AFTER_CROSSOVER (intention to treat)',
  })
  complicationRates(
    @CurrentActor() actor: Actor,
    @Args('filter', filterArg) filter: CohortFilterInput | undefined,
    @Args('grouping', groupingArg) grouping: TreatmentGrouping,
  ): Promise<ProportionModel[]> {
    return this.outcomes.complications(actor, this.cohorts.filter(actor, filter), grouping);
  }

  @Roles(...ANALYSTS)
  @Query(() => [ProportionModel], {
    description: 'Share of patients with a new fracture within follow-up at each level T1-L5 (NOT_RECORDED: no level; and ANY), with Wilson 95% CIs',
  })
  newFracturesByLevel(
    @CurrentActor() actor: Actor,
    @Args('filter', filterArg) filter: CohortFilterInput | undefined,
    @Args('grouping', groupingArg) grouping: TreatmentGrouping,
  ): Promise<ProportionModel[]> {
    return this.outcomes.newFractures(actor, this.cohorts.filter(actor, filter), grouping, 'LEVEL');
  }

  @Roles(...ANALYSTS)
  @Query(() => [ProportionModel], {
    description:
      "Share of patients with a new fracture within follow-up adjacent to or remote from the index treatment's levels (and ANY), with Wilson 95% CIs",
  })
  newFracturesByAdjacency(
    @CurrentActor() actor: Actor,
    @Args('filter', filterArg) filter: CohortFilterInput | undefined,
    @Args('grouping', groupingArg) grouping: TreatmentGrouping,
  ): Promise<ProportionModel[]> {
    return this.outcomes.newFractures(actor, this.cohorts.filter(actor, filter), grouping, 'ADJACENCY');
  }

  @Roles(...ANALYSTS)
  @Query(() => [ProportionModel], {
    description: 'Share of completed visits with spine imaging done, per group and time point (visits that recorded it), with Wilson 95% CIs',
  })
  imagingRates(
    @CurrentActor() actor: Actor,
    @Args('filter', filterArg) filter: CohortFilterInput | undefined,
    @Args('grouping', groupingArg) grouping: TreatmentGrouping,
  ): Promise<ProportionModel[]> {
    return this.outcomes.imaging(actor, this.cohorts.filter(actor, filter), grouping);
  }

  @Roles(...ANALYSTS)
  @Query(() => CompetingRisksAnalysisModel, {
    description: "A new fracture with death as a competing risk: Aalen-Johansen cumulative incidence of each per group, and Gray's test (docs/methods.md)",
  })
  competingRisks(
    @CurrentActor() actor: Actor,
    @Args('filter', filterArg) filter: CohortFilterInput | undefined,
    @Args('grouping', groupingArg) grouping: TreatmentGrouping,
  ): Promise<CompetingRisksAnalysisModel> {
    return this.competing.analyse(actor, this.cohorts.filter(actor, filter), grouping);
  }

  @Roles(...ANALYSTS)
  @Query(() => SurvivalAnalysisModel, { description: 'Kaplan-Meier curves with 95% CIs, medians and the log-rank test' })
  survival(
    @CurrentActor() actor: Actor,
    @Args('filter', filterArg) filter: CohortFilterInput | undefined,
    @Args('grouping', groupingArg) grouping: TreatmentGrouping,
    @Args('endpoint', { type: () => SurvivalEndpoint, defaultValue: SurvivalEndpoint.PAIN_RELIEF }) endpoint: SurvivalEndpoint,
  ): Promise<SurvivalAnalysisModel> {
    return this.outcomes.survival(actor, this.cohorts.filter(actor, filter), grouping, endpoint);
  }
}

@Resolver()
export class OperationsResolver {
  constructor(
    private readonly operations: OperationsService,
    private readonly cohorts: CohortsService,
  ) {}

  @Roles(...ANALYSTS)
  @Query(() => TreatmentVolumesModel, { description: 'Treatments started per period (month, quarter or year) and kind' })
  treatmentVolumes(
    @CurrentActor() actor: Actor,
    @Args('filter', filterArg) filter: CohortFilterInput | undefined,
    @Args('period', { type: () => VolumePeriod, defaultValue: VolumePeriod.AUTO }) period: VolumePeriod,
  ): Promise<TreatmentVolumesModel> {
    return this.operations.volumes(actor, this.cohorts.filter(actor, filter), period);
  }

  @Roles(...ANALYSTS)
  @Query(() => [DischargeSummaryModel], { description: 'Same-day discharge and length of stay per procedure kind' })
  discharge(@CurrentActor() actor: Actor, @Args('filter', filterArg) filter: CohortFilterInput | undefined): Promise<DischargeSummaryModel[]> {
    return this.operations.discharge(actor, this.cohorts.filter(actor, filter));
  }

  @Roles(...ANALYSTS)
  @Query(() => [ReadmissionSummaryModel], { description: 'Readmissions within 30 and 90 days per treatment kind, and repeat augmentation per procedure kind' })
  readmissions(@CurrentActor() actor: Actor, @Args('filter', filterArg) filter: CohortFilterInput | undefined): Promise<ReadmissionSummaryModel[]> {
    return this.operations.readmissions(actor, this.cohorts.filter(actor, filter));
  }

  @Roles(...ANALYSTS)
  @Query(() => FunnelPlotModel, { description: "Sites' complication rates after procedures, with control limits" })
  funnelPlot(@CurrentActor() actor: Actor, @Args('filter', filterArg) filter: CohortFilterInput | undefined): Promise<FunnelPlotModel> {
    return this.operations.funnel(actor, this.cohorts.filter(actor, filter));
  }
}
