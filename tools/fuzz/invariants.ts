// What must hold in the database whatever the API was sent: the CHECK rules restated as
// queries (a bypass of a constraint would show here), plus the rules only the application
// enforces: no dates in the future, text within its limits, every new record audited.
import { rowsOf, Sql } from '../bench/registry-setup';

const RULES: [string, string][] = [
  [
    'assessment scores out of range',
    `SELECT count(*) FROM assessment WHERE nrs_rest NOT BETWEEN 0 AND 10 OR nrs_activity NOT BETWEEN 0 AND 10 OR odi NOT BETWEEN 0 AND 100 OR rmdq NOT BETWEEN 0 AND 24 OR eq5d_index > 1 OR eq5d_index < -1`,
  ],
  [
    'assessment done without a date, or scored but not done',
    `SELECT count(*) FROM assessment WHERE (status = 'DONE' AND visit_date IS NULL) OR (status <> 'DONE' AND coalesce(nrs_rest, nrs_activity, rmdq) IS NOT NULL)`,
  ],
  ['visit in the future', `SELECT count(*) FROM assessment WHERE visit_date > current_date + 1`],
  [
    'visit before its treatment (baseline: more than 30 days)',
    `SELECT count(*) FROM assessment a JOIN treatment t ON t.id = a.treatment_id WHERE a.visit_date < t.start_date - CASE WHEN a.time_point = 'BASELINE' THEN 30 ELSE 0 END`,
  ],
  [
    'visit of another patient\u2019s treatment',
    `SELECT count(*) FROM assessment a JOIN treatment t ON t.id = a.treatment_id WHERE t.patient_id <> a.patient_id`,
  ],
  [
    'patient fields out of range',
    `SELECT count(*) FROM patient WHERE birth_year NOT BETWEEN 1900 AND extract(year FROM current_date) OR bmi NOT BETWEEN 10 AND 80 OR t_score NOT BETWEEN -8 AND 4 OR asa_class NOT BETWEEN 1 AND 5 OR registry_number !~ '^[A-Za-z0-9-]{1,32}$'`,
  ],
  [
    'fracture fields out of range or in the future',
    `SELECT count(*) FROM fracture WHERE genant_grade NOT BETWEEN 0 AND 3 OR height_loss_percent NOT BETWEEN 0 AND 100 OR onset_date > current_date + 1`,
  ],
  [
    'treatment in the future or out of range',
    `SELECT count(*) FROM treatment WHERE start_date > current_date + 1 OR duration_minutes NOT BETWEEN 1 AND 600 OR length_of_stay_days NOT BETWEEN 0 AND 365`,
  ],
  ['cement volume out of range', `SELECT count(*) FROM treated_level WHERE cement_volume_ml <= 0 OR cement_volume_ml > 20`],
  [
    'fracture injury kind listed twice',
    `SELECT count(*) FROM fracture f WHERE cardinality(f.additional_injury_kinds) <> (SELECT count(DISTINCT k) FROM unnest(f.additional_injury_kinds) k)`,
  ],
  ['complication in the future', `SELECT count(*) FROM complication WHERE occurred_on > current_date + 1`],
  [
    'free text over 2000 characters',
    `SELECT (SELECT count(*) FROM complication WHERE char_length(notes) > 2000) + (SELECT count(*) FROM fracture WHERE char_length(additional_injuries) > 2000)`,
  ],
  [
    'text holding a replacement character from broken UTF-8',
    `SELECT (SELECT count(*) FROM saved_cohort WHERE name LIKE '%' || chr(65533) || '%') + (SELECT count(*) FROM complication WHERE notes LIKE '%' || chr(65533) || '%')`,
  ],
  ['site code out of pattern', `SELECT count(*) FROM site WHERE code !~ '^[A-Z0-9]{2,16}$'`],
];

/** Records created at or after `since` without their audit event. */
const UNAUDITED = `SELECT count(*) FROM (
  SELECT id::text FROM patient WHERE created_at >= $1 UNION ALL SELECT id::text FROM fracture WHERE created_at >= $1
  UNION ALL SELECT id::text FROM treatment WHERE created_at >= $1 UNION ALL SELECT id::text FROM assessment WHERE created_at >= $1
  UNION ALL SELECT id::text FROM complication WHERE created_at >= $1 UNION ALL SELECT id::text FROM saved_cohort WHERE created_at >= $1) r(id)
  WHERE NOT EXISTS (SELECT 1 FROM audit_event e WHERE e.entity_id = r.id)`;

/** The database's clock: records are stamped with it, not with this process's. */
export async function databaseNow(db: Sql): Promise<Date> {
  const [row] = rowsOf<{ now: Date }>(await db.query('SELECT now() AS now'));
  return new Date(row.now);
}

export async function invariantViolations(db: Sql, since: Date): Promise<string[]> {
  const out: string[] = [];
  for (const [name, sql] of RULES) {
    // One count, whatever its column's name.
    const [row] = rowsOf<Record<string, unknown>>(await db.query(sql));
    const n = Number(Object.values(row)[0]);
    if (n > 0) out.push(`${name}: ${n} rows`);
  }
  const [row] = rowsOf<Record<string, unknown>>(await db.query(UNAUDITED, [since.toISOString()]));
  const n = Number(Object.values(row)[0]);
  if (n > 0) out.push(`records without their audit event: ${n}`);
  return out;
}

/** Counts of what the fuzzing created, to show it reached the database. */
export async function createdSince(db: Sql, since: Date): Promise<Record<string, number>> {
  const [row] = rowsOf<Record<string, number>>(
    await db.query(
      `SELECT (SELECT count(*) FROM patient WHERE created_at >= $1)::int AS patients, (SELECT count(*) FROM fracture WHERE created_at >= $1)::int AS fractures,
              (SELECT count(*) FROM treatment WHERE created_at >= $1)::int AS treatments, (SELECT count(*) FROM assessment WHERE created_at >= $1)::int AS assessments,
              (SELECT count(*) FROM complication WHERE created_at >= $1)::int AS complications, (SELECT count(*) FROM saved_cohort WHERE created_at >= $1)::int AS saved_cohorts,
              (SELECT count(*) FROM audit_event WHERE occurred_at >= $1)::int AS audit_events`,
      [since.toISOString()],
    ),
  );
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)]));
}

export async function idPool(db: Sql, limit = 50): Promise<import('./values').IdPool> {
  const ids = async (table: string) =>
    rowsOf<{ id: string }>(await db.query(`SELECT id::text AS id FROM ${table} ORDER BY id LIMIT ${limit}`)).map((r) => r.id);
  return {
    patients: await ids('patient'),
    treatments: await ids('treatment'),
    fractures: await ids('fracture'),
    assessments: await ids('assessment'),
    complications: await ids('complication'),
    sites: await ids('site'),
    cohorts: await ids('saved_cohort'),
  };
}
