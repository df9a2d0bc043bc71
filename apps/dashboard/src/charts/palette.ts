// Colours carry one meaning each, defined here once: a treatment's colour never marks a site, a
// site's never a treatment, and neither marks a reference line. A legend read once then holds on
// every chart (a spec checks that the palettes share no colour).

/** The three paths, the same on every chart that groups by first treatment. */
export const TREATMENT_COLOURS: Readonly<Record<string, string>> = {
  CONSERVATIVE: '#5b8c3a',
  VERTEBROPLASTY: '#1f6fb2',
  KYPHOPLASTY: '#c4661f',
};

/** Sites, taken in the order of their codes. */
export const SITE_COLOURS: readonly string[] = ['#7b3294', '#c2185b', '#8c564b', '#b8860b', '#5e4fa2', '#e377c2'];

/** Other groupings of the procedures (anaesthesia, approach, cement volume). */
export const GROUP_COLOURS: readonly string[] = ['#00796b', '#17becf', '#4e6e81', '#9e9d24'];

/** What is not a group: reference lines and limits, measures drawn in one colour. */
export const NEUTRAL_COLOURS = { ink: '#3b4a5a', reference: '#555555', limit95: '#6b7280', limit998: '#a0a7b0', stay: '#7d6b5d' } as const;

/** A group's colour: its treatment's, or another grouping's by its place among the groups. */
export function colourOf(name: string, index: number): string {
  return TREATMENT_COLOURS[name] ?? GROUP_COLOURS[index % GROUP_COLOURS.length];
}

/** A site's colour by its place among all the sites of the chart, sorted by code. */
export const siteColour = (index: number): string => SITE_COLOURS[index % SITE_COLOURS.length];

/** "VERTEBROPLASTY" -> "Vertebroplasty", "PULMONARY_CEMENT_EMBOLISM" -> "Pulmonary cement embolism". */
export function labelOf(code: string): string {
  if (/^(M|W|D)\d+$/.test(code)) return TIME_POINT_LABELS[code] ?? code;
  if (ROW_LABELS[code]) return ROW_LABELS[code];
  if (code === 'BASELINE') return 'Baseline';
  const words = code.toLowerCase().split('_');
  return [words[0].charAt(0).toUpperCase() + words[0].slice(1), ...words.slice(1)].join(' ');
}

// The complication rates' rows other than kinds (docs/methods.md, Complication rates).
const ROW_LABELS: Record<string, string> = {
  MAJOR: 'Major (Clavien-Dindo III+)',
  MINOR: 'Minor (Clavien-Dindo I–II)',
  GRADE_NOT_RECORDED: 'No grade recorded',
  LEAKAGE_SYMPTOMATIC: 'Leakage: symptomatic',
  LEAKAGE_ASYMPTOMATIC: 'Leakage: asymptomatic',
  LEAKAGE_SYMPTOM_NOT_RECORDED: 'Leakage: symptom not recorded',
  AFTER_CROSSOVER: 'After crossover',
};

const TIME_POINT_LABELS: Record<string, string> = {
  D1: 'Day 1',
  W1: 'Week 1',
  M1: 'Month 1',
  M3: 'Month 3',
  M6: 'Month 6',
  M12: 'Month 12',
  M24: 'Month 24',
};

/** Follow-up time points in time order (the API's enum is sorted alphabetically). */
export const TIME_POINTS = ['BASELINE', 'D1', 'W1', 'M1', 'M3', 'M6', 'M12', 'M24'] as const;

export const pct = (v: number | null | undefined, digits = 0): string => (v === null || v === undefined ? '–' : `${(v * 100).toFixed(digits)} %`);
