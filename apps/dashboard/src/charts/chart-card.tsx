import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { errorSentence } from '../api';
import type { MethodsSection } from '../methods/methods-anchors';
import { MethodsLink } from '../methods/methods-link';
import type { ChartOption } from './echarts';

// ECharts is the largest chunk (about 600 KB to parse). A page of charts asks for it once it has
// rendered, so that its queries are already on their way while the library downloads and parses.
const loadEChart = () => import('./echart');
const EChart = lazy(() => loadEChart().then((m) => ({ default: m.EChart })));

interface Props {
  id: string;
  title: string;
  /** What the chart shows, for screen readers. */
  label: string;
  loading: boolean;
  error: unknown;
  /** Null when there is nothing to draw: the empty sentence is shown instead. */
  option: ChartOption | null;
  empty: string;
  /** n, and what was suppressed; always shown under the chart. */
  note: ReactNode;
  height?: number;
  children?: ReactNode;
  /** The section of the methods that defines this figure (linked under it). */
  definition: MethodsSection;
}

/** A chart with its title and its three other states, each said in a sentence. */
export function ChartCard({ id, title, label, loading, error, option, empty, note, height, children, definition }: Props) {
  useEffect(() => {
    void loadEChart();
  }, []);
  return (
    <section className="chart-card" aria-labelledby={`${id}-title`} data-chart={id}>
      <h3 id={`${id}-title`}>{title}</h3>
      {children}
      {error ? (
        <p role="alert" className="error">
          {errorSentence(error, title)}
        </p>
      ) : loading && !option ? (
        <p className="loading" role="status">
          Loading: {title}…
        </p>
      ) : option ? (
        <Suspense
          fallback={
            <p className="loading" role="status" style={{ height: height ?? 320 }}>
              Drawing: {title}…
            </p>
          }
        >
          <EChart option={option} label={label} height={height} />
        </Suspense>
      ) : (
        <p className="empty">{empty}</p>
      )}
      {option && !error && <p className="chart-note">{note}</p>}
      <MethodsLink section={definition} />
    </section>
  );
}
