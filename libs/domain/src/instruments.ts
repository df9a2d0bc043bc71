// Scoring of the patient-reported instruments from their items, so that forms and imports can
// take the questionnaire answers and store the score the registry analyses.

/**
 * Oswestry Disability Index (version 2.1a): ten sections scored 0-5. The index is the total as a
 * percentage of the maximum for the sections answered; with more than two sections unanswered
 * the questionnaire is not scored (Fairbank & Pynsent, Spine 2000;25:2940-52).
 */
export function odiScore(sections: readonly (number | null | undefined)[]): number | null {
  if (sections.length !== 10) throw new RangeError('the ODI has 10 sections');
  const answered = sections.filter((s): s is number => s !== null && s !== undefined);
  for (const s of answered) if (!Number.isInteger(s) || s < 0 || s > 5) throw new RangeError(`an ODI section scores 0-5 (got ${s})`);
  if (answered.length < 8) return null;
  const total = answered.reduce((a, b) => a + b, 0);
  return Math.round((total / (5 * answered.length)) * 1000) / 10;
}

/** Roland-Morris Disability Questionnaire: 24 yes/no statements, the score is the number of yes. */
export function rmdqScore(items: readonly boolean[]): number {
  if (items.length !== 24) throw new RangeError('the RMDQ has 24 items');
  return items.filter(Boolean).length;
}

/**
 * EQ-5D-5L index from the five dimension levels (mobility, self-care, usual activities,
 * pain/discomfort, anxiety/depression; each 1-5), with the value set for England: Devlin NJ, Shah
 * KK, Feng Y, Mulhern B, van Hout B. Valuing health-related quality of life: an EQ-5D-5L value set
 * for England. Health Economics 2018;27:7-22. Decrements from full health (1) for levels 2-5.
 */
const ENGLAND_5L: readonly (readonly number[])[] = [
  [0.058, 0.076, 0.207, 0.274], // mobility
  [0.05, 0.08, 0.164, 0.203], // self-care
  [0.05, 0.063, 0.162, 0.184], // usual activities
  [0.063, 0.084, 0.276, 0.335], // pain / discomfort
  [0.078, 0.104, 0.285, 0.289], // anxiety / depression
];

export function eq5d5lIndexEngland(levels: readonly number[]): number {
  if (levels.length !== 5) throw new RangeError('EQ-5D-5L has 5 dimensions');
  let value = 1;
  levels.forEach((level, d) => {
    if (!Number.isInteger(level) || level < 1 || level > 5) throw new RangeError(`an EQ-5D-5L level is 1-5 (got ${level})`);
    if (level > 1) value -= ENGLAND_5L[d][level - 2];
  });
  return Math.round(value * 1000) / 1000;
}

/** Pain on the 0-10 numeric rating scale: whole numbers only. */
export function isNrs(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 10;
}
