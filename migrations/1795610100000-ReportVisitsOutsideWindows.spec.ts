import { openTestDatabase, TestDatabase, testTargets } from '@vfr/api-testing';
import { TIME_POINT_WINDOWS } from '@vfr/domain';
import { ReportVisitsOutsideWindows1795610100000, WINDOWS_1795610100000 } from './1795610100000-ReportVisitsOutsideWindows';

describe('ReportVisitsOutsideWindows: its windows', () => {
  it("are the domain's windows today (if the domain changes, this migration keeps its own)", () => {
    expect(WINDOWS_1795610100000).toEqual(TIME_POINT_WINDOWS.map(({ timePoint, fromDay, toDay }) => ({ timePoint, fromDay, toDay })));
  });
});

for (const target of testTargets()) {
  describe(`ReportVisitsOutsideWindows [${target}]`, () => {
    let db: TestDatabase;
    let sql: (text: string, params?: unknown[]) => Promise<any[]>;
    const migration = new ReportVisitsOutsideWindows1795610100000();
    const run = async () => {
      const runner = db.dataSource.createQueryRunner();
      try {
        await migration.up(runner);
      } finally {
        await runner.release();
      }
    };

    beforeAll(async () => {
      db = await openTestDatabase(target);
      sql = (text, params) => db.dataSource.query(text, params);
    });
    afterAll(() => db?.close());

    it('reports every completed visit outside its window, one row each, and changes no visit', async () => {
      // The database is migrated already (this migration found nothing in an empty registry).
      expect(await sql(`SELECT * FROM data_issue`)).toEqual([]);
      const [site] = await sql(`INSERT INTO site (code, name) VALUES ('WIN', 'Window site') RETURNING id`);
      const [patient] = await sql(`INSERT INTO patient (site_id, registry_number, sex, birth_year) VALUES ($1, 'WIN-1', 'FEMALE', 1940) RETURNING id`, [
        site.id,
      ]);
      const [treatment] = await sql(`INSERT INTO treatment (patient_id, kind, start_date) VALUES ($1, 'CONSERVATIVE', '2024-01-01') RETURNING id`, [
        patient.id,
      ]);
      // Each visit is placed against its own treatment, not the patient's first.
      const [second] = await sql(`INSERT INTO treatment (patient_id, kind, start_date) VALUES ($1, 'CONSERVATIVE', '2024-06-01') RETURNING id`, [patient.id]);
      const visit = async (treatmentId: string, tp: string, date: string | null, status = 'DONE', withdrawn = false) => {
        const [row] = await sql(
          `INSERT INTO assessment (patient_id, treatment_id, time_point, visit_date, status, nrs_rest, withdrawn_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
          [patient.id, treatmentId, tp, date, status, status === 'DONE' ? 5 : null, withdrawn ? new Date() : null],
        );
        return row.id as string;
      };
      const outside = {
        m24Day12: await visit(treatment.id, 'M24', '2024-01-13'), // between W1 and M1
        m1Day45: await visit(treatment.id, 'M1', '2024-02-15'), // the day after M1's window
        baselineDay1: await visit(treatment.id, 'BASELINE', '2024-01-02'), // D1's window, not baseline's
        m3OfSecond: await visit(second.id, 'M3', '2024-07-01'), // day 30 of its own treatment: M1's window
      };
      const inside = [
        await visit(treatment.id, 'D1', '2024-01-01'), // first day of D1
        await visit(treatment.id, 'W1', '2024-01-11'), // last day of W1
        await visit(treatment.id, 'M6', '2024-05-30'), // day 150, first day of M6
        await visit(treatment.id, 'UNSCHEDULED', '2024-01-13'),
        await visit(treatment.id, 'M12', null, 'MISSED'), // not done: nothing to place
        await visit(treatment.id, 'M3', '2024-02-01', 'DONE', true), // withdrawn
        await visit(second.id, 'M1', '2024-07-01'), // day 30 of the second treatment (day 182 of the first)
      ];
      const before = await sql(`SELECT * FROM assessment ORDER BY id`);

      await run();

      const issues = await sql(`SELECT * FROM data_issue ORDER BY detail`);
      expect(issues).toHaveLength(4);
      expect(new Set(issues.map((i) => i.record_id))).toEqual(new Set(Object.values(outside)));
      for (const i of issues) {
        expect(i).toMatchObject({
          found_by: 'ReportVisitsOutsideWindows1795610100000',
          rule: 'visit.outside_window',
          table_name: 'assessment',
          patient_id: patient.id,
          site_id: site.id,
          resolved_at: null,
          resolved_by: null,
          resolution: null,
        });
      }
      const detail = (id: string) => issues.find((i) => i.record_id === id).detail;
      expect(detail(outside.m24Day12)).toBe(
        'M24 visit of 2024-01-13 is on day 12 from the start of its treatment (2024-01-01), outside the M24 window of days 640 to 820 (2025-10-02 to 2026-03-31); ' +
          'it falls in no scheduled window (an UNSCHEDULED visit?)',
      );
      expect(detail(outside.m1Day45)).toContain('day 45');
      expect(detail(outside.baselineDay1)).toContain('it falls in the window of D1');
      expect(detail(outside.m3OfSecond)).toContain('on day 30 from the start of its treatment (2024-06-01)');
      for (const id of inside) expect(issues.map((i) => i.record_id)).not.toContain(id);
      expect(await sql(`SELECT * FROM assessment ORDER BY id`)).toEqual(before);
    });
  });
}
