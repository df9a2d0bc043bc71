import { analysisLabel, type ComparedOutcome, differenceReading } from '@vfr/domain';
import { labelOf } from '../charts/palette';
import type { CohortAdjustedQuery, CohortTableOneQuery } from '../gql/graphql';

const f = (v: number | null | undefined, d = 2) => (v === null || v === undefined ? '–' : v.toFixed(d));
const versus = (g: string, v: string) => `${labelOf(g)} vs ${labelOf(v)}`;
const count = (v: number | null) => (v === null ? 'suppressed' : String(v));

/** "NRS at M1" -> "NRS at Month 1"; "NEW_FRACTURE by M12" -> "the risk of a new vertebral fracture by Month 12". */
function outcomeWords(outcome: string): string {
  const [what, by, tp] = outcome.split(' ');
  return what === 'NEW_FRACTURE' ? `the risk of a new vertebral fracture ${by} ${labelOf(tp)}` : `${what} ${by} ${labelOf(tp)}`;
}

/** Differences between groups, unadjusted and IPTW-adjusted, then the balance they rest on. */
export function AdjustedTables({ data }: { data: CohortAdjustedQuery['adjustedComparison'] }) {
  // A new-fracture comparison's differences are risk differences: shown in percentage points.
  const risk = data.outcome.startsWith('NEW_FRACTURE');
  const fd = (v: number | null | undefined) => (v === null || v === undefined ? '–' : risk ? `${(v * 100).toFixed(1)}` : v.toFixed(2));
  // Which way is better for this outcome (libs/domain), and whom each estimate favours.
  const outcome = data.outcome.split(' ')[0] as ComparedOutcome;
  const estimate = (d: (typeof data.differences)[number], v: number | null | undefined, lower: number | null | undefined, upper: number | null | undefined) =>
    v === null || v === undefined ? (
      '–'
    ) : (
      <>
        {fd(v)} ({fd(lower)} to {fd(upper)})<small className="direction">{differenceReading(outcome, v, labelOf(d.group), labelOf(d.versus))}</small>
      </>
    );
  return (
    <>
      <table className="compact" aria-label="Differences between treatment groups">
        <caption>
          Differences in {outcomeWords(data.outcome)} (group minus reference{risk ? ', percentage points' : ''}), n = {data.n}
          {data.excluded ? `, ${data.excluded} excluded for missing covariates` : ''}
          {data.constantCovariates.length
            ? `; left out of the propensity model because every patient shares it (or no patient is in the category): ${data.constantCovariates.map(analysisLabel).join(', ')}`
            : ''}
          {`; reference categories: ${data.referenceCategories.map((r) => `${analysisLabel(r.factor)}: ${r.reference}`).join(', ')}`}
          {data.suppressedGroups.length ? `; suppressed groups: ${data.suppressedGroups.map(labelOf).join(', ')}` : ''}
          {data.propensityConverged ? '' : '; the propensity model did not converge, so the adjusted figures are unreliable'}
          {'. Sensitivity analysis: also weighted by the inverse probability of having the outcome, for patients without it'}
          {data.sensitivityConverged ? '' : ' (its models did not converge, so it is unreliable)'}
        </caption>
        <thead>
          <tr>
            <th>Comparison</th>
            <th>n</th>
            <th>Unadjusted (95% CI)</th>
            <th>IPTW-adjusted, complete cases (95% CI)</th>
            <th>Sensitivity analysis: IPTW × missing-outcome weights (95% CI)</th>
          </tr>
        </thead>
        <tbody>
          {data.differences.map((d) => (
            <tr key={d.group + d.versus}>
              <td>{versus(d.group, d.versus)}</td>
              <td>
                {d.n} vs {d.nVersus}
              </td>
              <td>{estimate(d, d.unadjusted, d.unadjustedLower, d.unadjustedUpper)}</td>
              <td>{estimate(d, d.adjusted, d.adjustedLower, d.adjustedUpper)}</td>
              <td>{estimate(d, d.sensitivity, d.sensitivityLower, d.sensitivityUpper)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="compact" aria-label="Missing data per treatment group">
        <caption>
          Missing data per group: patients in the cohort, with {data.outcome}, and analysed (every covariate recorded
          {data.trimming === 'CRUMP' ? ', kept by trimming' : ''})
        </caption>
        <thead>
          <tr>
            <th>Group</th>
            <th>In the cohort</th>
            <th>With the outcome</th>
            <th>Analysed</th>
          </tr>
        </thead>
        <tbody>
          {data.missingData.map((m) => (
            <tr key={m.group}>
              <td>{labelOf(m.group)}</td>
              <td>{count(m.cohort)}</td>
              <td>{count(m.observed)}</td>
              <td>{count(m.analysed)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="compact" aria-label="Weights per treatment group">
        <caption>
          Stabilized weights per group (not truncated) and the effective sample size, (Σw)² / Σw²
          {data.trimming === 'CRUMP' ? `; patients with a propensity under ${f(data.trimmingThreshold, 3)} for any group trimmed (Crump rule)` : ''}
          {data.trimmedGroups.length ? `; left out after trimming: ${data.trimmedGroups.map(labelOf).join(', ')}` : ''}
        </caption>
        <thead>
          <tr>
            <th>Group</th>
            <th>n</th>
            {data.trimming === 'CRUMP' ? <th>Trimmed</th> : null}
            <th>Min</th>
            <th>Median</th>
            <th>Max</th>
            <th>Sum</th>
            <th>Effective n</th>
          </tr>
        </thead>
        <tbody>
          {data.weights.map((w) => (
            <tr key={w.group}>
              <td>{labelOf(w.group)}</td>
              <td>{w.n ?? 'suppressed'}</td>
              {data.trimming === 'CRUMP' ? <td>{w.trimmed ?? 'suppressed'}</td> : null}
              <td>{f(w.min)}</td>
              <td>{f(w.median)}</td>
              <td>{f(w.max)}</td>
              <td>{f(w.sum, 1)}</td>
              <td>{f(w.ess, 1)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="compact" aria-label="Covariate balance before and after weighting">
        <caption>Balance for every pair of groups: standardized mean differences before and after weighting (|SMD| above 0.1 marked)</caption>
        <thead>
          <tr>
            <th>Covariate</th>
            <th>Comparison</th>
            <th>SMD before</th>
            <th>SMD after</th>
          </tr>
        </thead>
        <tbody>
          {data.balance.map((b) => (
            <tr key={b.covariate + b.group + b.versus}>
              <td>{analysisLabel(b.covariate)}</td>
              <td>{versus(b.group, b.versus)}</td>
              <td className={Math.abs(b.smdBefore) > 0.1 ? 'imbalanced' : ''}>{f(b.smdBefore)}</td>
              <td className={Math.abs(b.smdAfter) > 0.1 ? 'imbalanced' : ''}>{f(b.smdAfter)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** Table 1: each characteristic per group (mean ± SD or n (%)) and the largest |SMD|. */
export function TableOne({ rows }: { rows: CohortTableOneQuery['characteristicsTable'] }) {
  const groups = [...new Set(rows.flatMap((r) => r.values.map((v) => v.group)))];
  return (
    <table className="compact" aria-label="Table 1: baseline characteristics">
      <caption>Table 1: baseline characteristics by group, with the largest standardized mean difference</caption>
      <thead>
        <tr>
          <th>Characteristic</th>
          {groups.map((g) => (
            <th key={g}>{labelOf(g)}</th>
          ))}
          <th>Max |SMD|</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.variable}>
            <td>
              {analysisLabel(r.variable)}
              {r.summary === 'PROPORTION' ? ', n (%)' : ', mean ± SD'}
            </td>
            {groups.map((g) => {
              const v = r.values.find((x) => x.group === g);
              const text =
                !v || v.suppressed
                  ? 'suppressed'
                  : r.summary === 'PROPORTION'
                    ? `${v.count} (${f((v.value ?? 0) * 100, 1)} %)`
                    : `${f(v.value, 1)} ± ${f(v.sd, 1)}`;
              return <td key={g}>{text}</td>;
            })}
            <td className={(r.maxAbsSmd ?? 0) > 0.1 ? 'imbalanced' : ''}>{f(r.maxAbsSmd)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
