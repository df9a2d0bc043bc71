import {
  AnalgesicLevel,
  Anaesthesia,
  AntiOsteoporoticDrug,
  LivingSituation,
  PreFractureMobility,
  AssessmentStatus,
  CementLeakageType,
  CementType,
  ClavienDindoGrade,
  ComplicationKind,
  ConsentStatus,
  DeathCause,
  DeathSource,
  FractureCause,
  FractureMorphology,
  ImagingGuidance,
  OfClass,
  ProcedureApproach,
  Sex,
  TimePoint,
  TreatmentKind,
  VERTEBRAL_LEVELS,
  addDays,
  daysBetween,
  TIME_POINT_WINDOWS,
  GENANT_HEIGHT_LOSS,
  OF_POSTERIOR_WALL_REQUIRED,
  FractureDetection,
  AdditionalInjury,
} from '@vfr/domain';
import { DischargeDestination, MissedVisitReason } from '@vfr/domain';
import { clamp, Random } from './random';
import { questionnaireItems } from './synthetic-instruments';

// A synthetic registry whose effects resemble the trials (VERTOS II, FREE, KAVIAR...): procedures
// lower pain faster in the first month, the gap narrows by 12 months, and sicker patients
// (higher Genant grade, more pain, older fractures) get procedures more often, so a naive
// comparison is confounded and an adjusted one is needed.

export type Row = Record<string, unknown>;

export interface SyntheticRegistry {
  patient: Row[];
  patient_identifier: Row[];
  fracture: Row[];
  treatment: Row[];
  treated_level: Row[];
  assessment: Row[];
  complication: Row[];
  death: Row[];
}

export interface SiteRef {
  id: string;
  code: string;
}

export interface GenerateOptions {
  patients: number;
  sites: SiteRef[];
  seed: number;
  /** The registry's "today": no visit is dated after it. */
  today: string;
  /** First patient number, so several batches can be generated for one registry. */
  offset?: number;
  /** Leave some visits of windows closed lately unrecorded (default true): the worklist's overdue visits. */
  outstanding?: boolean;
  /** The most draws of the patient stream a patient may take on average (the batches' streams are set this far apart). */
  drawsPerPatient?: number;
}

const FAMILY = ['Schmidt', 'Jansen', 'Rossi', 'Martin', 'Novak', 'Berg', 'Kowalski', 'Dubois', 'Silva', 'Meyer', 'Smith', 'Nielsen'];
const GIVEN_F = ['Anna', 'Maria', 'Elisabeth', 'Ingrid', 'Helga', 'Rosa', 'Margit', 'Ilse', 'Greta', 'Ursula'];
const GIVEN_M = ['Hans', 'Peter', 'Karl', 'Josef', 'Walter', 'Franz', 'Heinz', 'Otto', 'Ernst', 'Paul'];

// Mean NRS drop from baseline at each time point, by arm.
const NRS_DROP: Record<string, [number, number]> = {
  D1: [0.3, 3.0],
  W1: [1.0, 3.6],
  M1: [2.0, 4.1],
  M3: [3.1, 4.4],
  M6: [3.8, 4.6],
  M12: [4.3, 4.7],
  M24: [4.4, 4.7],
};
const MISSED: Record<string, number> = { BASELINE: 0.01, D1: 0.03, W1: 0.06, M1: 0.08, M3: 0.12, M6: 0.18, M12: 0.25, M24: 0.35 };

const logistic = (x: number) => 1 / (1 + Math.exp(-x));
const round1 = (v: number) => Math.round(v * 10) / 10;

export function generateRegistry(options: GenerateOptions): SyntheticRegistry {
  const rnd = new Random(options.seed);
  // The baseline fields draw from a stream of their own, so that adding them left every other
  // generated value (and the analyses' reference results) as it was.
  const baselineRnd = new Random(options.seed ^ 0x5eed_ba5e);
  // The questionnaires' answers draw from a stream of their own, so that adding them left every
  // other value of a seed's registry as it was.
  const answers = new Random((options.seed * 7919 + 17) >>> 0);
  // Imaging at visits and the new fractures' levels and detection: a stream of their own too.
  const imaging = new Random((options.seed * 104729 + 31) >>> 0);
  const out: SyntheticRegistry = {
    patient: [],
    patient_identifier: [],
    fracture: [],
    treatment: [],
    treated_level: [],
    assessment: [],
    complication: [],
    death: [],
  };
  const todayYear = Number(options.today.slice(0, 4));
  const offset = options.offset ?? 0;

  for (let i = 0; i < options.patients; i++) {
    const site = options.sites[(i + offset) % options.sites.length];
    const patientId = rnd.uuid();
    const sex = rnd.chance(0.74) ? Sex.FEMALE : Sex.MALE;
    const treatmentStart = addDays(options.today, -rnd.int(1, 3 * 365));
    const age = Math.round(clamp(rnd.normal(76, 8), 50, 98));
    const birthYear = Number(treatmentStart.slice(0, 4)) - age;
    const cause = rnd.weighted<FractureCause>([
      [FractureCause.OSTEOPOROTIC, 78],
      [FractureCause.METASTASIS, 8],
      [FractureCause.MYELOMA, 4],
      [FractureCause.TRAUMATIC, 8],
      [FractureCause.OTHER, 2],
    ]);
    const cancer = cause === FractureCause.METASTASIS || cause === FractureCause.MYELOMA || rnd.chance(0.05);
    out.patient.push({
      id: patientId,
      site_id: site.id,
      registry_number: `${site.code}-${String(offset + i + 1).padStart(6, '0')}`,
      sex,
      birth_year: birthYear,
      bmi: round1(clamp(rnd.normal(25, 4), 15, 45)),
      t_score: round1(clamp(rnd.normal(-2.7, 0.8), -5.5, 1)),
      steroid_use: rnd.chance(0.12),
      active_cancer: cancer,
      ongoing_chemotherapy: cancer && rnd.chance(0.4),
      ongoing_radiotherapy: cancer && rnd.chance(0.2),
      asa_class: rnd.weighted([
        [1, 5],
        [2, 40],
        [3, 45],
        [4, 10],
      ]),
      consent_status: ConsentStatus.GIVEN,
      ...baseline(baselineRnd, age, cancer, treatmentStart, options.today),
    });
    const dob = `${birthYear}-${String(rnd.int(1, 12)).padStart(2, '0')}-${String(rnd.int(1, 28)).padStart(2, '0')}`;
    out.patient_identifier.push({
      patient_id: patientId,
      site_id: site.id,
      mrn: `M${String(offset + i + 1).padStart(8, '0')}`, // unique per registry, as a hospital's MRNs are
      family_name: rnd.pick(FAMILY),
      given_name: rnd.pick(sex === Sex.FEMALE ? GIVEN_F : GIVEN_M),
      date_of_birth: dob,
    });

    // Fractures: one to three levels, mostly thoracolumbar.
    const nFractures = rnd.weighted([
      [1, 65],
      [2, 25],
      [3, 10],
    ]);
    // Adjacent levels, kept inside T1-L5 so that no level repeats.
    const levelStart = Math.min(
      rnd.weighted([
        [rnd.int(4, 9), 30],
        [rnd.int(10, 13), 55],
        [rnd.int(14, 16), 15],
      ]),
      17 - nFractures,
    );
    const ageWeeks = rnd.weighted([
      [rnd.int(0, 5), 55],
      [rnd.int(6, 12), 30],
      [rnd.int(13, 30), 15],
    ]);
    const onset = addDays(treatmentStart, -ageWeeks * 7 - rnd.int(0, 6));
    const fractures: { id: string; genant: number }[] = [];
    for (let f = 0; f < nFractures; f++) {
      const genant = rnd.weighted([
        [1, 30],
        [2, 45],
        [3, 25],
      ]);
      const id = rnd.uuid();
      fractures.push({ id, genant });
      // Findings that agree with each other (libs/domain's cross-field rules): the height loss
      // inside its Genant grade's band, no OF1 (every fracture here is deformed, grade 1 or more),
      // the posterior wall involved in every OF3 and OF4. The draws stay those of before, in order.
      const band = GENANT_HEIGHT_LOSS.find((g) => g.grade === genant)!;
      const heightLoss = round1(
        clamp((band.minPercent + Math.min(band.maxPercent, 60)) / 2 + rnd.normal(0, 6), band.minPercent, Math.min(band.maxPercent, 90)),
      );
      const morphology = rnd.weighted([
        [FractureMorphology.WEDGE, 55],
        [FractureMorphology.BICONCAVE, 30],
        [FractureMorphology.CRUSH, 15],
      ]);
      const drawnClass = rnd.weighted([
        [OfClass.OF1, 10],
        [OfClass.OF2, 35],
        [OfClass.OF3, 35],
        [OfClass.OF4, 15],
        [OfClass.OF5, 5],
      ]);
      const ofClass = drawnClass === OfClass.OF1 ? OfClass.OF2 : drawnClass;
      const mriOedema = rnd.chance(0.8);
      const wallDrawn = rnd.chance(0.15);
      const wall = OF_POSTERIOR_WALL_REQUIRED.includes(ofClass) || wallDrawn;
      out.fracture.push({
        id,
        patient_id: patientId,
        level: VERTEBRAL_LEVELS[levelStart + f],
        onset_date: onset,
        cause,
        genant_grade: genant,
        height_loss_percent: heightLoss,
        morphology,
        of_class: ofClass,
        mri_oedema: mriOedema,
        posterior_wall_involved: wall,
        neurological_deficit: rnd.chance(0.02),
        additional_injuries: null,
      });
    }
    const maxGenant = Math.max(...fractures.map((f) => f.genant));
    const baselineNrs = clamp(Math.round(rnd.normal(7.4, 1.3)), 3, 10);

    // Confounded choice: sicker patients get procedures more often.
    const pProcedure = logistic(-0.6 + 0.7 * (maxGenant - 2) + 0.45 * (baselineNrs - 7.4) + (ageWeeks >= 6 ? 0.5 : 0) + (cancer ? 0.6 : 0));
    const firstKind = rnd.chance(pProcedure) ? (rnd.chance(0.5) ? TreatmentKind.VERTEBROPLASTY : TreatmentKind.KYPHOPLASTY) : TreatmentKind.CONSERVATIVE;
    const indexId = rnd.uuid();
    pushTreatment(
      out,
      rnd,
      indexId,
      patientId,
      firstKind,
      treatmentStart,
      fractures.map((f) => f.id),
    );

    // Death, decided before the follow-up so that nothing is recorded after it: older patients
    // and patients with cancer die more often. A death is its own record, with a cause and where
    // the registry learnt of it.
    let diedOn: string | null = null;
    if (rnd.chance(age > 85 || cancer ? 0.05 : 0.015)) {
      const day = addDays(treatmentStart, rnd.int(30, 700));
      const cause = rnd.weighted<DeathCause>([
        [DeathCause.CARDIOVASCULAR, 30],
        [DeathCause.RESPIRATORY, 20],
        [DeathCause.CANCER, cancer ? 60 : 8],
        [DeathCause.INFECTION, 10],
        [DeathCause.PROCEDURE_RELATED, firstKind === TreatmentKind.CONSERVATIVE ? 0 : 2],
        [DeathCause.OTHER, 10],
        [DeathCause.UNKNOWN, 15],
      ]);
      const source = rnd.weighted<DeathSource>([
        [DeathSource.HOSPITAL_RECORD, 35],
        [DeathSource.DEATH_REGISTRY, 30],
        [DeathSource.GENERAL_PRACTITIONER, 20],
        [DeathSource.FAMILY, 10],
        [DeathSource.OTHER, 5],
      ]);
      if (day <= options.today) {
        diedOn = day;
        out.death.push({ id: rnd.uuid(), patient_id: patientId, died_on: day, cause, source, notes: null });
      }
    }

    // Follow-up trajectory.
    const responsiveness = rnd.normal(1, 0.25);
    const baseOdi = clamp(rnd.normal(58, 12), 20, 95);
    const baseRmdq = clamp(rnd.normal(17, 3.5), 5, 24);
    const baseEq5d = clamp(rnd.normal(0.38, 0.17), -0.2, 0.9);
    let crossover: { id: string; start: string } | null = null;
    let lastNrs = baselineNrs;
    for (const w of TIME_POINT_WINDOWS) {
      const visitDate = addDays(
        treatmentStart,
        w.timePoint === TimePoint.BASELINE
          ? -rnd.int(0, 2)
          : w.targetDay + rnd.int(-Math.floor((w.toDay - w.fromDay) / 4), Math.floor((w.toDay - w.fromDay) / 4)),
      );
      if (visitDate > options.today) break;
      // No visit after the death: the follow-up ends there.
      if (diedOn !== null && visitDate > diedOn) break;
      if (w.timePoint !== TimePoint.BASELINE && rnd.chance(MISSED[w.timePoint])) {
        out.assessment.push(visit(rnd, patientId, indexId, w.timePoint, null, AssessmentStatus.MISSED));
        continue;
      }
      let drop = 0;
      if (w.timePoint !== TimePoint.BASELINE) {
        const [cons, proc] = NRS_DROP[w.timePoint];
        const treatedByProcedure = firstKind !== TreatmentKind.CONSERVATIVE || (crossover !== null && visitDate >= crossover.start);
        drop = (treatedByProcedure ? proc : cons) * responsiveness * (baselineNrs / 7.4);
      }
      const nrs = clamp(Math.round(baselineNrs - drop + rnd.normal(0, 1.1)), 0, 10);
      lastNrs = nrs;
      const row = visit(rnd, patientId, indexId, w.timePoint, visitDate, AssessmentStatus.DONE);
      Object.assign(row, {
        nrs_rest: clamp(nrs - rnd.int(1, 3), 0, 10),
        nrs_activity: nrs,
        // The trajectory's scores are the targets the answers are drawn around; the stored scores are computed from the answers.
        ...questionnaireItems(answers, {
          odi: clamp(baseOdi - drop * 6.5 + rnd.normal(0, 6), 0, 100),
          rmdq: clamp(baseRmdq - drop * 1.7 + rnd.normal(0, 2), 0, 24),
          eq5d: clamp(baseEq5d + drop * 0.06 + rnd.normal(0, 0.05), -0.5, 1),
        }),
        analgesic_level:
          nrs >= 7 ? AnalgesicLevel.STRONG_OPIOID : nrs >= 5 ? AnalgesicLevel.WEAK_OPIOID : nrs >= 2 ? AnalgesicLevel.NON_OPIOID : AnalgesicLevel.NONE,
        opioid_use: nrs >= 5,
        back_to_usual_activities: nrs <= 3,
        physiotherapy: rnd.chance(0.5),
        imaging_done: imagingAtVisit(imaging, w.timePoint, firstKind),
      });
      out.assessment.push(row);
      // Crossover: persistent pain at one month under conservative care leads to a procedure.
      if (w.timePoint === TimePoint.M1 && firstKind === TreatmentKind.CONSERVATIVE && nrs >= 6 && rnd.chance(0.35)) {
        const start = addDays(visitDate, rnd.int(3, 20));
        if (start <= options.today && (diedOn === null || start <= diedOn)) {
          crossover = { id: rnd.uuid(), start };
          pushTreatment(
            out,
            rnd,
            crossover.id,
            patientId,
            rnd.chance(0.5) ? TreatmentKind.VERTEBROPLASTY : TreatmentKind.KYPHOPLASTY,
            start,
            fractures.map((f) => f.id),
          );
        }
      }
    }
    void lastNrs;

    // Complications at rates in the spirit of the literature.
    // This patient's treatments are the last ones pushed: read from the end, not searched for
    // among every treatment of the batch (which made a batch quadratic in its size).
    const mine: Row[] = [];
    for (let i = out.treatment.length - 1; i >= 0 && out.treatment[i].patient_id === patientId; i--) mine.unshift(out.treatment[i]);
    const procedures = mine.filter((t) => t.kind !== TreatmentKind.CONSERVATIVE);
    const until = diedOn ?? options.today;
    for (const t of procedures) {
      if (rnd.chance(0.3)) {
        const symptomatic = rnd.chance(0.05);
        pushComplication(out, rnd, patientId, t, ComplicationKind.CEMENT_LEAKAGE, 0, until, {
          symptomatic,
          leakage_type: rnd.pick([CementLeakageType.B, CementLeakageType.S, CementLeakageType.C, CementLeakageType.D]),
        });
      }
      if (rnd.chance(0.01)) pushComplication(out, rnd, patientId, t, ComplicationKind.PULMONARY_CEMENT_EMBOLISM, 0, until, {});
      if (rnd.chance(0.004)) pushComplication(out, rnd, patientId, t, ComplicationKind.INFECTION, rnd.int(3, 30), until, {});
      if (rnd.chance(0.01)) pushComplication(out, rnd, patientId, t, ComplicationKind.HAEMATOMA, 0, until, {});
    }
    const index = mine.find((t) => t.id === indexId)!;
    const pAdjacent = firstKind === TreatmentKind.CONSERVATIVE ? 0.08 : 0.12;
    if (rnd.chance(pAdjacent))
      pushComplication(out, rnd, patientId, index, ComplicationKind.ADJACENT_LEVEL_FRACTURE, rnd.int(10, 400), until, {
        ...newFracture(imaging, ComplicationKind.ADJACENT_LEVEL_FRACTURE, levelStart, nFractures, firstKind),
      });
    if (rnd.chance(0.06))
      pushComplication(out, rnd, patientId, index, ComplicationKind.REMOTE_FRACTURE, rnd.int(20, 600), until, {
        ...newFracture(imaging, ComplicationKind.REMOTE_FRACTURE, levelStart, nFractures, firstKind),
      });
  }
  void todayYear;
  if (options.drawsPerPatient !== undefined && rnd.draws > options.drawsPerPatient * options.patients)
    throw new Error(`the patient stream took ${rnd.draws} draws for ${options.patients} patients, past the ${options.drawsPerPatient} per patient set apart`);
  // Hospital use, radiation, cement fill and radiographic follow-up draw from a stream of their
  // own, after everything else, so that adding them left every other value as it was.
  hospitalUseAndRadiographs(out, new Random((options.seed * 104729 + 0x4057) >>> 0));
  // The fractures' additional injuries by kind: a stream of their own, after everything else too.
  additionalInjuryKinds(out, new Random((options.seed * 7349 + 0x1a7) >>> 0));
  // Why the missed visits were missed: a stream of its own, after everything else too.
  missedReasons(out, new Random((options.seed * 6151 + 0x3155) >>> 0));
  // The complications' Clavien-Dindo grades: a stream of their own, after everything else too.
  clavienDindoGrades(out, new Random((options.seed * 2741 + 0xc1d) >>> 0));
  // Visits nobody has recorded yet: last of all, from a stream of their own as well.
  if (options.outstanding ?? true) outstandingVisits(out, new Random((options.seed * 15485863 + 0x0d3) >>> 0), options.today);
  return out;
}

/** How long after a window has closed a visit may still be waiting for a coordinator, in days. */
const OUTSTANDING_DAYS = 120;
/** The share of visits whose window closed within OUTSTANDING_DAYS that nobody has recorded yet. */
const OUTSTANDING_SHARE = 0.3;

/**
 * A real registry is behind: some visits whose window closed lately are neither recorded nor
 * marked missed, and these are the worklist's overdue visits (without them the demo would show
 * no overdue visit at all). Visits of windows closed longer ago stay recorded, done or missed.
 */
function outstandingVisits(out: SyntheticRegistry, rnd: Random, today: string): void {
  const starts = new Map(out.treatment.map((t) => [String(t.id), String(t.start_date)]));
  const since = addDays(today, -OUTSTANDING_DAYS);
  out.assessment = out.assessment.filter((a) => {
    const w = TIME_POINT_WINDOWS.find((x) => x.timePoint === a.time_point);
    if (!w || w.timePoint === TimePoint.BASELINE) return true;
    const end = addDays(starts.get(String(a.treatment_id))!, w.toDay);
    return !(end < today && end >= since && rnd.chance(OUTSTANDING_SHARE));
  });
}

/**
 * The baseline of a patient of this age: frailer, less mobile and more often in care the older;
 * osteoporosis care after the fracture in about half (the treatment gap the literature reports),
 * started within weeks of the index treatment, and a DXA around it. The OF-Score's clinical
 * components at the decision. Some values left unrecorded, as in a real registry.
 */
function baseline(rnd: Random, age: number, cancer: boolean, treatmentStart: string, today: string): Row {
  const old = clamp((age - 65) / 25, 0, 1);
  const cfs = Math.round(clamp(rnd.normal(3 + 3 * old, 1.2), 1, 9));
  const mobility =
    cfs >= 8
      ? PreFractureMobility.BEDBOUND
      : rnd.weighted<PreFractureMobility>([
          [PreFractureMobility.INDEPENDENT, 60 - 40 * old],
          [PreFractureMobility.WALKING_STICK, 20 + 10 * old],
          [PreFractureMobility.WALKER, 12 + 20 * old],
          [PreFractureMobility.WHEELCHAIR, 3 + 6 * old],
        ]);
  const living = rnd.weighted<LivingSituation>([
    [LivingSituation.OWN_HOME_ALONE, 38],
    [LivingSituation.OWN_HOME_WITH_OTHERS, 45 - 25 * old],
    [LivingSituation.ASSISTED_LIVING, 7 + 8 * old],
    [LivingSituation.NURSING_HOME, 3 + 12 * old + (cfs >= 7 ? 20 : 0)],
  ]);
  const drug = rnd.chance(0.5)
    ? AntiOsteoporoticDrug.NONE
    : rnd.weighted<AntiOsteoporoticDrug>([
        [AntiOsteoporoticDrug.BISPHOSPHONATE_ORAL, 45],
        [AntiOsteoporoticDrug.BISPHOSPHONATE_IV, 15],
        [AntiOsteoporoticDrug.DENOSUMAB, 25],
        [AntiOsteoporoticDrug.TERIPARATIDE, 8],
        [AntiOsteoporoticDrug.ROMOSOZUMAB, 4],
        [AntiOsteoporoticDrug.OTHER, 3],
      ]);
  const drugStart = addDays(treatmentStart, rnd.int(3, 90));
  const dxa = addDays(treatmentStart, rnd.int(-120, 60));
  const known = (p: number) => rnd.chance(p);
  return {
    pre_fracture_mobility: known(0.9) ? mobility : null,
    living_situation: known(0.92) ? living : null,
    clinical_frailty_scale: known(0.8) ? cfs : null,
    charlson_comorbidity_index: known(0.75) ? Math.round(clamp(rnd.normal(1 + 2 * old, 1.3), 0, 12)) + (cancer ? 2 : 0) : null,
    dementia: known(0.9) ? rnd.chance(0.04 + 0.2 * old) : null,
    prior_vertebral_fractures: known(0.85)
      ? rnd.weighted([
          [0, 60],
          [1, 22],
          [2, 10],
          [3, 8],
        ])
      : null,
    anti_osteoporotic_drug: known(0.85) ? drug : null,
    anti_osteoporotic_start_date: drug !== AntiOsteoporoticDrug.NONE && drugStart <= today && rnd.chance(0.9) ? drugStart : null,
    dxa_date: dxa <= today && rnd.chance(0.6) ? dxa : null,
    fls_referral: known(0.8) ? rnd.chance(0.35) : null,
    vitamin_d_supplementation: known(0.85) ? rnd.chance(0.6) : null,
    pain_under_analgesia: known(0.8) ? Math.round(clamp(rnd.normal(5.5, 2), 0, 10)) : null,
    mobilised_under_analgesia: known(0.8) ? rnd.chance(0.65 - 0.3 * old) : null,
    deformity_progression: known(0.6) ? rnd.chance(0.2) : null,
    anticoagulation: known(0.85) ? rnd.chance(0.1 + 0.15 * old) : null,
    modified_frailty_index: known(0.7) ? Math.round(clamp(rnd.normal(1 + 1.5 * old, 1), 0, 5)) : null,
  };
}

function pushTreatment(out: SyntheticRegistry, rnd: Random, id: string, patientId: string, kind: TreatmentKind, start: string, fractureIds: string[]): void {
  const procedure = kind !== TreatmentKind.CONSERVATIVE;
  // Most procedures are day cases; about half of conservatively treated patients are admitted
  // (pain, falls, frailty) and stay longer than after a procedure.
  const sameDay = rnd.chance(procedure ? 0.7 : 0.5);
  out.treatment.push({
    id,
    patient_id: patientId,
    kind,
    start_date: start,
    analgesic_level: procedure ? null : rnd.pick([AnalgesicLevel.NON_OPIOID, AnalgesicLevel.WEAK_OPIOID, AnalgesicLevel.STRONG_OPIOID]),
    brace: procedure ? null : rnd.chance(0.6),
    bed_rest: procedure ? null : rnd.chance(0.2),
    physiotherapy: procedure ? null : rnd.chance(0.7),
    anaesthesia: procedure
      ? rnd.weighted([
          [Anaesthesia.LOCAL, 50],
          [Anaesthesia.SEDATION, 35],
          [Anaesthesia.GENERAL, 15],
        ])
      : null,
    approach: procedure
      ? rnd.weighted([
          [ProcedureApproach.UNIPEDICULAR, 40],
          [ProcedureApproach.BIPEDICULAR, 60],
        ])
      : null,
    imaging_guidance: procedure
      ? rnd.weighted([
          [ImagingGuidance.FLUOROSCOPY, 85],
          [ImagingGuidance.CT, 15],
        ])
      : null,
    balloon_used: kind === TreatmentKind.KYPHOPLASTY ? true : null,
    height_restoration_percent: kind === TreatmentKind.KYPHOPLASTY ? round1(clamp(rnd.normal(35, 15), 0, 100)) : null,
    kyphotic_angle_before: procedure ? round1(clamp(rnd.normal(18, 6), 0, 60)) : null,
    kyphotic_angle_after: procedure ? round1(clamp(rnd.normal(kind === TreatmentKind.KYPHOPLASTY ? 12 : 16, 5), 0, 60)) : null,
    duration_minutes: procedure ? rnd.int(25, 90) : null,
    same_day_discharge: sameDay,
    length_of_stay_days: sameDay ? 0 : procedure ? rnd.int(1, 6) : rnd.int(3, 14),
  });
  for (const fractureId of fractureIds) {
    out.treated_level.push({
      treatment_id: id,
      fracture_id: fractureId,
      cement_type: procedure
        ? rnd.weighted([
            [CementType.PMMA, 70],
            [CementType.PMMA_HIGH_VISCOSITY, 25],
            [CementType.CALCIUM_PHOSPHATE, 5],
          ])
        : null,
      cement_volume_ml: procedure ? round1(clamp(rnd.normal(kind === TreatmentKind.KYPHOPLASTY ? 5 : 4, 1.3), 1, 12)) : null,
    });
  }
}

function visit(rnd: Random, patientId: string, treatmentId: string, timePoint: TimePoint, visitDate: string | null, status: AssessmentStatus): Row {
  return {
    id: rnd.uuid(),
    patient_id: patientId,
    treatment_id: treatmentId,
    time_point: timePoint,
    visit_date: visitDate,
    status,
    nrs_rest: null,
    nrs_activity: null,
    odi: null,
    rmdq: null,
    eq5d_index: null,
    analgesic_level: null,
    opioid_use: null,
    back_to_usual_activities: null,
    physiotherapy: null,
    imaging_done: null,
    odi_items: null,
    odi_source: null,
    rmdq_items: null,
    rmdq_source: null,
    eq5d_levels: null,
    eq5d_vas: null,
    eq5d_source: null,
    eq5d_value_set: null,
  };
}

/** A complication `afterDays` after the treatment, unless that falls after `until` (today, or the patient's death). */
function pushComplication(
  out: SyntheticRegistry,
  rnd: Random,
  patientId: string,
  treatment: Row,
  kind: ComplicationKind,
  afterDays: number,
  until: string,
  extra: Row,
): void {
  const occurredOn = addDays(String(treatment.start_date), afterDays);
  if (occurredOn > until || daysBetween(String(treatment.start_date), occurredOn) < 0) return;
  out.complication.push({
    id: rnd.uuid(),
    patient_id: patientId,
    treatment_id: treatment.id,
    occurred_on: occurredOn,
    kind,
    symptomatic: null,
    leakage_type: null,
    clavien_dindo: null,
    resolved: true,
    notes: null,
    level: null,
    detection: null,
    ...extra,
  });
}

/**
 * Whether spine imaging was done at a completed visit. A procedure is followed by a radiograph the
 * next day and imaged more often at the scheduled visits after it than conservative care is (the
 * reviewer's point: the group imaged more often finds more fractures). Before treatment nearly
 * everyone is imaged. About one visit in twenty leaves it unrecorded.
 */
function imagingAtVisit(imaging: Random, timePoint: TimePoint, firstKind: TreatmentKind): boolean | null {
  const procedure = firstKind !== TreatmentKind.CONSERVATIVE;
  const p = timePoint === TimePoint.BASELINE ? 0.95 : timePoint === TimePoint.D1 ? (procedure ? 0.85 : 0.15) : procedure ? 0.55 : 0.3;
  const done = imaging.chance(p);
  return imaging.chance(0.05) ? null : done;
}

/**
 * A new fracture's level and detection. The index treatment treated levels levelStart to
 * levelStart + n - 1 (indices into T1-L5): an adjacent fracture is the level just above or below,
 * a remote one any other untreated level, so the kind always agrees with the level. Fractures in
 * procedure patients are found on scheduled imaging more often, as they are imaged more often.
 */
function newFracture(imaging: Random, kind: ComplicationKind, levelStart: number, n: number, firstKind: TreatmentKind): Row {
  const last = levelStart + n - 1;
  const adjacent = [levelStart - 1, last + 1].filter((i) => i >= 0 && i < VERTEBRAL_LEVELS.length);
  const remote = VERTEBRAL_LEVELS.map((_, i) => i).filter((i) => i < levelStart - 1 || i > last + 1);
  const level = VERTEBRAL_LEVELS[imaging.pick(kind === ComplicationKind.ADJACENT_LEVEL_FRACTURE ? adjacent : remote)];
  const procedure = firstKind !== TreatmentKind.CONSERVATIVE;
  const detection = imaging.weighted<FractureDetection>([
    [FractureDetection.CLINICAL, procedure ? 50 : 70],
    [FractureDetection.SCHEDULED_IMAGING, procedure ? 40 : 18],
    [FractureDetection.INCIDENTAL, procedure ? 10 : 12],
  ]);
  return { level, detection };
}

/**
 * Discharge destination and readmissions for every treatment (conservatively treated patients who
 * were admitted go home less often and come back more often); fluoroscopy time and dose-area
 * product per procedure (about 5-6 minutes and around 10 Gy·cm² per level, docs/methods.md) and
 * the cement fill of each level; and at some completed visits the index level's heights and
 * kyphotic angle, settling a little over the first year (more without cement). Some values left
 * unrecorded, as in a real registry. No patient dies in hospital here: the seeded deaths come
 * weeks after the treatment.
 */
function hospitalUseAndRadiographs(out: SyntheticRegistry, rnd: Random): void {
  const known = (p: number) => rnd.chance(p);
  const levelsOf = new Map<string, Row[]>();
  for (const l of out.treated_level) levelsOf.set(String(l.treatment_id), [...(levelsOf.get(String(l.treatment_id)) ?? []), l]);
  for (const t of out.treatment) {
    const procedure = t.kind !== TreatmentKind.CONSERVATIVE;
    const admitted = t.same_day_discharge === false;
    t.discharge_destination = known(0.9)
      ? rnd.weighted<DischargeDestination>(
          procedure || !admitted
            ? [
                [DischargeDestination.HOME, 78],
                [DischargeDestination.HOME_WITH_CARE, 10],
                [DischargeDestination.REHABILITATION, 7],
                [DischargeDestination.NURSING_HOME, 4],
                [DischargeDestination.OTHER_HOSPITAL, 1],
              ]
            : [
                [DischargeDestination.HOME, 50],
                [DischargeDestination.HOME_WITH_CARE, 20],
                [DischargeDestination.REHABILITATION, 18],
                [DischargeDestination.NURSING_HOME, 10],
                [DischargeDestination.OTHER_HOSPITAL, 2],
              ],
        )
      : null;
    const recorded = known(0.85);
    const within30 = rnd.chance(procedure ? 0.06 : admitted ? 0.12 : 0.07);
    const within90 = within30 || rnd.chance(procedure ? 0.05 : 0.07);
    t.readmitted_within_30_days = recorded ? within30 : null;
    t.readmitted_within_90_days = recorded ? within90 : null;
    const levels = levelsOf.get(String(t.id)) ?? [];
    const n = Math.max(1, levels.length);
    t.fluoroscopy_time_seconds =
      procedure && known(0.85) ? Math.round(clamp(rnd.normal(t.kind === TreatmentKind.KYPHOPLASTY ? 370 : 320, 110) * n, 60, 7200)) : null;
    t.dose_area_product_gy_cm2 = procedure && known(0.8) ? round1(clamp(Math.exp(rnd.normal(Math.log(10), 0.6)) * n, 0.5, 1000)) : null;
    for (const l of levels) {
      l.cement_fill_percent = procedure && known(0.75) ? Math.round(clamp(rnd.normal(t.kind === TreatmentKind.KYPHOPLASTY ? 32 : 28, 8), 5, 80)) : null;
    }
  }
  const treatments = new Map(out.treatment.map((t) => [String(t.id), t]));
  const heightLoss = new Map(out.fracture.map((f) => [String(f.id), Number(f.height_loss_percent ?? 25)]));
  const MONTHS: Partial<Record<TimePoint, number>> = { [TimePoint.M1]: 1, [TimePoint.M3]: 3, [TimePoint.M6]: 6, [TimePoint.M12]: 12, [TimePoint.M24]: 24 };
  for (const a of out.assessment) {
    Object.assign(a, { anterior_height_percent: null, middle_height_percent: null, posterior_height_percent: null, kyphotic_angle: null });
    const months = MONTHS[a.time_point as TimePoint];
    if (a.status !== AssessmentStatus.DONE || months === undefined || !rnd.chance(0.45)) continue;
    const t = treatments.get(String(a.treatment_id))!;
    const procedure = t.kind !== TreatmentKind.CONSERVATIVE;
    const indexLevel = (levelsOf.get(String(t.id)) ?? [])[0];
    const loss = heightLoss.get(String(indexLevel?.fracture_id)) ?? 25;
    // Settling over the first months, most of it by six months; cement holds the body better.
    const settling = (procedure ? 3 : 8) * Math.min(1, months / 6) + rnd.normal(0, 2);
    const restored = procedure ? (Number(t.height_restoration_percent ?? 10) * loss) / 100 : 0;
    const anterior = 100 - loss + restored - settling;
    a.anterior_height_percent = round1(clamp(anterior, 20, 115));
    a.middle_height_percent = round1(clamp(anterior + rnd.normal(4, 4), 20, 115));
    a.posterior_height_percent = round1(clamp(100 - loss / 4 + rnd.normal(0, 3), 40, 115));
    const after = procedure && t.kyphotic_angle_after != null ? Number(t.kyphotic_angle_after) : 10 + loss / 3;
    a.kyphotic_angle = round1(clamp(after + Math.max(0, settling) * 0.5 + rnd.normal(1, 1.5), -30, 90));
  }
}

/** The kinds of injury a traumatic fracture comes with, by how often (falls and road accidents). */
const TRAUMA_INJURIES: [AdditionalInjury, number][] = [
  [AdditionalInjury.RIB, 30],
  [AdditionalInjury.UPPER_LIMB, 18],
  [AdditionalInjury.LOWER_LIMB, 15],
  [AdditionalInjury.HEAD, 12],
  [AdditionalInjury.OTHER_SPINE, 8],
  [AdditionalInjury.STERNUM, 6],
  [AdditionalInjury.PELVIS, 6],
  [AdditionalInjury.THORAX_ORGAN, 5],
  [AdditionalInjury.ABDOMEN_ORGAN, 3],
  [AdditionalInjury.OTHER, 3],
];
/** Why elderly patients miss a follow-up visit, most often first. */
const MISSED_REASONS: [MissedVisitReason, number][] = [
  [MissedVisitReason.NOT_REACHED, 40],
  [MissedVisitReason.DECLINED, 20],
  [MissedVisitReason.TOO_ILL, 15],
  [MissedVisitReason.IN_CARE_ELSEWHERE, 12],
  [MissedVisitReason.MOVED_AWAY, 4],
  [MissedVisitReason.OTHER, 9],
];

/**
 * A missed visit's reason; about one in six has none recorded, as the missed visits recorded
 * before the registry asked for it. Every other visit has none.
 */
function missedReasons(out: SyntheticRegistry, rnd: Random): void {
  for (const a of out.assessment) a.missed_reason = a.status === AssessmentStatus.MISSED && rnd.chance(0.85) ? rnd.weighted(MISSED_REASONS) : null;
}

/** A low-energy fall: a wrist, a rib, a hip, a knock on the head. */
const FALL_INJURIES: [AdditionalInjury, number][] = [
  [AdditionalInjury.UPPER_LIMB, 40],
  [AdditionalInjury.RIB, 25],
  [AdditionalInjury.HIP, 15],
  [AdditionalInjury.HEAD, 10],
  [AdditionalInjury.PELVIS, 10],
];
const INJURY_ORDER = Object.values(AdditionalInjury);

/**
 * The additional injuries by kind, once per patient for all its fractures (one event, one onset):
 * most osteoporotic and pathological fractures come with none, a few osteoporotic ones with a
 * fall's (a wrist, a rib, a hip); about half the traumatic ones with one to three, ribs and limbs
 * most often. About one patient in seven has them not recorded. The free text stays empty.
 */
function additionalInjuryKinds(out: SyntheticRegistry, rnd: Random): void {
  const byPatient = new Map<string, AdditionalInjury[] | null>();
  for (const f of out.fracture) {
    const patient = String(f.patient_id);
    if (!byPatient.has(patient)) {
      const recorded = rnd.chance(0.85);
      const cause = f.cause as FractureCause;
      const pInjured = cause === FractureCause.TRAUMATIC ? 0.55 : cause === FractureCause.OSTEOPOROTIC ? 0.06 : 0.03;
      const kinds = new Set<AdditionalInjury>();
      if (rnd.chance(pInjured)) {
        const n =
          cause === FractureCause.TRAUMATIC
            ? rnd.weighted([
                [1, 60],
                [2, 28],
                [3, 12],
              ])
            : 1;
        const from = cause === FractureCause.TRAUMATIC ? TRAUMA_INJURIES : FALL_INJURIES;
        while (kinds.size < n) kinds.add(rnd.weighted(from));
      }
      byPatient.set(patient, recorded ? INJURY_ORDER.filter((k) => kinds.has(k)) : null);
    }
    const kinds = byPatient.get(patient)!;
    f.additional_injury_kinds = kinds === null ? null : [...kinds];
  }
}

type GradeWeights = [ClavienDindoGrade | null, number][];
const { I, II, IIIA, IIIB, IVA } = ClavienDindoGrade;
/**
 * The Clavien-Dindo grade of each kind of complication the registry generates, by how often (null:
 * no grade recorded). An asymptomatic leakage seen on the post-procedure image needs nothing and
 * is mostly left ungraded; a symptomatic one needs analgesics or a nerve root block (II-IIIA), now
 * and then a decompression under general anaesthesia (IIIB). A cement embolism is treated with
 * anticoagulation (II), some in intensive care (IVA). A spinal infection needs antibiotics and
 * often a debridement; a haematoma mostly nothing or a transfusion, now and then an evacuation.
 * A new fracture found clinically is painful: analgesics (II) or an augmentation of its own
 * (IIIA, IIIB under general anaesthesia); one found on imaging mostly needs nothing (I). A few
 * complications of every kind are recorded without a grade, as in a real registry.
 */
const GRADES: Partial<Record<string, GradeWeights>> = {
  LEAKAGE_ASYMPTOMATIC: [
    [null, 65],
    [I, 35],
  ],
  LEAKAGE_SYMPTOMATIC: [
    [null, 5],
    [II, 50],
    [IIIA, 25],
    [IIIB, 20],
  ],
  [ComplicationKind.PULMONARY_CEMENT_EMBOLISM]: [
    [null, 8],
    [II, 52],
    [IIIA, 10],
    [IIIB, 5],
    [IVA, 25],
  ],
  [ComplicationKind.INFECTION]: [
    [null, 8],
    [II, 40],
    [IIIA, 15],
    [IIIB, 32],
    [IVA, 5],
  ],
  [ComplicationKind.HAEMATOMA]: [
    [null, 8],
    [I, 50],
    [II, 30],
    [IIIA, 12],
  ],
  NEW_FRACTURE_CLINICAL: [
    [null, 8],
    [II, 57],
    [IIIA, 25],
    [IIIB, 10],
  ],
  NEW_FRACTURE_ON_IMAGING: [
    [null, 10],
    [I, 65],
    [II, 25],
  ],
};

/** Which row of GRADES a complication draws its grade from. */
function gradeTable(c: Row): GradeWeights | undefined {
  if (c.kind === ComplicationKind.CEMENT_LEAKAGE) return GRADES[c.symptomatic === true ? 'LEAKAGE_SYMPTOMATIC' : 'LEAKAGE_ASYMPTOMATIC'];
  if (c.kind === ComplicationKind.ADJACENT_LEVEL_FRACTURE || c.kind === ComplicationKind.REMOTE_FRACTURE)
    return GRADES[c.detection === FractureDetection.CLINICAL ? 'NEW_FRACTURE_CLINICAL' : 'NEW_FRACTURE_ON_IMAGING'];
  return GRADES[String(c.kind)];
}

/** Each complication's Clavien-Dindo grade, from its kind (and symptom or detection): GRADES. */
function clavienDindoGrades(out: SyntheticRegistry, rnd: Random): void {
  for (const c of out.complication) {
    const table = gradeTable(c);
    c.clavien_dindo = table ? rnd.weighted(table) : null;
  }
}
