// The questionnaire patients answer themselves (docs/questionnaires.md): its structure (sections,
// number of levels, which instrument each answer belongs to) and the reading of a submitted form
// into a visit's answers, checked with the instruments' own rules. The licensed statements of the
// ODI, the RMDQ and the EQ-5D-5L are not here: the registry loads them from a file it holds a
// licence for (QuestionnaireWording); this file ships only placeholders for them.

import { Eq5dValueSet } from './enums';
import { FieldIssue } from './errors';
import { EQ5D_DIMENSION_COUNT, ODI_SECTION_COUNT, RMDQ_ITEM_COUNT } from './instruments';
import { scoreInstruments } from './instruments.rules';
import { RANGES } from './ranges';

export enum QuestionnaireRespondent {
  /** The patient answered. */
  PATIENT = 'PATIENT',
  /** Someone answered on the patient's behalf (a relative, a carer). */
  PROXY = 'PROXY',
}

export const QUESTIONNAIRE_LANGUAGES = ['en', 'de'] as const;
export type QuestionnaireLanguage = (typeof QUESTIONNAIRE_LANGUAGES)[number];

/** Statements per ODI section (scored 0-5) and levels per EQ-5D-5L dimension (1-5). */
export const ODI_OPTION_COUNT = 6;
export const EQ5D_LEVEL_COUNT = 5;

/** What a patient's questionnaire holds: the visit's patient-reported values, as the visit stores them. */
export interface QuestionnaireAnswers {
  respondent: QuestionnaireRespondent;
  nrsRest: number | null;
  nrsActivity: number | null;
  odiItems: (number | null)[] | null;
  rmdqItems: boolean[];
  eq5dLevels: number[] | null;
  eq5dVas: number | null;
}

/** The names of the form's controls: every other name is refused. */
export const QUESTIONNAIRE_FIELDS: readonly string[] = [
  'respondent',
  'nrsRest',
  'nrsActivity',
  ...Array.from({ length: ODI_SECTION_COUNT }, (_, i) => `odi${i + 1}`),
  ...Array.from({ length: RMDQ_ITEM_COUNT }, (_, i) => `rmdq${i + 1}`),
  ...Array.from({ length: EQ5D_DIMENSION_COUNT }, (_, i) => `eq5d${i + 1}`),
  'eq5dVas',
];

/** The longest value any control sends ("PATIENT", "100"): longer ones are refused, not cut. */
const MAX_VALUE_LENGTH = 8;

/**
 * Reads a submitted form (names to values, as a urlencoded body is parsed) into answers, or
 * every problem, each naming its control and its rule. Nothing is guessed: an unknown control, a
 * repeated one, a value out of its range or of another form, and a half-answered EQ-5D-5L are
 * refused. Both pain scores and who answered are required; ODI sections may be left blank
 * (scored with up to two blank, as the registry scores the ODI); RMDQ statements are ticked or
 * not, as on paper; the EQ-5D-5L is answered whole or not at all. Finally the instruments' own
 * scoring runs, so that what the coordinator later confirms is a visit the registry accepts.
 */
export function readQuestionnaireForm(
  form: Record<string, unknown>,
  valueSet: Eq5dValueSet,
): { answers: QuestionnaireAnswers; issues: [] } | { answers: null; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const known = new Set(QUESTIONNAIRE_FIELDS);
  const text = (name: string): string | null => {
    const v = form[name];
    if (v === undefined || v === '') return null;
    if (typeof v !== 'string') {
      issues.push({ field: name, rule: 'single', message: `${name} must be sent once, as one value` });
      return null;
    }
    if (v.length > MAX_VALUE_LENGTH) {
      issues.push({ field: name, rule: 'maxLength', message: `${name} must be at most ${MAX_VALUE_LENGTH} characters (got ${v.length})` });
      return null;
    }
    return v;
  };
  const whole = (name: string, min: number, max: number, required: boolean): number | null => {
    const v = text(name);
    if (v === null) {
      if (required) issues.push({ field: name, rule: 'required', message: `${name} is required` });
      return null;
    }
    const n = /^\d{1,3}$/.test(v) ? Number(v) : NaN;
    if (!(n >= min && n <= max)) {
      issues.push({ field: name, rule: 'range', message: `${name} must be a whole number from ${min} to ${max} (got "${v}")` });
      return null;
    }
    return n;
  };
  for (const name of Object.keys(form)) {
    if (!known.has(name)) issues.push({ field: name.slice(0, 40), rule: 'unknown', message: `${name.slice(0, 40)} is not a question of this form` });
  }

  const who = text('respondent');
  const respondent = Object.values(QuestionnaireRespondent).find((r) => r === who) ?? null;
  if (who === null && !issues.some((i) => i.field === 'respondent')) issues.push({ field: 'respondent', rule: 'required', message: 'respondent is required' });
  else if (who !== null && !respondent) issues.push({ field: 'respondent', rule: 'enum', message: `respondent must be PATIENT or PROXY (got "${who}")` });

  const nrsRest = whole('nrsRest', RANGES.nrs.min, RANGES.nrs.max, true);
  const nrsActivity = whole('nrsActivity', RANGES.nrs.min, RANGES.nrs.max, true);
  const odi = Array.from({ length: ODI_SECTION_COUNT }, (_, i) => whole(`odi${i + 1}`, 0, ODI_OPTION_COUNT - 1, false));
  const rmdqItems = Array.from({ length: RMDQ_ITEM_COUNT }, (_, i) => {
    const v = text(`rmdq${i + 1}`);
    if (v !== null && v !== 'yes') issues.push({ field: `rmdq${i + 1}`, rule: 'enum', message: `rmdq${i + 1} is ticked ("yes") or not sent (got "${v}")` });
    return v === 'yes';
  });
  const levels = Array.from({ length: EQ5D_DIMENSION_COUNT }, (_, i) => whole(`eq5d${i + 1}`, 1, EQ5D_LEVEL_COUNT, false));
  const given = levels.filter((l) => l !== null).length;
  if (given > 0 && given < EQ5D_DIMENSION_COUNT) {
    levels.forEach((l, i) => {
      if (l === null && !issues.some((x) => x.field === `eq5d${i + 1}`))
        issues.push({ field: `eq5d${i + 1}`, rule: 'required', message: `eq5d${i + 1} is required when another EQ-5D-5L question is answered` });
    });
  }
  const eq5dVas = whole('eq5dVas', RANGES.eq5dVas.min, RANGES.eq5dVas.max, false);

  if (issues.length || !respondent) return { answers: null, issues };
  const answers: QuestionnaireAnswers = {
    respondent,
    nrsRest,
    nrsActivity,
    odiItems: odi.some((s) => s !== null) ? odi : null,
    rmdqItems,
    eq5dLevels: given === EQ5D_DIMENSION_COUNT ? (levels as number[]) : null,
    eq5dVas,
  };
  const scored = scoreInstruments(answers, valueSet);
  if (scored.issues.length) return { answers: null, issues: scored.issues };
  return { answers, issues: [] };
}

/**
 * The licensed wording of the three questionnaires in one language: the ODI's ten sections (a
 * title and six statements, scored 0-5 in order), the RMDQ's 24 statements and the EQ-5D-5L's five
 * dimensions (a title and five levels, 1-5) and its VAS question. The registry provides it as a
 * file (QUESTIONNAIRE_WORDING_FILE) under its licences; the structure is checked against the
 * instruments' here.
 */
export interface QuestionnaireWording {
  placeholder?: boolean;
  odi: { title: string; options: string[] }[];
  rmdq: string[];
  eq5d: { title: string; options: string[] }[];
  eq5dVas: string;
}

/** The wording file: one QuestionnaireWording per language. */
export type QuestionnaireWordingFile = Record<QuestionnaireLanguage, QuestionnaireWording>;

/** Problems of a wording file's shape, each naming where (`de.odi.3.options`), or none. */
export function checkQuestionnaireWording(file: unknown): string[] {
  const problems: string[] = [];
  const isText = (v: unknown) => typeof v === 'string' && v.trim() !== '' && v.length <= 1000;
  const list = (path: string, v: unknown, n: number, each: (x: unknown, p: string) => void) => {
    if (!Array.isArray(v) || v.length !== n) problems.push(`${path} must be a list of ${n}`);
    else v.forEach((x, i) => each(x, `${path}.${i + 1}`));
  };
  const textAt = (x: unknown, p: string) => {
    if (!isText(x)) problems.push(`${p} must be a text of 1 to 1000 characters`);
  };
  const question = (options: number) => (x: unknown, p: string) => {
    const q = (x ?? {}) as Record<string, unknown>;
    textAt(q.title, `${p}.title`);
    list(`${p}.options`, q.options, options, textAt);
  };
  if (!file || typeof file !== 'object') return ['the wording file must be a JSON object with one entry per language (en, de)'];
  for (const lang of QUESTIONNAIRE_LANGUAGES) {
    const w = (file as Record<string, unknown>)[lang] as Record<string, unknown> | undefined;
    if (!w || typeof w !== 'object') {
      problems.push(`${lang} is missing`);
      continue;
    }
    list(`${lang}.odi`, w.odi, ODI_SECTION_COUNT, question(ODI_OPTION_COUNT));
    list(`${lang}.rmdq`, w.rmdq, RMDQ_ITEM_COUNT, textAt);
    list(`${lang}.eq5d`, w.eq5d, EQ5D_DIMENSION_COUNT, question(EQ5D_LEVEL_COUNT));
    textAt(w.eq5dVas, `${lang}.eq5dVas`);
  }
  return problems;
}

/**
 * Clearly marked placeholders in place of the licensed statements (the demo's and the default's):
 * the structure and the scores are the instruments', the words say only what position they hold.
 */
export function placeholderWording(): QuestionnaireWordingFile {
  const make = (t: { section: string; statement: string; item: string; dimension: string; level: string; vas: string }): QuestionnaireWording => ({
    placeholder: true,
    odi: Array.from({ length: ODI_SECTION_COUNT }, (_, s) => ({
      title: `${t.section} ${s + 1}`,
      options: Array.from({ length: ODI_OPTION_COUNT }, (_, o) => `${t.statement} ${o} (${t.section.toLowerCase()} ${s + 1})`),
    })),
    rmdq: Array.from({ length: RMDQ_ITEM_COUNT }, (_, i) => `${t.item} ${i + 1}`),
    eq5d: Array.from({ length: EQ5D_DIMENSION_COUNT }, (_, d) => ({
      title: `${t.dimension} ${d + 1}`,
      options: Array.from({ length: EQ5D_LEVEL_COUNT }, (_, l) => `${t.level} ${l + 1}`),
    })),
    eq5dVas: t.vas,
  });
  return {
    en: make({
      section: 'ODI section',
      statement: '[Placeholder] licensed ODI statement scoring',
      item: '[Placeholder] licensed RMDQ statement',
      dimension: '[Placeholder] EQ-5D-5L dimension',
      level: '[Placeholder] licensed EQ-5D-5L level',
      vas: '[Placeholder] licensed EQ VAS question: your health today from 0 (worst) to 100 (best)',
    }),
    de: make({
      section: 'ODI-Abschnitt',
      statement: '[Platzhalter] lizenzierte ODI-Aussage mit Punktwert',
      item: '[Platzhalter] lizenzierte RMDQ-Aussage',
      dimension: '[Platzhalter] EQ-5D-5L-Dimension',
      level: '[Platzhalter] lizenzierte EQ-5D-5L-Stufe',
      vas: '[Platzhalter] lizenzierte EQ-VAS-Frage: Ihre Gesundheit heute von 0 (schlechteste) bis 100 (beste)',
    }),
  };
}
