import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The cross-field rules' thresholds as they were when this migration was written (libs/domain's
 * cross-field.rules.ts). Written out here rather than imported: a migration must keep its meaning
 * when the domain's rules change later. A test holds them equal to the domain's as they are today.
 */
export const GENANT_HEIGHT_LOSS_1795620100000: readonly { grade: number; minPercent: number; maxPercent: number }[] = [
  { grade: 0, minPercent: 0, maxPercent: 20 },
  { grade: 1, minPercent: 20, maxPercent: 25 },
  { grade: 2, minPercent: 25, maxPercent: 40 },
  { grade: 3, minPercent: 40, maxPercent: 100 },
];
export const OF1_MAX_HEIGHT_LOSS_PERCENT_1795620100000 = 20;
export const OF_POSTERIOR_WALL_REQUIRED_1795620100000: readonly string[] = ['OF3', 'OF4'];
export const OF_POSTERIOR_WALL_EXCLUDED_1795620100000: readonly string[] = ['OF1'];
export const OPIOID_LEVELS_1795620100000: readonly string[] = ['WEAK_OPIOID', 'STRONG_OPIOID'];

/** The data_issue rule of each domain rule (the domain's name in the registry's snake_case, after its table). */
export const RULES_1795620100000 = {
  genantHeightLoss: 'fracture.genant_height_loss',
  ofClassGenantGrade: 'fracture.of_class_genant_grade',
  ofClassHeightLoss: 'fracture.of_class_height_loss',
  ofClassMorphology: 'fracture.of_class_morphology',
  ofClassMriOedema: 'fracture.of_class_mri_oedema',
  ofClassPosteriorWall: 'fracture.of_class_posterior_wall',
  analgesicOpioidUse: 'visit.analgesic_opioid_use',
} as const;

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');
const BANDS = GENANT_HEIGHT_LOSS_1795620100000.map((b) => `(${b.grade}, ${b.minPercent}, ${b.maxPercent})`).join(', ');
const WALL_REQUIRED = list(OF_POSTERIOR_WALL_REQUIRED_1795620100000);
const WALL_EXCLUDED = list(OF_POSTERIOR_WALL_EXCLUDED_1795620100000);
const OPIOIDS = list(OPIOID_LEVELS_1795620100000);
const OF1_MAX = OF1_MAX_HEIGHT_LOSS_PERCENT_1795620100000;

/** Each rule: which fractures break it, and the sentence saying how (f is the fracture, b its grade's band). */
const FRACTURE_CHECKS: { rule: string; where: string; detail: string }[] = [
  {
    rule: RULES_1795620100000.genantHeightLoss,
    where: `f.height_loss_percent IS NOT NULL AND f.height_loss_percent NOT BETWEEN b.lo AND b.hi`,
    detail: `format('genantGrade %s and heightLossPercent %s contradict each other (rule genantHeightLoss): Genant grade %s is a height loss of %s%% to %s%%', f.genant_grade, trim_scale(round(f.height_loss_percent::numeric, 1)), f.genant_grade, b.lo, b.hi)`,
  },
  {
    rule: RULES_1795620100000.ofClassGenantGrade,
    where: `f.of_class::text = 'OF1' AND f.genant_grade > 0`,
    detail: `format('ofClass OF1 and genantGrade %s contradict each other (rule ofClassGenantGrade): OF1 is a fracture without deformation, which is Genant grade 0', f.genant_grade)`,
  },
  {
    rule: RULES_1795620100000.ofClassHeightLoss,
    where: `f.of_class::text = 'OF1' AND f.height_loss_percent > ${OF1_MAX}`,
    detail: `format('ofClass OF1 and heightLossPercent %s contradict each other (rule ofClassHeightLoss): OF1 is a fracture without deformation, its height loss at most ${OF1_MAX}%%', trim_scale(round(f.height_loss_percent::numeric, 1)))`,
  },
  {
    rule: RULES_1795620100000.ofClassMorphology,
    where: `f.of_class::text = 'OF1' AND f.morphology IS NOT NULL`,
    detail: `format('ofClass OF1 and morphology %s contradict each other (rule ofClassMorphology): OF1 is a fracture without deformation', f.morphology)`,
  },
  {
    rule: RULES_1795620100000.ofClassMriOedema,
    where: `f.of_class::text = 'OF1' AND f.mri_oedema = false`,
    detail: `'ofClass OF1 and mriOedema false contradict each other (rule ofClassMriOedema): OF1 is diagnosed by bone oedema on MRI'`,
  },
  {
    rule: RULES_1795620100000.ofClassPosteriorWall,
    where: `(f.of_class::text IN (${WALL_REQUIRED}) AND NOT f.posterior_wall_involved) OR (f.of_class::text IN (${WALL_EXCLUDED}) AND f.posterior_wall_involved)`,
    detail: `format('ofClass %s and posteriorWallInvolved %s contradict each other (rule ofClassPosteriorWall): %s', f.of_class, f.posterior_wall_involved::text,
               CASE WHEN f.posterior_wall_involved THEN 'OF1 is a fracture without deformation, its posterior wall not involved'
                    ELSE f.of_class || ' involves the posterior wall' END)`,
  },
];

/**
 * The API, the import and the forms refuse records whose fields contradict each other (a Genant
 * grade its height loss contradicts, an OF class its findings contradict, opioid use at a visit
 * whose analgesic level is no opioid). Records stored before may break these rules. Which field is
 * wrong only the site can tell, from the images or the visit's notes, so this migration changes no
 * record: it writes one data_issue row per record and rule broken (a fracture breaking two rules
 * has two rows), for the site's coordinators and the admins to resolve on the Data issues page.
 *
 * No CHECK constraint is added for these rules: the legacy rows reported here would make it fail.
 * The rules are enforced on every write instead, and an edit of a reported record must settle it.
 */
export class ReportCrossFieldContradictions1795620100000 implements MigrationInterface {
  name = 'ReportCrossFieldContradictions1795620100000';

  async up(q: QueryRunner): Promise<void> {
    for (const check of FRACTURE_CHECKS) {
      await q.query(
        `
        WITH band(grade, lo, hi) AS (VALUES ${BANDS})
        INSERT INTO data_issue (found_by, rule, table_name, record_id, patient_id, site_id, detail)
        SELECT $1, $2, 'fracture', f.id, f.patient_id, p.site_id, format('%s fracture (onset %s): ', f.level, f.onset_date) || ${check.detail}
        FROM fracture f
        JOIN patient p ON p.id = f.patient_id
        JOIN band b ON b.grade = f.genant_grade
        WHERE f.withdrawn_at IS NULL AND (${check.where})
        ORDER BY p.site_id, f.patient_id, f.onset_date, f.level`,
        [this.name, check.rule],
      );
    }
    await q.query(
      `
      INSERT INTO data_issue (found_by, rule, table_name, record_id, patient_id, site_id, detail)
      SELECT $1, $2, 'assessment', a.id, a.patient_id, p.site_id,
             format('%s visit%s: analgesicLevel %s and opioidUse %s contradict each other (rule analgesicOpioidUse): %s',
                    a.time_point, coalesce(' of ' || a.visit_date, ''), a.analgesic_level, a.opioid_use::text,
                    CASE WHEN a.opioid_use THEN 'opioid use is an analgesic level of ${OPIOID_LEVELS_1795620100000.join(' or ')}'
                         ELSE a.analgesic_level || ' is an opioid' END)
      FROM assessment a
      JOIN patient p ON p.id = a.patient_id
      WHERE a.withdrawn_at IS NULL AND a.analgesic_level IS NOT NULL AND a.opioid_use IS NOT NULL
        AND a.opioid_use <> (a.analgesic_level::text IN (${OPIOIDS}))
      ORDER BY p.site_id, a.patient_id, a.visit_date`,
      [this.name, RULES_1795620100000.analgesicOpioidUse],
    );
  }

  async down(q: QueryRunner): Promise<void> {
    // Only the rows this migration wrote and nobody has resolved yet: a resolution is a record of work done.
    await q.query(`DELETE FROM data_issue WHERE found_by = $1 AND resolved_at IS NULL`, [this.name]);
  }
}
