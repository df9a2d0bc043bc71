import { Injectable } from '@nestjs/common';
import { Actor, assertId, assertSiteAccess, SqlParams } from '@vfr/api-core';
import { AggregateReader } from '@vfr/api-database';
import {
  FractureCause,
  LEVEL_REGIONS,
  LevelRegion,
  MATCH_PATHS,
  describeStep,
  MATCH_STEPS,
  MATCHES_PER_PATH,
  NotFoundError,
  OfClass,
  PatientProfile,
  patientProfileSchema,
  PreFractureMobility,
  Sex,
  todayIso,
  validate,
  VertebralLevel,
} from '@vfr/domain';
import { meanCI } from '@vfr/stats';
import { DataSource } from 'typeorm';
import { MatchedPathModel, MatchedShareModel, PatientProfileModel, PatientsLikeThisModel } from './models/similar-patients.model';
import { MATCH_PAIN_TIME_POINTS, matchedPatientsSql } from './similar-patients.sql';
import { DEFAULT_SMALL_CELL_THRESHOLD, Disclosure, KeyedCount, shownCount, shownRate } from './suppression';

/** A matched patient as matchedPatientsSql returns them (read by the server only). */
interface MatchedRow {
  path: string;
  tier: number;
  rank: number;
  record_key: string | number;
  year_elapsed: boolean;
  crossover: boolean;
  new_fracture: boolean;
  died: boolean;
  symptomatic: boolean;
  same_day_discharge: boolean | null;
  [nrs: `nrs_${string}`]: number | null;
}

/**
 * The page shows aggregates only, to every role, drawn from the whole registry: so every reader
 * gets the department head's disclosure control (docs/privacy.md): counts perturbed by the
 * cell-key method and withheld under the threshold. One rule for all also means that a
 * coordinator and a department head looking at the same profile see the same figures.
 */
export function matchDisclosure(threshold = DEFAULT_SMALL_CELL_THRESHOLD): Disclosure {
  return { suppress: true, perturb: true, threshold };
}

const keyed = (rows: readonly MatchedRow[]): KeyedCount => ({ n: rows.length, k: rows.reduce((s, r) => s + Number(r.record_key), 0) });

/** A patient's record as fromRecord reads it. */
interface ProfileRow {
  site_id: string;
  sex: string;
  age: number;
  asa_class: number | null;
  active_cancer: boolean;
  therapy: boolean;
  mobility: string | null;
  fracture_age: number | null;
  genant: number | null;
  of_class: string | null;
  cause: string | null;
  level: string | null;
  nrs: number | null;
  odi: number | null;
}

const WITHHELD: MatchedShareModel = { n: null, events: null, rate: null, lower: null, upper: null, suppressed: true };

@Injectable()
export class SimilarPatientsService {
  constructor(
    private readonly reader: AggregateReader,
    private readonly dataSource: DataSource,
  ) {}

  /** The profile from a client: valid, or a ValidationError naming the field and the rule. */
  profile(input: unknown): PatientProfile {
    return validate(patientProfileSchema, input ?? {});
  }

  async match(input: unknown, today = todayIso()): Promise<PatientsLikeThisModel> {
    const profile = this.profile(input);
    const params = new SqlParams();
    const rows: MatchedRow[] = await this.reader.query(matchedPatientsSql(profile, today, params), params.values);
    const d = matchDisclosure();
    return {
      perPath: MATCHES_PER_PATH,
      threshold: d.threshold,
      steps: MATCH_STEPS.map((s) => ({ step: s.step, description: describeStep(s, profile) })),
      paths: MATCH_PATHS.map((path) =>
        pathFigures(
          d,
          path,
          rows.filter((r) => r.path === String(path)),
        ),
      ),
    };
  }

  /**
   * A patient's record as a profile, for the patient in front of the surgeon: coordinators their
   * own site's patients, admins any (researchers and department heads type a profile in: a
   * fracture's age to today would tell them its date). Day 0 is the first treatment when there
   * is one, else today; the fractures in force count, the most severe one giving the cause and
   * the level region; the baseline scores are those of the latest completed baseline visit.
   */
  async fromRecord(actor: Actor, patientId: string, today = todayIso()): Promise<PatientProfileModel> {
    assertId('patientId', patientId);
    const [row] = await this.dataSource.query<ProfileRow[]>(
      `WITH day0 AS (
         SELECT coalesce((SELECT min(t.start_date) FROM treatment t WHERE t.patient_id = p.id AND t.withdrawn_at IS NULL), $2::date) AS d
         FROM patient p WHERE p.id = $1)
       SELECT p.site_id, p.sex::text AS sex, extract(year FROM day0.d)::int - p.birth_year AS age, p.asa_class, p.active_cancer,
              (p.ongoing_chemotherapy OR p.ongoing_radiotherapy) AS therapy, p.pre_fracture_mobility::text AS mobility,
              (SELECT day0.d - min(f.onset_date) FROM fracture f WHERE f.patient_id = p.id AND f.withdrawn_at IS NULL AND f.onset_date <= day0.d) AS fracture_age,
              (SELECT max(f.genant_grade)::int FROM fracture f WHERE f.patient_id = p.id AND f.withdrawn_at IS NULL) AS genant,
              (SELECT max(f.of_class::text) FROM fracture f WHERE f.patient_id = p.id AND f.withdrawn_at IS NULL) AS of_class,
              w.cause, w.level,
              b.nrs, b.odi
       FROM patient p CROSS JOIN day0
       LEFT JOIN LATERAL (
         SELECT f.cause::text AS cause, f.level::text AS level FROM fracture f WHERE f.patient_id = p.id AND f.withdrawn_at IS NULL
         ORDER BY f.of_class DESC NULLS LAST, f.genant_grade DESC, f.onset_date DESC, f.created_at LIMIT 1) w ON true
       LEFT JOIN LATERAL (
         SELECT coalesce(a.nrs_activity, a.nrs_rest)::int AS nrs, a.odi FROM assessment a
         WHERE a.patient_id = p.id AND a.status = 'DONE' AND a.withdrawn_at IS NULL AND a.time_point = 'BASELINE'
         ORDER BY a.visit_date DESC, a.created_at DESC LIMIT 1) b ON true
       WHERE p.id = $1 AND p.withdrawn_at IS NULL`,
      [patientId, today],
    );
    if (!row) throw new NotFoundError('Patient', patientId);
    assertSiteAccess(actor, row.site_id, 'Patient', patientId);
    const region = row.level
      ? ((Object.entries(LEVEL_REGIONS) as [LevelRegion, VertebralLevel[]][]).find(([, levels]) => levels.includes(row.level as VertebralLevel))?.[0] ?? null)
      : null;
    return {
      age: row.age,
      sex: row.sex as Sex,
      fractureAgeDays: row.fracture_age,
      genantGrade: row.genant,
      ofClass: (row.of_class as OfClass) ?? null,
      cause: (row.cause as FractureCause) ?? null,
      levelRegion: region,
      baselineNrs: row.nrs,
      baselineOdi: row.odi,
      asaClass: row.asa_class,
      activeCancer: row.active_cancer,
      ongoingCancerTherapy: row.therapy,
      preFractureMobility: (row.mobility as PreFractureMobility) ?? null,
    };
  }
}

/**
 * A share as this page shows it: denominator and events through shownRate, and withheld as well
 * when the shown denominator minus the shown events (what a reader would subtract) is under the
 * threshold: perturbed separately, the two can leave a small difference that shownRate's own
 * check of the true complement does not see.
 */
export function matchedShare(d: Disclosure, total: KeyedCount, events: KeyedCount): MatchedShareModel {
  const s = shownRate(d, total, events);
  if (s.n === null || s.events === null) return s;
  const rest = s.n - s.events;
  return rest > 0 && rest < d.threshold ? WITHHELD : s;
}

function share(d: Disclosure, rows: readonly MatchedRow[], event: (r: MatchedRow) => boolean): MatchedShareModel {
  return matchedShare(d, keyed(rows), keyed(rows.filter(event)));
}

/**
 * One path's figures. Inside a withheld count every figure is withheld; a figure's own count is
 * withheld in turn when small. Means and intervals come from the exact values of the patients
 * counted, and are withheld with their count.
 */
export function pathFigures(d: Disclosure, path: string, rows: readonly MatchedRow[]): MatchedPathModel {
  const n = shownCount(d, keyed(rows));
  const base = { path: path as MatchedPathModel['path'], allOfPath: rows.length < MATCHES_PER_PATH };
  if (n === null || n === 0) {
    return {
      ...base,
      n,
      suppressed: n === null,
      widestStep: null,
      pain: MATCH_PAIN_TIME_POINTS.map((timePoint) => ({ timePoint, n: n === 0 ? 0 : null, mean: null, lower: null, upper: null, belowFour: WITHHELD })),
      crossover: WITHHELD,
      newFracture: WITHHELD,
      death: WITHHELD,
      symptomaticComplication: WITHHELD,
      sameDayDischarge: WITHHELD,
    };
  }
  const year = rows.filter((r) => r.year_elapsed);
  return {
    ...base,
    n,
    suppressed: false,
    widestStep: Math.max(...rows.map((r) => r.tier)),
    pain: MATCH_PAIN_TIME_POINTS.map((timePoint) => {
      const column = `nrs_${timePoint.toLowerCase()}` as const;
      const scored = rows.filter((r) => r[column] !== null);
      const shown = shownCount(d, keyed(scored));
      const ci = shown !== null && scored.length >= 2 ? meanCI(scored.map((r) => Number(r[column]))) : null;
      return {
        timePoint,
        n: shown,
        mean: ci?.mean ?? null,
        lower: ci?.lower ?? null,
        upper: ci?.upper ?? null,
        belowFour: share(d, scored, (r) => Number(r[column]) < 4),
      };
    }),
    crossover: share(d, year, (r) => r.crossover),
    newFracture: share(d, year, (r) => r.new_fracture),
    death: share(d, year, (r) => r.died),
    symptomaticComplication: share(d, year, (r) => r.symptomatic),
    sameDayDischarge: share(
      d,
      rows.filter((r) => r.same_day_discharge !== null),
      (r) => r.same_day_discharge === true,
    ),
  };
}
