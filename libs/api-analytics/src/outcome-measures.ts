import { registerEnumType } from '@nestjs/graphql';

export enum OutcomeMeasure {
  NRS = 'NRS',
  ODI = 'ODI',
  RMDQ = 'RMDQ',
  EQ5D = 'EQ5D',
}

export enum ResponderDefinition {
  NRS_DROP_2 = 'NRS_DROP_2',
  NRS_DROP_30_PERCENT = 'NRS_DROP_30_PERCENT',
  NRS_BELOW_4 = 'NRS_BELOW_4',
  ODI_DROP_10 = 'ODI_DROP_10',
}

export enum SurvivalEndpoint {
  NEW_FRACTURE = 'NEW_FRACTURE',
  PAIN_RELIEF = 'PAIN_RELIEF',
  OVERALL_SURVIVAL = 'OVERALL_SURVIVAL',
}

/** The analysis table's column holding each endpoint's event day (before the follow-up rule). */
export const SURVIVAL_EVENT_DAY: Record<SurvivalEndpoint, string> = {
  [SurvivalEndpoint.NEW_FRACTURE]: 'c.new_fracture_day',
  [SurvivalEndpoint.PAIN_RELIEF]: 'c.pain_relief_day',
  [SurvivalEndpoint.OVERALL_SURVIVAL]: 'c.death_day',
};

registerEnumType(OutcomeMeasure, { name: 'OutcomeMeasure', description: 'NRS is pain on activity (at rest when activity was not scored)' });
registerEnumType(ResponderDefinition, {
  name: 'ResponderDefinition',
  description: 'NRS drop of at least 2 points, NRS drop of at least 30 %, NRS below 4, ODI drop of at least 10 points (all from baseline)',
});
registerEnumType(SurvivalEndpoint, {
  name: 'SurvivalEndpoint',
  description:
    'NEW_FRACTURE: first new adjacent or remote vertebral fracture (deaths censored: see competingRisks for the cumulative incidence with death as a competing risk); ' +
    'PAIN_RELIEF: first completed visit after baseline with NRS <= 3 (a single visit, not confirmed at the next one), among patients with a baseline NRS above 3 only ' +
    '(baseline 3 or less, or missing: not analysed); OVERALL_SURVIVAL: death from any cause. Events count only within follow-up (docs/methods.md)',
});

/** analysis_patient's score array of a measure (a fixed name, never user text). */
export const MEASURE_COLUMN: Record<OutcomeMeasure, string> = {
  [OutcomeMeasure.NRS]: 'nrs',
  [OutcomeMeasure.ODI]: 'odi',
  [OutcomeMeasure.RMDQ]: 'rmdq',
  [OutcomeMeasure.EQ5D]: 'eq5d',
};

/** The scheduled time points in the order of analysis_patient's score arrays (1-based in SQL). */
export { SCHEDULED_TIME_POINTS, timePointOrdinal } from '@vfr/domain';

export const RESPONDER: Record<ResponderDefinition, { measure: OutcomeMeasure; condition: string }> = {
  [ResponderDefinition.NRS_DROP_2]: { measure: OutcomeMeasure.NRS, condition: 'base - value >= 2' },
  [ResponderDefinition.NRS_DROP_30_PERCENT]: { measure: OutcomeMeasure.NRS, condition: 'base > 0 AND (base - value) >= 0.3 * base' },
  [ResponderDefinition.NRS_BELOW_4]: { measure: OutcomeMeasure.NRS, condition: 'value < 4' },
  [ResponderDefinition.ODI_DROP_10]: { measure: OutcomeMeasure.ODI, condition: 'base - value >= 10' },
};
