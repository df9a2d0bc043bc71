import { DataSource } from 'typeorm';

/**
 * Each patient's day 0 and end of follow-up recomputed from the source tables, for tests that
 * check the figures independently of the analysis table (docs/methods.md, Follow-up): day 0 is
 * the first treatment in force; follow-up ends at the death, else at the last completed visit,
 * never before day 0. Dates as YYYY-MM-DD.
 */
export async function followUpEnds(db: DataSource): Promise<Map<string, { index: string; end: string }>> {
  const rows: { patient_id: string; index: string; died: string | null; last: string | null }[] = await db.query(`
    SELECT t.patient_id, to_char(min(t.start_date), 'YYYY-MM-DD') AS index,
           (SELECT to_char(min(d.died_on), 'YYYY-MM-DD') FROM death d WHERE d.patient_id = t.patient_id AND d.withdrawn_at IS NULL) AS died,
           (SELECT to_char(max(a.visit_date), 'YYYY-MM-DD') FROM assessment a WHERE a.patient_id = t.patient_id AND a.status = 'DONE' AND a.withdrawn_at IS NULL) AS last
    FROM treatment t WHERE t.withdrawn_at IS NULL GROUP BY t.patient_id`);
  return new Map(
    rows.map((r) => {
      const last = r.died ?? r.last ?? r.index;
      return [r.patient_id, { index: r.index, end: last > r.index ? last : r.index }];
    }),
  );
}
