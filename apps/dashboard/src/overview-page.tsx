import { useEffect, useState } from 'react';
import { ApiError, gql } from './api';

// The registry at a glance, as tables for now: patients and complication rates per treatment,
// and follow-up completeness per site. Charts come with the dashboard work.

interface Overview {
  cohortSize: { total: number | null; groups: { group: string; n: number | null; suppressed: boolean }[] };
  complicationRates: { group: string; category: string; rate: number | null; lower: number | null; upper: number | null; suppressed: boolean }[];
  followUpCompleteness: { siteCode: string; timePoint: string; expected: number; done: number; completeness: number }[];
}

const QUERY = `{
  cohortSize { total groups { group n suppressed } }
  complicationRates { group category rate lower upper suppressed }
  followUpCompleteness { siteCode timePoint expected done completeness }
}`;

const pct = (v: number | null) => (v === null ? '–' : `${(v * 100).toFixed(1)} %`);
const label = (kind: string) => kind.charAt(0) + kind.slice(1).toLowerCase();

export function OverviewPage() {
  const [data, setData] = useState<Overview | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    gql<Overview>(QUERY)
      .then(setData)
      .catch((e: unknown) => setError(e instanceof ApiError ? e.message : 'Could not load the overview.'));
  }, []);

  if (error) return <p role="alert" className="error">{error}</p>;
  if (!data) return <p className="loading">Loading the overview…</p>;
  const any = data.complicationRates.filter((r) => r.category === 'ANY');
  const timePoints = [...new Set(data.followUpCompleteness.map((r) => r.timePoint))];
  const sites = [...new Set(data.followUpCompleteness.map((r) => r.siteCode))];
  return (
    <section aria-labelledby="overview-title">
      <h2 id="overview-title">Registry overview</h2>
      <h3>Patients by first treatment ({data.cohortSize.total ?? 'suppressed'} in all)</h3>
      <table>
        <thead><tr><th>Treatment</th><th>Patients</th><th>Any complication (95% CI)</th></tr></thead>
        <tbody>
          {data.cohortSize.groups.map((g) => {
            const c = any.find((r) => r.group === g.group);
            return (
              <tr key={g.group}>
                <td>{label(g.group)}</td>
                <td>{g.suppressed ? 'suppressed' : g.n}</td>
                <td>{!c || c.suppressed ? 'suppressed' : `${pct(c.rate)} (${pct(c.lower)} – ${pct(c.upper)})`}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <h3>Follow-up completeness (visits done / visits whose window has closed)</h3>
      <table>
        <thead><tr><th>Site</th>{timePoints.map((tp) => <th key={tp}>{tp}</th>)}</tr></thead>
        <tbody>
          {sites.map((s) => (
            <tr key={s}>
              <td>{s}</td>
              {timePoints.map((tp) => {
                const r = data.followUpCompleteness.find((x) => x.siteCode === s && x.timePoint === tp);
                return <td key={tp}>{r ? `${pct(r.completeness)} of ${r.expected}` : '–'}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
