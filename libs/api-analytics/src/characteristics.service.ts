import { Injectable } from '@nestjs/common';
import { Actor, SqlParams } from '@vfr/api-core';
import { AggregateReader } from '@vfr/api-database';
import { CohortFilter, TreatmentGrouping } from '@vfr/domain';
import { smdBinary, smdFromSummary } from '@vfr/stats';
import { followUp, groupedCohortSql } from './cohort.sql';
import { CharacteristicRowModel } from './models/characteristics.model';
import { disclosureFor, shownCells, shownCount, shownProportion } from './suppression';

// The variables of Table 1 and the propensity model: SQL expressions over the cohort row `c`
// joined to its patient `p` (fixed text, never user input).
export const CHARACTERISTIC_VARIABLES: { name: string; summary: 'MEAN' | 'PROPORTION'; sql: string }[] = [
  { name: 'age', summary: 'MEAN', sql: 'c.age::float8' },
  { name: 'female', summary: 'PROPORTION', sql: "(c.sex = 'FEMALE')::int" },
  { name: 'bmi', summary: 'MEAN', sql: 'p.bmi' },
  { name: 'tScore', summary: 'MEAN', sql: 'p.t_score' },
  { name: 'steroidUse', summary: 'PROPORTION', sql: 'p.steroid_use::int' },
  { name: 'activeCancer', summary: 'PROPORTION', sql: 'c.active_cancer::int' },
  { name: 'osteoporoticCause', summary: 'PROPORTION', sql: "('OSTEOPOROTIC' = ANY(c.causes))::int" },
  { name: 'maxGenantGrade', summary: 'MEAN', sql: 'c.max_genant::float8' },
  { name: 'fracturedLevels', summary: 'MEAN', sql: 'cardinality(c.levels)::float8' },
  { name: 'fractureAgeDays', summary: 'MEAN', sql: 'c.fracture_age_days::float8' },
  { name: 'baselineNrs', summary: 'MEAN', sql: 'c.baseline_nrs::float8' },
  { name: 'asaClass3OrMore', summary: 'PROPORTION', sql: '(p.asa_class >= 3)::int' },
  // The baseline a spine surgeon compares the groups on (libs/domain/src/fields/patient.fields.ts);
  // each is summarised over the patients who have it recorded (its n says how many).
  { name: 'walkingAidOrWorse', summary: 'PROPORTION', sql: "(p.pre_fracture_mobility <> 'INDEPENDENT')::int" },
  { name: 'livingInCare', summary: 'PROPORTION', sql: "(p.living_situation IN ('ASSISTED_LIVING', 'NURSING_HOME'))::int" },
  { name: 'clinicalFrailtyScale', summary: 'MEAN', sql: 'p.clinical_frailty_scale::float8' },
  { name: 'charlsonComorbidityIndex', summary: 'MEAN', sql: 'p.charlson_comorbidity_index::float8' },
  { name: 'dementia', summary: 'PROPORTION', sql: 'p.dementia::int' },
  { name: 'priorVertebralFracture', summary: 'PROPORTION', sql: '(p.prior_vertebral_fractures > 0)::int' },
  { name: 'osteoporosisDrug', summary: 'PROPORTION', sql: "(p.anti_osteoporotic_drug <> 'NONE')::int" },
  { name: 'flsReferral', summary: 'PROPORTION', sql: 'p.fls_referral::int' },
  { name: 'vitaminD', summary: 'PROPORTION', sql: 'p.vitamin_d_supplementation::int' },
  { name: 'painUnderAnalgesia', summary: 'MEAN', sql: 'p.pain_under_analgesia::float8' },
];

@Injectable()
export class CharacteristicsService {
  constructor(private readonly reader: AggregateReader) {}

  /** Table 1: one SQL pass computes n, mean and SD (or count) of every variable per group. */
  async table(actor: Actor, filter: CohortFilter, grouping: TreatmentGrouping): Promise<CharacteristicRowModel[]> {
    const params = new SqlParams();
    const group = followUp(grouping).group;
    const aggregates = CHARACTERISTIC_VARIABLES.map(
      (v, i) => `count(${v.sql})::int AS n${i}, avg(${v.sql})::float8 AS m${i}, stddev_samp(${v.sql})::float8 AS s${i}, sum(${v.sql})::float8 AS c${i},
        sum(c.record_key) FILTER (WHERE (${v.sql}) IS NOT NULL)::int8 AS kn${i}, sum(c.record_key) FILTER (WHERE (${v.sql}) = 1)::int8 AS kc${i}`,
    );
    const rows: Record<string, number | string | null>[] = await this.reader.query(
      `SELECT ${group} AS grp, count(*)::int AS size, sum(c.record_key)::int8 AS ksize, ${aggregates.join(', ')}
       FROM (${groupedCohortSql(filter, actor, params, grouping)}) c JOIN patient p ON p.id = c.patient_id
       GROUP BY 1 ORDER BY (${group} <> 'CONSERVATIVE'), 1`,
      params.values,
    );
    const d = disclosureFor(actor);
    const sizes = shownCells(
      d,
      rows.map((r) => ({ n: Number(r.size), k: Number(r.ksize) })),
    );
    return CHARACTERISTIC_VARIABLES.map((v, i) => {
      const values = rows.map((r, g) => {
        const withheld = { group: String(r.grp), n: null, value: null, sd: null, count: null, suppressed: true };
        const n = { n: Number(r[`n${i}`]), k: Number(r[`kn${i}`] ?? 0) };
        if (sizes[g] === null) return withheld;
        if (v.summary === 'PROPORTION') {
          // A small number with the characteristic is withheld with its share.
          const shown = shownProportion(d, { n: Number(r[`c${i}`] ?? 0), k: Number(r[`kc${i}`] ?? 0) }, n);
          if (shown.n === null || shown.x === null) return withheld;
          return { group: String(r.grp), n: shown.n, value: shown.n ? shown.x / shown.n : null, sd: null, count: shown.x, suppressed: false };
        }
        return {
          group: String(r.grp),
          n: shownCount(d, n),
          value: r[`m${i}`] as number | null,
          sd: r[`s${i}`] as number | null,
          count: null,
          suppressed: false,
        };
      });
      const smd = (a: (typeof values)[number], b: (typeof values)[number]): number | null => {
        if (a.value === null || b.value === null) return null;
        if (v.summary === 'PROPORTION') return smdBinary(a.value, b.value);
        return a.sd === null || b.sd === null ? null : smdFromSummary(a.value, a.sd, b.value, b.sd);
      };
      const reference = values[0];
      const differences = values.slice(1).map((x) => ({ group: x.group, versus: reference?.group ?? '', smd: reference ? smd(x, reference) : null }));
      const pairs = values.flatMap((a, j) => values.slice(j + 1).map((b) => smd(a, b))).filter((d): d is number => d !== null && Number.isFinite(d));
      return { variable: v.name, summary: v.summary, values, differences, maxAbsSmd: pairs.length ? Math.max(...pairs.map(Math.abs)) : null };
    });
  }
}
