// One colour per treatment (and per site) everywhere, so a legend read once holds on every chart.
const KIND_COLOURS: Record<string, string> = {
  CONSERVATIVE: '#5b8c3a',
  VERTEBROPLASTY: '#1f6fb2',
  KYPHOPLASTY: '#c4661f',
};
// Other series (sites, anaesthesia, cement bands...) never take a treatment's colour, so that
// blue, orange and green mean the three paths wherever they appear.
const SERIES = ['#8e44ad', '#2a9d8f', '#b03a48', '#6c757d', '#d4a017', '#17becf', '#8c564b', '#e377c2'];

export function colourOf(name: string, index: number): string {
  return KIND_COLOURS[name] ?? SERIES[index % SERIES.length];
}

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
