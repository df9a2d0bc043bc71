import { useQuery } from '../graphql/hooks';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useMe } from '../me';
import { ChartCard, loadEChart } from '../charts/chart-card';
import { afterDrawing } from '../charts/draw-later';
import { METHODS } from '../methods/methods-anchors';
import { labelOf } from '../charts/palette';
import type { CohortFilterInput, ResponderDefinition } from '../gql/graphql';
import {
  OVERVIEW_COMPLETENESS,
  OVERVIEW_COMPLICATIONS,
  OVERVIEW_DISCHARGE,
  OVERVIEW_FUNNEL,
  OVERVIEW_READMISSIONS,
  OVERVIEW_RESPONDERS,
  OVERVIEW_SITES,
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
  readmissionsFigure,
  respondersFigure,
  trajectoryFigure,
  VOLUMES_TITLE,
  volumesFigure,
} from './overview.options';
import { AdjustedAnswer } from './adjusted-answer';
import { FIRST_DEFINITION } from './overview.ahead';
import { Headlines } from './headlines';
import { OverviewFilters } from './overview-filters';
import { chartScopes, describeView, siteFilter, subgroupFilter, viewFromSearch, viewToSearch } from './overview-view';
import './overview.css';
import { printedDate } from './printed-date';
import { countText } from '../charts/chart-text';

export const RESPONDER_DEFINITIONS: { value: ResponderDefinition; label: string }[] = [
  { value: 'NRS_DROP_2', label: 'NRS down by at least 2 points' },
  { value: 'NRS_DROP_30_PERCENT', label: 'NRS down by at least 30 %' },
  { value: 'NRS_BELOW_4', label: 'NRS below 4' },
  { value: 'ODI_DROP_10', label: 'ODI down by at least 10 points' },
];

const NONE: Figure = NO_FIGURE;

/**
 * Tells the page when a chart has its answer (or its error): the adjusted answer's fits, the
 * heaviest requests of the page, are asked for only once every chart of the first screen has
 * been answered, so that they do not hold the server's aggregate turns and the browser's
 * connections while the charts wait.
 */
const ChartSettled = createContext<(key: string) => void>(() => undefined);

function useFigure<T>(
  result: { data?: T; loading: boolean; error?: unknown; asOf?: string },
  build: (d: T) => Figure,
  key?: string,
  /** The page's own figures, outside the provider, tell it directly. */
  onSettled?: (key: string) => void,
): Figure & { loading: boolean; error: unknown; asOf?: string } {
  const figure = useMemo(() => (result.data ? build(result.data) : NONE), [result.data, build]);
  const fromProvider = useContext(ChartSettled);
  const settled = onSettled ?? fromProvider;
  useEffect(() => {
    if (key && !result.loading) settled(key);
  }, [key, result.loading, settled]);
  return { ...figure, loading: result.loading, error: result.error, asOf: result.asOf };
}

/**
 * Whether the charts' drawing library (ECharts, the chunk every chart card asks for) has arrived.
 * The adjusted fits hold the API process's thread for seconds (the cohort read and the design
 * built on the request's thread), and the same process serves the chunk: asked for once the charts
 * were answered but before the chunk had come, they held it back, and with it every chart. Now
 * also after the charts below the first screen are drawn (draw-later.ts).
 */
function useChartsDrawable(): boolean {
  const [drawable, setDrawable] = useState(false);
  useEffect(() => {
    let live = true;
    const done = () => live && setDrawable(true);
    // After the charts: the library loaded (a chart waiting for it renders once it comes), then
    // another idle moment with no chart waiting, so that the fits do not share the cores with
    // the drawing of the charts below the first screen.
    let cancel = afterDrawing(() => {
      const drawn = () => {
        if (live) cancel = afterDrawing(done);
      };
      void loadEChart().then(drawn, drawn);
    });
    return () => {
      live = false;
      cancel();
    };
  }, []);
  return drawable;
}

/** Whether every chart named has been answered once; stays true after. */
function useChartsSettled(keys: string[]): { settle: (key: string) => void; settled: boolean } {
  const [done, setDone] = useState<ReadonlySet<string>>(() => new Set());
  const [settled, setSettled] = useState(false);
  const settle = useCallback((key: string) => setDone((d) => (d.has(key) ? d : new Set(d).add(key))), []);
  const all = keys.every((k) => done.has(k));
  // Once true, true for good (React's state adjusted while rendering, not in an effect).
  if (all && !settled) setSettled(true);
  return { settle, settled };
}

/** The date and time of printing, set as the print starts (the page may have been open for hours). */
function PrintedAt() {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const update = () => setNow(new Date());
    window.addEventListener('beforeprint', update);
    return () => window.removeEventListener('beforeprint', update);
  }, []);
  return <time dateTime={now.toISOString()}>{printedDate(now)}</time>;
}

interface Scope {
  key: 'site' | 'registry';
  label: string;
  filter: CohortFilterInput;
}

/** A card's id and title for its scope: unchanged when the charts show one scope. */
function scoped(id: string, title: string, scope: Scope, many: boolean) {
  return many ? { id: `${id}-${scope.key}`, title: `${title} — ${scope.label}` } : { id, title };
}

// One component per chart, each running its own query for its scope, so that the site's and the
// registry's cards can sit side by side in the grid, row by row.
type CardProps = { scope: Scope; many: boolean };

function VolumesCard({ scope, many }: CardProps) {
  const f = useFigure(useQuery(OVERVIEW_VOLUMES, { variables: { filter: scope.filter } }), volumesFigure, `v${scope.key}`);
  return (
    <ChartCard
      {...scoped('volumes', VOLUMES_TITLE, scope, many)}
      definition={METHODS.rates}
      {...f}
      empty="No treatments in this period and subgroup."
      height={330}
    />
  );
}

function TrajectoryCard({ scope, many }: CardProps) {
  const f = useFigure(useQuery(OVERVIEW_TRAJECTORY, { variables: { filter: scope.filter } }), trajectoryFigure, `t${scope.key}`);
  return (
    <ChartCard
      {...scoped('trajectory', 'Pain (NRS) over time, by first treatment', scope, many)}
      definition={METHODS.rates}
      {...f}
      empty="No pain scores in this period and subgroup."
      height={330}
    />
  );
}

function RespondersCard({ scope, many, definition, children }: CardProps & { definition: ResponderDefinition; children: ReactNode }) {
  const f = useFigure(useQuery(OVERVIEW_RESPONDERS, { variables: { filter: scope.filter, definition } }), respondersFigure, `r${scope.key}`);
  return (
    <ChartCard
      {...scoped('responders', 'Responder rates, by first treatment', scope, many)}
      definition={METHODS.rates}
      {...f}
      empty="No follow-up visits with scores in this period and subgroup, so no responders can be counted."
      height={330}
    >
      {children}
    </ChartCard>
  );
}

function ComplicationsCard({ scope, many }: CardProps) {
  const f = useFigure(useQuery(OVERVIEW_COMPLICATIONS, { variables: { filter: scope.filter } }), complicationsFigure, `c${scope.key}`);
  return (
    <ChartCard
      {...scoped('complications', 'Complication rates, by grade, kind and first treatment', scope, many)}
      definition={METHODS.rates}
      {...f}
      empty="No treated patients in this period and subgroup, so no complication rates."
      height={560}
    />
  );
}

function DischargeCard({ scope, many }: CardProps) {
  const f = useFigure(useQuery(OVERVIEW_DISCHARGE, { variables: { filter: scope.filter } }), dischargeFigure, `d${scope.key}`);
  return (
    <ChartCard
      {...scoped('discharge', 'Same-day discharge and length of stay, by treatment', scope, many)}
      definition={METHODS.rates}
      {...f}
      empty="No treatments with a discharge recorded in this period and subgroup."
      height={330}
    />
  );
}

function ReadmissionsCard({ scope, many }: CardProps) {
  const f = useFigure(useQuery(OVERVIEW_READMISSIONS, { variables: { filter: scope.filter } }), readmissionsFigure, `a${scope.key}`);
  return (
    <ChartCard
      {...scoped('readmissions', 'Readmissions and repeat augmentation, by treatment', scope, many)}
      definition={METHODS.hospitalUse}
      {...f}
      empty="No treatments with readmissions recorded in this period and subgroup."
      height={330}
    />
  );
}

const today = () => new Date().toISOString().slice(0, 10);

/**
 * The registry at a glance for department heads: the headline figures of a site beside the
 * registry's, the adjusted answer, and every figure, for a period and subgroups that live in the
 * URL (overview-view.ts).
 */
export function OverviewPage() {
  const [params, setParams] = useSearchParams();
  const view = useMemo(() => viewFromSearch(params.toString()), [params]);
  const [definition, setDefinition] = useState<ResponderDefinition>(FIRST_DEFINITION);
  // The user's own site comes with the session, so the site's figures are asked for with the
  // registry's at once; the sites' codes and names (for labels and the filter) arrive beside them.
  const ownSiteId = useMe().siteId;
  const sites = useQuery(OVERVIEW_SITES).data;
  const siteId = view.siteId || ownSiteId;
  const site = sites?.sites.find((s) => s.id === siteId) ?? null;
  const registry = useMemo<Scope>(() => ({ key: 'registry', label: 'Registry', filter: subgroupFilter(view) }), [view]);
  const ownFilter = useMemo(() => (siteId ? siteFilter(view, siteId) : null), [view, siteId]);
  const siteScope = useMemo<Scope | null>(() => (ownFilter ? { key: 'site', label: site?.code ?? 'Site', filter: ownFilter } : null), [ownFilter, site]);
  const scopes = chartScopes<Scope>(view, siteScope, registry);
  const many = scopes.length > 1;
  const size = useQuery(OVERVIEW_VOLUMES, { variables: { filter: registry.filter } }).data?.cohortSize;
  // Every chart of the first screen.
  const charts = [...scopes.flatMap((sc) => ['v', 't', 'r', 'c', 'd', 'a'].map((k) => `${k}${sc.key}`)), 'completeness', 'funnel'];
  const { settle, settled: chartsAnswered } = useChartsSettled(charts);
  const drawable = useChartsDrawable();
  const completeness = useFigure(
    useQuery(OVERVIEW_COMPLETENESS, { variables: { siteId: view.charts === 'SITE' && siteId ? siteId : null } }),
    completenessFigure,
    'completeness',
    settle,
  );
  const funnel = useFigure(useQuery(OVERVIEW_FUNNEL, { variables: { filter: registry.filter } }), funnelFigure, 'funnel', settle);
  const described = describeView(view);

  const responderChoice = (
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
  );
  const each = (card: (s: Scope) => ReactNode) => scopes.map((s) => card(s));

  return (
    <ChartSettled.Provider value={settle}>
      <section aria-labelledby="overview-title" className="overview">
        <div className="overview-head">
          <h2 id="overview-title">Registry overview</h2>
          {/* The department report: this page on A4 (the print stylesheet in overview.css). */}
          <button type="button" className="no-print" onClick={() => window.print()}>
            Print report
          </button>
        </div>
        <OverviewFilters
          view={view}
          onChange={(v) => setParams(new URLSearchParams(viewToSearch(v)), { replace: true })}
          sites={sites?.sites ?? []}
          ownSiteId={ownSiteId}
          today={today()}
        />
        {/* On paper only: what the figures cover and when they were printed. */}
        <p className="print-only">
          {site ? `${site.code} (${site.name}) beside the registry` : 'All sites'}; {described}; charts for{' '}
          {many ? `${site?.code} and the registry` : scopes[0].label.toLowerCase() === 'registry' ? 'the registry' : scopes[0].label} · printed <PrintedAt />
        </p>
        <p className="summary" aria-busy={!size}>
          Showing {described}.{' '}
          {size &&
            `${size.total === null ? 'The registry total is withheld.' : `${countText(size.total)} patients in the registry`}${
              size.groups.length > 0 ? ' by first treatment: ' : ''
            }${size.groups.map((g) => `${labelOf(g.group).toLowerCase()} ${g.suppressed ? `under ${size.threshold} (withheld)` : g.n}`).join(', ')}.`}{' '}
          Only patients who consented to research are counted. For department heads, counts under {size?.threshold ?? 11} are withheld and every count is moved
          by at most 3, the same way each time, so that comparing two figures cannot reveal a small group.
        </p>
        <Headlines
          siteLabel={siteScope?.label ?? null}
          siteFilter={siteScope?.filter ?? null}
          registryFilter={registry.filter}
          threshold={size?.threshold ?? null}
        />
        <AdjustedAnswer scopes={siteScope ? [siteScope, registry] : [registry]} start={chartsAnswered && drawable} />
        <div className="chart-grid">
          {each((s) => (
            <VolumesCard key={`v${s.key}`} scope={s} many={many} />
          ))}
          {each((s) => (
            <TrajectoryCard key={`t${s.key}`} scope={s} many={many} />
          ))}
          {each((s) => (
            <RespondersCard key={`r${s.key}`} scope={s} many={many} definition={definition}>
              {responderChoice}
            </RespondersCard>
          ))}
          {each((s) => (
            <ComplicationsCard key={`c${s.key}`} scope={s} many={many} />
          ))}
          {each((s) => (
            <DischargeCard key={`d${s.key}`} scope={s} many={many} />
          ))}
          {each((s) => (
            <ReadmissionsCard key={`a${s.key}`} scope={s} many={many} />
          ))}
          <ChartCard
            id="completeness"
            definition={METHODS.rates}
            title="Follow-up completeness, by time point and site"
            {...completeness}
            empty="No follow-up visit is due yet."
            note={
              <>
                {completeness.note} Every period and patient of {view.charts === 'SITE' && site ? site.code : 'every site'}: the period and subgroups do not
                apply here (the headline figures give the 12-month share for them).
              </>
            }
            height={330}
          />
          <ChartCard
            id="funnel"
            definition={METHODS.rates}
            title="Sites' complication rates after procedures (funnel plot)"
            {...funnel}
            empty="No site has procedures in this period and subgroup."
            height={360}
          />
        </div>
      </section>
    </ChartSettled.Provider>
  );
}
