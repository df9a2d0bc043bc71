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
}

registerEnumType(OutcomeMeasure, { name: 'OutcomeMeasure', description: 'NRS is pain on activity (at rest when activity was not scored)' });
registerEnumType(ResponderDefinition, {
  name: 'ResponderDefinition',
  description: 'NRS drop of at least 2 points, NRS drop of at least 30 %, NRS below 4, ODI drop of at least 10 points (all from baseline)',
});
registerEnumType(SurvivalEndpoint, {
  name: 'SurvivalEndpoint',
  description: 'NEW_FRACTURE: first new adjacent or remote vertebral fracture; PAIN_RELIEF: first visit with NRS <= 3',
});

/** SQL for a measure's value in an assessment row aliased `a` (a fixed expression, never user text). */
export function measureSql(measure: OutcomeMeasure, a: string): string {
  switch (measure) {
    case OutcomeMeasure.NRS:
      return `coalesce(${a}.nrs_activity, ${a}.nrs_rest)::float8`;
    case OutcomeMeasure.ODI:
      return `${a}.odi`;
    case OutcomeMeasure.RMDQ:
      return `${a}.rmdq::float8`;
    case OutcomeMeasure.EQ5D:
      return `${a}.eq5d_index`;
  }
}

export const RESPONDER: Record<ResponderDefinition, { measure: OutcomeMeasure; condition: string }> = {
  [ResponderDefinition.NRS_DROP_2]: { measure: OutcomeMeasure.NRS, condition: 'base - value >= 2' },
  [ResponderDefinition.NRS_DROP_30_PERCENT]: { measure: OutcomeMeasure.NRS, condition: 'base > 0 AND (base - value) >= 0.3 * base' },
  [ResponderDefinition.NRS_BELOW_4]: { measure: OutcomeMeasure.NRS, condition: 'value < 4' },
  [ResponderDefinition.ODI_DROP_10]: { measure: OutcomeMeasure.ODI, condition: 'base - value >= 10' },
};
