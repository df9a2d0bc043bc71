import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The visit windows as they were when this migration was written (days from the start of the
 * treatment a visit is recorded against). Written out here rather than imported from libs/domain:
 * a migration must keep its meaning when the domain's windows change later. A test holds them
 * equal to TIME_POINT_WINDOWS as they are today.
 */
export const WINDOWS_1795610100000: readonly { timePoint: string; fromDay: number; toDay: number }[] = [
  { timePoint: 'BASELINE', fromDay: -30, toDay: 0 },
  { timePoint: 'D1', fromDay: 0, toDay: 3 },
  { timePoint: 'W1', fromDay: 4, toDay: 10 },
  { timePoint: 'M1', fromDay: 16, toDay: 44 },
  { timePoint: 'M3', fromDay: 69, toDay: 111 },
  { timePoint: 'M6', fromDay: 150, toDay: 210 },
  { timePoint: 'M12', fromDay: 305, toDay: 425 },
  { timePoint: 'M24', fromDay: 640, toDay: 820 },
];

const VALUES = WINDOWS_1795610100000.map((w) => `('${w.timePoint}', ${w.fromDay}, ${w.toDay})`).join(', ');

/**
 * Since the API, the import and the forms hold every completed visit to its time point's window,
 * visits recorded before that may lie outside theirs (an "M24" visit on day 12). Which time point
 * such a visit was meant to be, or whether its date is the mistake, only the site can tell, so
 * this migration changes no visit: it writes one data_issue row per completed, non-withdrawn
 * visit outside its window (an unscheduled one dated before its treatment included), for the
 * site's coordinators and the admins to resolve on the Data issues page.
 */
export class ReportVisitsOutsideWindows1795610100000 implements MigrationInterface {
  name = 'ReportVisitsOutsideWindows1795610100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `
      WITH win(tp, from_day, to_day) AS (VALUES ${VALUES}),
      placed AS (
        SELECT a.id, a.patient_id, p.site_id, a.time_point::text AS tp, a.visit_date, t.start_date,
               a.visit_date - t.start_date AS day, w.from_day, w.to_day
        FROM assessment a
        JOIN treatment t ON t.id = a.treatment_id
        JOIN patient p ON p.id = a.patient_id
        LEFT JOIN win w ON w.tp = a.time_point::text
        WHERE a.status = 'DONE' AND a.withdrawn_at IS NULL AND a.visit_date IS NOT NULL
      )
      INSERT INTO data_issue (found_by, rule, table_name, record_id, patient_id, site_id, detail)
      SELECT $1, 'visit.outside_window', 'assessment', x.id, x.patient_id, x.site_id,
             CASE WHEN x.tp = 'UNSCHEDULED'
               THEN format('UNSCHEDULED visit of %s is on day %s, before the start of its treatment (%s)', x.visit_date, x.day, x.start_date)
               ELSE format('%s visit of %s is on day %s from the start of its treatment (%s), outside the %s window of days %s to %s (%s to %s); %s',
                      x.tp, x.visit_date, x.day, x.start_date, x.tp, x.from_day, x.to_day, x.start_date + x.from_day, x.start_date + x.to_day,
                      coalesce('it falls in the window of ' || (SELECT string_agg(o.tp, ' and ' ORDER BY o.from_day) FROM win o WHERE x.day BETWEEN o.from_day AND o.to_day),
                               'it falls in no scheduled window (an UNSCHEDULED visit?)'))
             END
      FROM placed x
      WHERE (x.tp = 'UNSCHEDULED' AND x.day < 0) OR (x.tp <> 'UNSCHEDULED' AND x.day NOT BETWEEN x.from_day AND x.to_day)
      ORDER BY x.site_id, x.patient_id, x.visit_date`,
      [this.name],
    );
  }

  async down(q: QueryRunner): Promise<void> {
    // Only the rows this migration wrote and nobody has resolved yet: a resolution is a record of work done.
    await q.query(`DELETE FROM data_issue WHERE found_by = $1 AND resolved_at IS NULL`, [this.name]);
  }
}
