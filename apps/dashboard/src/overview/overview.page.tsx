import { useQuery } from '../graphql/hooks';
import { useEffect, useMemo, useState } from 'react';
import { ChartCard } from '../charts/chart-card';
import { METHODS } from '../methods/methods-anchors';
import { labelOf } from '../charts/palette';
import type { ResponderDefinition } from '../gql/graphql';
import {
  OVERVIEW_COMPLETENESS,
  OVERVIEW_COMPLICATIONS,
  OVERVIEW_DISCHARGE,
  OVERVIEW_FUNNEL,
  OVERVIEW_RESPONDERS,
  OVERVIEW_TRAJECTORY,
  OVERVIEW_VOLUMES,
} from './overview.documents';
import {
  completenessFigure,
  complicationsFigure,
  dischargeFigure,
  type Figure,
  funnelFigure,
  NO_FIGURE,
  respondersFigure,
  trajectoryFigure,
  VOLUMES_TITLE,
  volumesFigure,
} from './overview.options';
import { OVERVIEW_READMISSIONS } from './overview.documents';
import { readmissionsFigure } from './overview.options';
import './overview.css';

export const RESPONDER_DEFINITIONS: { value: ResponderDefinition; label: string }[] = [
  { value: 'NRS_DROP_2', label: 'NRS down by at least 2 points' },
  { value: 'NRS_DROP_30_PERCENT', label: 'NRS down by at least 30 %' },
  { value: 'NRS_BELOW_4', label: 'NRS below 4' },
  { value: 'ODI_DROP_10', label: 'ODI down by at least 10 points' },
];

const NONE: Figure = NO_FIGURE;

function useFigure<T>(result: { data?: T; loading: boolean; error?: unknown }, build: (d: T) => Figure): Figure & { loading: boolean; error: unknown } {
  const figure = useMemo(() => (result.data ? build(result.data) : NONE), [result.data, build]);
  return { ...figure, loading: result.loading, error: result.error };
}

/** The date and time of printing, set as the print starts (the page may have been open for hours). */
function PrintedAt() {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const update = () => setNow(new Date());
    window.addEventListener('beforeprint', update);
    return () => window.removeEventListener('beforeprint', update);
  }, []);
  return <time dateTime={now.toISOString()}>{now.toLocaleString('en-GB', { dateStyle: 'long', timeStyle: 'short' })}</time>;
}

/** The registry at a glance for department heads: every figure over all sites. */
export function OverviewPage() {
  const [definition, setDefinition] = useState<ResponderDefinition>('NRS_DROP_2');
  const volumesQuery = useQuery(OVERVIEW_VOLUMES);
  const volumes = useFigure(volumesQuery, volumesFigure);
  const trajectory = useFigure(useQuery(OVERVIEW_TRAJECTORY), trajectoryFigure);
  const responders = useFigure(useQuery(OVERVIEW_RESPONDERS, { variables: { definition } }), respondersFigure);
  const complications = useFigure(useQuery(OVERVIEW_COMPLICATIONS), complicationsFigure);
  const discharge = useFigure(useQuery(OVERVIEW_DISCHARGE), dischargeFigure);
  const readmissions = useFigure(useQuery(OVERVIEW_READMISSIONS), readmissionsFigure);
  const completeness = useFigure(useQuery(OVERVIEW_COMPLETENESS), completenessFigure);
  const funnel = useFigure(useQuery(OVERVIEW_FUNNEL), funnelFigure);
  const size = volumesQuery.data?.cohortSize;

  return (
    <section aria-labelledby="overview-title" className="overview">
      <div className="overview-head">
        <h2 id="overview-title">Registry overview</h2>
        {/* The department report: this page on A4 (the print stylesheet in overview.css). */}
        <button type="button" className="no-print" onClick={() => window.print()}>
          Print report
        </button>
      </div>
      {/* On paper only: what the figures cover and when they were printed. */}
      <p className="print-only">
        All sites, all periods · printed <PrintedAt />
      </p>
      {size && (
        <p className="summary">
          {size.total === null ? 'The registry total is suppressed.' : `${size.total.toLocaleString('en')} patients`}
          {size.groups.length > 0 && ' by first treatment: '}
          {size.groups.map((g) => `${labelOf(g.group).toLowerCase()} ${g.suppressed ? `under ${size.threshold} (suppressed)` : g.n}`).join(', ')}. Only patients
          who consented to research are counted. For department heads, counts under {size.threshold} are withheld and every count is moved by at most 3, the
          same way each time, so that comparing two figures cannot reveal a small group.
        </p>
      )}
      <div className="chart-grid">
        <ChartCard id="volumes" definition={METHODS.rates} title={VOLUMES_TITLE} {...volumes} empty="No treatments have been recorded yet." height={330} />
        <ChartCard
          id="trajectory"
          definition={METHODS.rates}
          title="Pain (NRS) over time, by first treatment"
          {...trajectory}
          empty="No pain scores have been recorded yet."
          height={330}
        />
        <ChartCard
          id="responders"
          definition={METHODS.rates}
          title="Responder rates, by first treatment"
          {...responders}
          empty="No follow-up visits with scores yet, so no responders can be counted."
          height={330}
        >
          <label className="inline-field">
            Responder means{' '}
            <select value={definition} onChange={(e) => setDefinition(e.target.value as ResponderDefinition)}>
              {RESPONDER_DEFINITIONS.map((d) => (
                <option key={d.value} value={d.value}>
                  {d.label}
                </option>
              ))}
            </select>{' '}
            from baseline
          </label>
        </ChartCard>
        <ChartCard
          id="complications"
          definition={METHODS.rates}
          title="Complication rates, by grade, kind and first treatment"
          {...complications}
          empty="No treated patients yet, so no complication rates."
          height={560}
        />
        <ChartCard
          id="discharge"
          definition={METHODS.rates}
          title="Same-day discharge and length of stay, by treatment"
          {...discharge}
          empty="No treatments with a discharge recorded yet."
          height={330}
        />
        <ChartCard
          id="readmissions"
          definition={METHODS.hospitalUse}
          title="Readmissions and repeat augmentation, by treatment"
          {...readmissions}
          empty="No treatments with readmissions recorded yet."
          height={330}
        />
        <ChartCard
          id="completeness"
          definition={METHODS.rates}
          title="Follow-up completeness, by time point and site"
          {...completeness}
          empty="No follow-up visit is due yet."
          height={330}
        />
        <ChartCard
          id="funnel"
          definition={METHODS.rates}
          title="Sites' complication rates after procedures (funnel plot)"
          {...funnel}
          empty="No site has procedures yet."
          height={360}
        />
      </div>
    </section>
  );
}
