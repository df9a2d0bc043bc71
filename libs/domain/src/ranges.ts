// The one table of allowed values for measurements and text, used by the API's validation, the
// dashboard's forms and CSV import. The database's CHECK constraints repeat the numeric ranges.

export interface NumericRange {
  min: number;
  max: number;
  integer: boolean;
  /** True when the minimum itself is not allowed (cement volume must be > 0). */
  exclusiveMin?: boolean;
  unit: string;
  label: string;
}

export const RANGES = {
  nrs: { min: 0, max: 10, integer: true, unit: 'points', label: 'Pain NRS' },
  odi: { min: 0, max: 100, integer: false, unit: '%', label: 'Oswestry Disability Index' },
  rmdq: { min: 0, max: 24, integer: true, unit: 'points', label: 'Roland-Morris Disability Questionnaire' },
  eq5dIndex: { min: -1, max: 1, integer: false, unit: '', label: 'EQ-5D-5L index' },
  eq5dVas: { min: 0, max: 100, integer: true, unit: 'points', label: 'EQ VAS' },
  genantGrade: { min: 0, max: 3, integer: true, unit: '', label: 'Genant grade' },
  heightLossPercent: { min: 0, max: 100, integer: false, unit: '%', label: 'Vertebral height loss' },
  bmi: { min: 10, max: 80, integer: false, unit: 'kg/m²', label: 'BMI' },
  tScore: { min: -8, max: 4, integer: false, unit: 'SD', label: 'Bone density T-score' },
  asaClass: { min: 1, max: 5, integer: true, unit: '', label: 'ASA class' },
  birthYear: { min: 1900, max: 2100, integer: true, unit: '', label: 'Birth year' },
  cementVolumeMl: { min: 0, max: 20, integer: false, exclusiveMin: true, unit: 'ml', label: 'Cement volume per level' },
  heightRestorationPercent: { min: 0, max: 100, integer: false, unit: '%', label: 'Height restoration' },
  kyphoticAngle: { min: -30, max: 90, integer: false, unit: '°', label: 'Kyphotic angle' },
  durationMinutes: { min: 1, max: 600, integer: true, unit: 'min', label: 'Procedure duration' },
  lengthOfStayDays: { min: 0, max: 365, integer: true, unit: 'days', label: 'Length of stay' },
  // Radiation of a procedure (docs/methods.md, "Hospital use and radiographic follow-up"): about
  // 5-6 minutes of fluoroscopy per level is typical, and 500 Gy·cm² is NCRP Report 168's level
  // calling for follow-up; the limits stop typing errors (minutes for seconds, mGy·cm² for Gy·cm²)
  // and still admit a long multilevel procedure.
  fluoroscopyTimeSeconds: { min: 1, max: 7200, integer: true, unit: 's', label: 'Fluoroscopy time' },
  doseAreaProductGyCm2: { min: 0, max: 1000, integer: false, exclusiveMin: true, unit: 'Gy·cm²', label: 'Dose-area product' },
  cementFillPercent: { min: 0, max: 100, integer: false, unit: '%', label: 'Cement fill of the vertebral body' },
  // A height at follow-up relative to the adjacent normal vertebra's: above 100 when the treated
  // body is taller than its neighbour (overcorrection, or a neighbour itself slightly low).
  vertebralHeightPercent: { min: 0, max: 120, integer: false, unit: '%', label: 'Vertebral height' },
} satisfies Record<string, NumericRange>;

export const TEXT_LIMITS = {
  registryNumber: 32,
  mrn: 32,
  name: 100,
  freeText: 2000,
  siteName: 120,
  email: 254,
  displayName: 120,
  passwordMin: 10,
  passwordMax: 200,
} as const;

export const REGISTRY_NUMBER_PATTERN = /^[A-Za-z0-9-]+$/;
export const SITE_CODE_PATTERN = /^[A-Z0-9]{2,16}$/;
