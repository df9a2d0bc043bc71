/**
 * The overview's headline figures (docs/methods.md, Headline figures): what a department head
 * takes to a meeting, each for the filtered patients of their site beside the registry's.
 */
export enum HeadlineFigure {
  PATIENTS_TREATED = 'PATIENTS_TREATED',
  FOLLOW_UP_M12 = 'FOLLOW_UP_M12',
  MAJOR_COMPLICATIONS = 'MAJOR_COMPLICATIONS',
  SYMPTOMATIC_LEAKAGE = 'SYMPTOMATIC_LEAKAGE',
  SAME_DAY_DISCHARGE = 'SAME_DAY_DISCHARGE',
  MORTALITY_30_DAYS = 'MORTALITY_30_DAYS',
  MORTALITY_1_YEAR = 'MORTALITY_1_YEAR',
}

export interface HeadlineDefinition {
  label: string;
  /** What n counts, in the plural. */
  unit: string;
  /** One sentence: numerator and denominator, as docs/methods.md defines them. */
  definition: string;
  /** Whether a lower rate is the better one (null: not a rate, or neither). */
  lowerIsBetter: boolean | null;
}

export const HEADLINE_FIGURES: Record<HeadlineFigure, HeadlineDefinition> = {
  PATIENTS_TREATED: {
    label: 'Patients treated',
    unit: 'patients',
    definition: 'Consenting patients whose first treatment for the fracture falls in the period.',
    lowerIsBetter: null,
  },
  FOLLOW_UP_M12: {
    label: '12-month follow-up done',
    unit: 'visits due',
    definition: '12-month visits done, of those whose window (day 305 to 425) has closed, leaving out patients who died before it closed.',
    lowerIsBetter: false,
  },
  MAJOR_COMPLICATIONS: {
    label: 'Major complications',
    unit: 'patients',
    definition: 'Patients with a complication of Clavien-Dindo grade III or more within follow-up, of all patients.',
    lowerIsBetter: true,
  },
  SYMPTOMATIC_LEAKAGE: {
    label: 'Symptomatic cement leakage',
    unit: 'patients with a procedure',
    definition: 'Patients with a symptomatic cement leakage within follow-up, of the patients who had vertebroplasty or kyphoplasty (first or later).',
    lowerIsBetter: true,
  },
  SAME_DAY_DISCHARGE: {
    label: 'Same-day discharge',
    unit: 'procedures',
    definition: 'Vertebroplasties and kyphoplasties with the patient discharged on the day, of those with the discharge recorded.',
    lowerIsBetter: false,
  },
  MORTALITY_30_DAYS: {
    label: '30-day mortality',
    unit: 'patients',
    definition: 'Patients who died within 30 days of the first treatment, of those treated at least 30 days ago.',
    lowerIsBetter: true,
  },
  MORTALITY_1_YEAR: {
    label: '1-year mortality',
    unit: 'patients',
    definition: 'Patients who died within 365 days of the first treatment, of those treated at least 365 days ago.',
    lowerIsBetter: true,
  },
};
