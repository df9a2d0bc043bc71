import { migrateThrough, migrationBefore, openTestDatabase, TestDatabase, testTargets } from '@vfr/api-testing';
import {
  FRACTURE_RULES,
  GENANT_HEIGHT_LOSS,
  OF1_MAX_HEIGHT_LOSS_PERCENT,
  OF_POSTERIOR_WALL_EXCLUDED,
  OF_POSTERIOR_WALL_REQUIRED,
  OPIOID_LEVELS,
  VISIT_RULES,
} from '@vfr/domain';
import {
  GENANT_HEIGHT_LOSS_1795620100000,
  OF1_MAX_HEIGHT_LOSS_PERCENT_1795620100000,
  OF_POSTERIOR_WALL_EXCLUDED_1795620100000,
  OF_POSTERIOR_WALL_REQUIRED_1795620100000,
  OPIOID_LEVELS_1795620100000,
  RULES_1795620100000,
} from './1795620100000-ReportCrossFieldContradictions';

const NAME = 'ReportCrossFieldContradictions1795620100000';

describe('ReportCrossFieldContradictions: its thresholds', () => {
  it("are the domain's today (if the domain changes, this migration keeps its own)", () => {
    expect(GENANT_HEIGHT_LOSS_1795620100000).toEqual(GENANT_HEIGHT_LOSS);
    expect(OF1_MAX_HEIGHT_LOSS_PERCENT_1795620100000).toBe(OF1_MAX_HEIGHT_LOSS_PERCENT);
    expect(OF_POSTERIOR_WALL_REQUIRED_1795620100000).toEqual(OF_POSTERIOR_WALL_REQUIRED);
    expect(OF_POSTERIOR_WALL_EXCLUDED_1795620100000).toEqual(OF_POSTERIOR_WALL_EXCLUDED);
    expect(OPIOID_LEVELS_1795620100000).toEqual(OPIOID_LEVELS);
  });

  it('reports every rule of the domain, by its name', () => {
    expect(Object.keys(RULES_1795620100000).sort()).toEqual([...FRACTURE_RULES, ...VISIT_RULES].map((r) => r.name).sort());
  });
});

for (const target of testTargets()) {
  describe(`ReportCrossFieldContradictions [${target}]`, () => {
    let db: TestDatabase;
    let sql: (text: string, params?: unknown[]) => Promise<any[]>;

    beforeAll(async () => {
      db = await openTestDatabase(target, { migrated: false });
      sql = (text, params) => db.dataSource.query(text, params);
      await migrateThrough(db, migrationBefore(NAME));
    });
    afterAll(() => db?.close());

    it('reports each fracture and visit breaking a rule, one row per record and rule, and changes no record', async () => {
      const [site] = await sql(`INSERT INTO site (code, name) VALUES ('XF', 'Cross-field site') RETURNING id`);
      const [patient] = await sql(`INSERT INTO patient (site_id, registry_number, sex, birth_year) VALUES ($1, 'XF-1', 'FEMALE', 1940) RETURNING id`, [
        site.id,
      ]);
      const levels = ['T4', 'T5', 'T6', 'T7', 'T8', 'T9', 'T10', 'T11', 'T12', 'L1', 'L2', 'L3', 'L4', 'L5'];
      const fracture = async (f: {
        genant: number;
        loss: number | null;
        of?: string | null;
        morph?: string | null;
        oedema?: boolean | null;
        wall?: boolean;
        withdrawn?: boolean;
        cause?: string;
      }) => {
        const [row] = await sql(
          `INSERT INTO fracture (patient_id, level, onset_date, cause, genant_grade, height_loss_percent, of_class, morphology, mri_oedema, posterior_wall_involved, withdrawn_at)
           VALUES ($1, $2, '2024-01-01', $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
          [
            patient.id,
            levels.shift(),
            f.cause ?? 'OSTEOPOROTIC',
            f.genant,
            f.loss,
            f.of ?? null,
            f.morph ?? null,
            f.oedema ?? null,
            f.wall ?? false,
            f.withdrawn ? new Date() : null,
          ],
        );
        return row.id as string;
      };
      const broken = {
        grade1Loss85Of1: await fracture({ genant: 1, loss: 85, of: 'OF1', morph: 'WEDGE', oedema: true }),
        traumaticOf3NoWall: await fracture({ genant: 2, loss: 30, of: 'OF3', cause: 'TRAUMATIC', wall: false }),
        of4NoWall: await fracture({ genant: 3, loss: 50, of: 'OF4', wall: false }),
        of1WallNoOedema: await fracture({ genant: 0, loss: 5, of: 'OF1', oedema: false, wall: true }),
        grade2Loss45: await fracture({ genant: 2, loss: 45.25 }),
      };
      const sound = [
        await fracture({ genant: 1, loss: 20 }), // on the bound: grade 0 or 1
        await fracture({ genant: 2, loss: 40, of: 'OF3', wall: true }),
        await fracture({ genant: 2, loss: 30, of: 'OF2', wall: true }), // minor involvement is OF2
        await fracture({ genant: 0, loss: 20, of: 'OF1', oedema: true }),
        await fracture({ genant: 3, loss: null, of: 'OF5' }),
        await fracture({ genant: 1, loss: 85, withdrawn: true }),
      ];
      const [treatment] = await sql(`INSERT INTO treatment (patient_id, kind, start_date) VALUES ($1, 'CONSERVATIVE', '2024-01-10') RETURNING id`, [
        patient.id,
      ]);
      const visit = async (tp: string, level: string | null, opioid: boolean | null) => {
        const [row] = await sql(
          `INSERT INTO assessment (patient_id, treatment_id, time_point, visit_date, status, nrs_rest, analgesic_level, opioid_use)
           VALUES ($1, $2, $3, '2024-01-11', 'DONE', 5, $4, $5) RETURNING id`,
          [patient.id, treatment.id, tp, level, opioid],
        );
        return row.id as string;
      };
      const noneWithOpioid = await visit('D1', 'NONE', true);
      const strongWithout = await visit('W1', 'STRONG_OPIOID', false);
      const soundVisits = [
        await visit('M1', 'WEAK_OPIOID', true),
        await visit('M3', 'NON_OPIOID', false),
        await visit('M6', null, true),
        await visit('M12', 'NONE', null),
      ];
      const before = { fracture: await sql(`SELECT * FROM fracture ORDER BY id`), assessment: await sql(`SELECT * FROM assessment ORDER BY id`) };

      expect((await migrateThrough(db, NAME)).map((m) => m.name)).toEqual([NAME]);

      const issues = await sql(`SELECT * FROM data_issue ORDER BY rule, detail`);
      const found = issues.map((i) => [i.record_id, i.rule]).sort();
      const R = RULES_1795620100000;
      expect(found).toEqual(
        [
          [broken.grade1Loss85Of1, R.genantHeightLoss],
          [broken.grade1Loss85Of1, R.ofClassGenantGrade],
          [broken.grade1Loss85Of1, R.ofClassHeightLoss],
          [broken.grade1Loss85Of1, R.ofClassMorphology],
          [broken.traumaticOf3NoWall, R.ofClassPosteriorWall],
          [broken.of4NoWall, R.ofClassPosteriorWall],
          [broken.of1WallNoOedema, R.ofClassMriOedema],
          [broken.of1WallNoOedema, R.ofClassPosteriorWall],
          [broken.grade2Loss45, R.genantHeightLoss],
          [noneWithOpioid, R.analgesicOpioidUse],
          [strongWithout, R.analgesicOpioidUse],
        ].sort(),
      );
      for (const id of [...sound, ...soundVisits]) expect(found.map(([r]) => r)).not.toContain(id);
      for (const i of issues) {
        expect(i).toMatchObject({ found_by: NAME, patient_id: patient.id, site_id: site.id, resolved_at: null, resolution: null });
        expect(i.table_name).toBe(i.rule.startsWith('visit.') ? 'assessment' : 'fracture');
      }
      const detail = (id: string, rule: string) => issues.find((i) => i.record_id === id && i.rule === rule).detail;
      expect(detail(broken.grade1Loss85Of1, R.genantHeightLoss)).toBe(
        'T4 fracture (onset 2024-01-01): genantGrade 1 and heightLossPercent 85 contradict each other (rule genantHeightLoss): Genant grade 1 is a height loss of 20% to 25%',
      );
      expect(detail(broken.grade2Loss45, R.genantHeightLoss)).toContain('heightLossPercent 45.3');
      expect(detail(broken.traumaticOf3NoWall, R.ofClassPosteriorWall)).toBe(
        'T5 fracture (onset 2024-01-01): ofClass OF3 and posteriorWallInvolved false contradict each other (rule ofClassPosteriorWall): OF3 involves the posterior wall',
      );
      expect(detail(noneWithOpioid, R.analgesicOpioidUse)).toBe(
        'D1 visit of 2024-01-11: analgesicLevel NONE and opioidUse true contradict each other (rule analgesicOpioidUse): opioid use is an analgesic level of WEAK_OPIOID or STRONG_OPIOID',
      );
      expect(detail(strongWithout, R.analgesicOpioidUse)).toContain('STRONG_OPIOID is an opioid');

      expect(await sql(`SELECT * FROM fracture ORDER BY id`)).toEqual(before.fracture);
      expect(await sql(`SELECT * FROM assessment ORDER BY id`)).toEqual(before.assessment);
    });
  });
}
