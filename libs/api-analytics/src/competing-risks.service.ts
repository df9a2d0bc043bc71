import { Injectable } from '@nestjs/common';
import { Actor, SqlParams } from '@vfr/api-core';
import { AggregateReader } from '@vfr/api-database';
import { CohortFilter, TreatmentGrouping } from '@vfr/domain';
import { cumulativeIncidence, cumulativeIncidenceAt, grayTest } from '@vfr/stats';
import { followUp, groupedCohortSql } from './cohort.sql';
import { CompetingEvent, CompetingRisksAnalysisModel, CumulativeIncidenceCurveModel } from './models/competing-risks.model';
import { disclosureFor, shownCells, shownCount } from './suppression';

/** The causes as the estimators number them (0 is censored). */
const CAUSE: Record<CompetingEvent, number> = { [CompetingEvent.NEW_FRACTURE]: 1, [CompetingEvent.DEATH]: 2 };

@Injectable()
export class CompetingRisksService {
  constructor(private readonly reader: AggregateReader) {}

  /**
   * A new fracture with death as a competing risk (docs/methods.md, Competing risks): per group,
   * the Aalen-Johansen cumulative incidence of each event, and Gray's test for each. Time is days
   * from day 0; only events within follow-up count, and a patient with neither is censored at the
   * end of follow-up (followUp in cohort.sql.ts). For de-identified readers a curve stops where
   * fewer than the threshold remain at risk, and counts are shown as suppression.ts says.
   */
  async analyse(actor: Actor, filter: CohortFilter, grouping: TreatmentGrouping): Promise<CompetingRisksAnalysisModel> {
    const params = new SqlParams();
    const fu = followUp(grouping);
    // Patients with the same group, time and cause travel as one row with their count.
    const rows: { grp: string; t: number; cause: number; n: number; k: number }[] = await this.reader.query(
      `SELECT grp, CASE WHEN fx THEN fday WHEN dx THEN dday ELSE end_day END AS t, CASE WHEN fx THEN 1 WHEN dx THEN 2 ELSE 0 END AS cause,
              count(*)::int AS n, sum(rk)::int8 AS k
       FROM (SELECT ${fu.group} AS grp, c.new_fracture_day AS fday, c.death_day AS dday, ${fu.end} AS end_day, c.record_key AS rk,
                    coalesce(${fu.counts('c.new_fracture_day')}, false) AS fx, coalesce(${fu.counts('c.death_day')}, false) AS dx
             FROM (${groupedCohortSql(filter, actor, params, grouping)}) c) o
       WHERE fx OR dx OR end_day > 0
       GROUP BY 1, 2, 3`,
      params.values,
    );
    const d = disclosureFor(actor);
    const groups = [...new Set(rows.map((r) => r.grp))].sort();
    const keyed = (of: typeof rows) => of.reduce((a, r) => ({ n: a.n + r.n, k: a.k + Number(r.k) }), { n: 0, k: 0 });
    const shownSizes = shownCells(
      d,
      groups.map((g) => keyed(rows.filter((r) => r.grp === g))),
    );
    const curves: CumulativeIncidenceCurveModel[] = [];
    for (const [i, g] of groups.entries()) {
      const mine = rows.filter((r) => r.grp === g);
      if (shownSizes[i] === null) {
        for (const event of Object.values(CompetingEvent))
          curves.push({ group: g, event, n: null, events: null, atOneYear: null, atTwoYears: null, steps: [], suppressed: true });
        continue;
      }
      const ci = cumulativeIncidence(
        mine.map((r) => r.t),
        mine.map((r) => r.cause),
        { count: mine.map((r) => r.n) },
      );
      for (const event of Object.values(CompetingEvent)) {
        const cause = CAUSE[event];
        const curve = ci.curves.find((c) => c.cause === cause);
        const steps = [];
        for (const r of curve?.rows ?? []) {
          if (r.nEvent === 0) continue;
          const shownAtRisk = shownCount(d, keyed(mine.filter((o) => o.t >= r.time)));
          if (d.suppress && (shownAtRisk === null || shownAtRisk < d.threshold)) break;
          steps.push({
            day: r.time,
            atRisk: shownAtRisk!,
            events: shownCount({ ...d, suppress: false }, keyed(mine.filter((o) => o.t === r.time && o.cause === cause)))!,
            incidence: r.estimate,
            lower: Number.isFinite(r.lower) ? r.lower : null,
            upper: Number.isFinite(r.upper) ? r.upper : null,
          });
        }
        // A value at a day beyond the curve shown describes the few patients left there.
        const lastShown = d.suppress ? (steps[steps.length - 1]?.day ?? -1) : Infinity;
        const at = (day: number) => {
          if (day > ci.maxTime) return null;
          const v = cumulativeIncidenceAt(ci, cause, day);
          // Past the last step shown the value is the last one shown only if no hidden step follows it.
          const hiddenStep = (curve?.rows ?? []).some((r) => r.nEvent > 0 && r.time > lastShown && r.time <= day);
          return Number.isFinite(v.estimate) && !hiddenStep ? v.estimate : null;
        };
        curves.push({
          group: g,
          event,
          n: shownSizes[i],
          events: shownCount(d, keyed(mine.filter((o) => o.cause === cause))),
          atOneYear: at(365),
          atTwoYears: at(730),
          steps,
          suppressed: false,
        });
      }
    }
    const shown = rows.filter((r) => shownSizes[groups.indexOf(r.grp)] !== null);
    const tests = [];
    if (new Set(shown.map((r) => r.grp)).size >= 2) {
      for (const event of Object.values(CompetingEvent)) {
        if (!shown.some((r) => r.cause === CAUSE[event])) continue;
        const g = grayTest(
          shown.map((r) => r.t),
          shown.map((r) => r.cause),
          shown.map((r) => r.grp),
          CAUSE[event],
          { count: shown.map((r) => r.n) },
        );
        if (Number.isFinite(g.statistic)) tests.push({ event, chiSquare: g.statistic, df: g.df, p: g.pValue });
      }
    }
    return { curves, tests };
  }
}
