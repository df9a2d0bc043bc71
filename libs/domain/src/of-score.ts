// The OF-Score (the DGOU Spine Section's score for treating osteoporotic thoracolumbar fractures:
// Blattert et al., Global Spine J 2018;8(2 Suppl):50S-55S, built on the OF classification of
// Schnake et al., Global Spine J 2018;8(2 Suppl):46S-49S), computed from the registry's record.
// The points, as published in the AO Spine-DGOU pocket card of the classification and score:
//
//   morphology OF1-OF5                         2, 4, 6, 8, 10 points (twice the class)
//   osteoporosis: T-score below -3             1
//   deformity progressing (sintering)          yes 1, no -1
//   pain under analgesia (WHO step II), VAS    5 or more 1, below 5 -1
//   neurological deficit                       2
//   mobilised under analgesia                  no 1, yes -1
//   health status: ASA above 3, mFI-5 above 2,
//     anticoagulation                          -1 each, -2 at most
//
// An unknown parameter counts 0 points (the score's own rule). A total of 5 or less recommends
// conservative care, 6 either, 7 or more surgery. The registry also says which components are
// missing and the totals they could still make, so that a reader sees whether the band is settled.

import { OfClass } from './enums';

export enum OfScoreBand {
  CONSERVATIVE = 'CONSERVATIVE',
  EITHER = 'EITHER',
  SURGERY = 'SURGERY',
}

export interface OfScoreInput {
  /** The patient's fractures in force: the most severe OF class counts. */
  fractures: { ofClass?: OfClass | null; neurologicalDeficit?: boolean | null }[];
  tScore?: number | null;
  deformityProgression?: boolean | null;
  painUnderAnalgesia?: number | null;
  mobilisedUnderAnalgesia?: boolean | null;
  asaClass?: number | null;
  modifiedFrailtyIndex?: number | null;
  anticoagulation?: boolean | null;
}

export type OfScoreComponentName = 'morphology' | 'osteoporosis' | 'deformityProgression' | 'pain' | 'neurology' | 'mobilisation' | 'healthStatus';

export interface OfScoreComponent {
  name: OfScoreComponentName;
  label: string;
  /** The points it gives; null when it is not recorded (then it counts 0). */
  points: number | null;
  /** What the points come from, in words. */
  basis: string;
  /** The points it could give were it recorded (its own points when recorded). */
  min: number;
  max: number;
}

export interface OfScore {
  /** The sum of the recorded components' points; missing ones count 0, as the score prescribes. */
  total: number;
  band: OfScoreBand;
  components: OfScoreComponent[];
  /** The record's fields not recorded that the score reads. */
  missing: string[];
  /** The lowest and highest totals the missing components could still make. */
  possibleMin: number;
  possibleMax: number;
  /** True when every possible total falls in the same band as `total`. */
  bandSettled: boolean;
}

export function ofScoreBand(total: number): OfScoreBand {
  if (total <= 5) return OfScoreBand.CONSERVATIVE;
  if (total === 6) return OfScoreBand.EITHER;
  return OfScoreBand.SURGERY;
}

const CLASS_POINTS: Record<OfClass, number> = { OF1: 2, OF2: 4, OF3: 6, OF4: 8, OF5: 10 };

function yesNo(
  name: OfScoreComponentName,
  label: string,
  value: boolean | null | undefined,
  yes: number,
  no: number,
  field: string,
  missing: string[],
): OfScoreComponent {
  if (value == null) {
    missing.push(field);
    return { name, label, points: null, basis: 'not recorded', min: Math.min(yes, no), max: Math.max(yes, no) };
  }
  const points = value ? yes : no;
  return { name, label, points, basis: value ? 'yes' : 'no', min: points, max: points };
}

/** The OF-Score of a patient's record (pure: the caller reads the record). */
export function computeOfScore(input: OfScoreInput): OfScore {
  const missing: string[] = [];
  const components: OfScoreComponent[] = [];

  const classes = input.fractures.map((f) => f.ofClass).filter((c): c is OfClass => c != null);
  if (classes.length === 0) {
    missing.push('fracture.ofClass');
    components.push({ name: 'morphology', label: 'Morphology (OF class)', points: null, basis: 'no fracture has an OF class', min: 2, max: 10 });
  } else {
    const worst = classes.reduce((a, b) => (CLASS_POINTS[b] > CLASS_POINTS[a] ? b : a));
    const points = CLASS_POINTS[worst];
    components.push({ name: 'morphology', label: 'Morphology (OF class)', points, basis: worst, min: points, max: points });
  }

  if (input.tScore == null) {
    missing.push('tScore');
    components.push({ name: 'osteoporosis', label: 'Osteoporosis (T-score below -3)', points: null, basis: 'not recorded', min: 0, max: 1 });
  } else {
    const points = input.tScore < -3 ? 1 : 0;
    components.push({ name: 'osteoporosis', label: 'Osteoporosis (T-score below -3)', points, basis: `T-score ${input.tScore}`, min: points, max: points });
  }

  components.push(yesNo('deformityProgression', 'Deformity progressing', input.deformityProgression, 1, -1, 'deformityProgression', missing));

  if (input.painUnderAnalgesia == null) {
    missing.push('painUnderAnalgesia');
    components.push({ name: 'pain', label: 'Pain under analgesia (VAS 5 or more)', points: null, basis: 'not recorded', min: -1, max: 1 });
  } else {
    const points = input.painUnderAnalgesia >= 5 ? 1 : -1;
    components.push({
      name: 'pain',
      label: 'Pain under analgesia (VAS 5 or more)',
      points,
      basis: `VAS ${input.painUnderAnalgesia}`,
      min: points,
      max: points,
    });
  }

  const deficits = input.fractures.map((f) => f.neurologicalDeficit).filter((d): d is boolean => d != null);
  if (deficits.length === 0) {
    missing.push('fracture.neurologicalDeficit');
    components.push({ name: 'neurology', label: 'Neurological deficit', points: null, basis: 'no fracture recorded', min: 0, max: 2 });
  } else {
    const any = deficits.some(Boolean);
    const points = any ? 2 : 0;
    components.push({ name: 'neurology', label: 'Neurological deficit', points, basis: any ? 'yes' : 'no', min: points, max: points });
  }

  components.push(yesNo('mobilisation', 'Mobilised under analgesia', input.mobilisedUnderAnalgesia, -1, 1, 'mobilisedUnderAnalgesia', missing));

  // Health status: each finding -1, at most -2 together.
  const findings: { field: string; label: string; value: boolean | null; words: string }[] = [
    { field: 'asaClass', label: 'ASA class', value: input.asaClass == null ? null : input.asaClass > 3, words: `ASA ${input.asaClass}` },
    {
      field: 'modifiedFrailtyIndex',
      label: 'mFI-5',
      value: input.modifiedFrailtyIndex == null ? null : input.modifiedFrailtyIndex > 2,
      words: `mFI-5 ${input.modifiedFrailtyIndex}`,
    },
    {
      field: 'anticoagulation',
      label: 'anticoagulation',
      value: input.anticoagulation ?? null,
      words: input.anticoagulation ? 'anticoagulation' : 'no anticoagulation',
    },
  ];
  const known = findings.filter((f) => f.value !== null);
  const unknown = findings.filter((f) => f.value === null);
  missing.push(...unknown.map((f) => f.field));
  const knownPoints = Math.max(-2, 0 - known.filter((f) => f.value).length);
  const healthMin = Math.max(-2, knownPoints - unknown.length);
  // What is known, as recorded (ASA 3, mFI-5 1, no anticoagulation), then what is not.
  const basis = known.length ? known.map((f) => f.words).join(', ') : 'not recorded';
  components.push({
    name: 'healthStatus',
    label: 'Health status (ASA above 3, mFI-5 above 2, anticoagulation)',
    points: known.length ? knownPoints : null,
    basis: unknown.length && known.length ? `${basis}; ${unknown.map((f) => f.label).join(', ')} not recorded` : basis,
    min: healthMin,
    max: knownPoints,
  });

  const total = components.reduce((s, c) => s + (c.points ?? 0), 0);
  const possibleMin = components.reduce((s, c) => s + c.min, 0);
  const possibleMax = components.reduce((s, c) => s + c.max, 0);
  const band = ofScoreBand(total);
  return { total, band, components, missing, possibleMin, possibleMax, bandSettled: ofScoreBand(possibleMin) === band && ofScoreBand(possibleMax) === band };
}
