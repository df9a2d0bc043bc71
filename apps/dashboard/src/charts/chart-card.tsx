import { lazy, Suspense, useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { errorSentence } from '../api';
import type { MethodsSection } from '../methods/methods-anchors';
import { MethodsLink } from '../methods/methods-link';
import './chart-card.css';
import { chartFileName, tableCsv } from './chart-csv';
import { drawWhenIdle } from './draw-later';
import { asOfSentence, type ChartTable } from './chart-text';
import type { ChartOption, echarts } from './echarts';

// ECharts is the largest chunk (about 530 KB to parse). A card in sight asks for it once
// the page has rendered, so that its query is already on its way while the library downloads and
// parses; cards further down leave it to the first chart drawn (draw-later.ts).
export const loadEChart = () => import('./echart');
const EChart = lazy(() => loadEChart().then((m) => ({ default: m.EChart })));

interface Props {
  id: string;
  title: string;
  loading: boolean;
  error: unknown;
  /** Null when there is nothing to draw: the empty sentence is shown instead. */
  option: ChartOption | null;
  empty: string;
  /** n, and what was suppressed; always shown under the chart. */
  note: ReactNode;
  /** One sentence of what the chart shows: its accessible name (the canvas is hidden from screen readers). */
  summary: string;
  /** The chart's numbers, behind a "Show as table" toggle. */
  table: ChartTable | null;
  height?: number;
  children?: ReactNode;
  /** The section of the methods that defines this figure (linked under it). */
  definition: MethodsSection;
  /** Set when the figures came from a hot standby: the time their data is as of (ISO). */
  asOf?: string;
}

/** A chart with its title and its three other states, each said in a sentence. */
export function ChartCard({ id, title, loading, error, option, empty, note, summary, table, height, children, definition, asOf }: Props) {
  const card = useRef<HTMLElement>(null);
  useEffect(() => {
    if (inSight(card.current!)) void loadEChart();
  }, []);
  return (
    <section ref={card} className="chart-card" aria-labelledby={`${id}-title`} data-chart={id}>
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
        <ChartFigure id={id} option={option} summary={summary} table={table} height={height} downloadAs={title} />
      ) : (
        <p className="empty">{empty}</p>
      )}
      {option && !error && <p className="chart-note">{note}</p>}
      {option && !error && asOf && <p className="chart-note as-of">{asOfSentence(asOf)}</p>}
      <MethodsLink section={definition} />
    </section>
  );
}

/**
 * The picture for the eye, the summary and the table for everyone: a figure named by its one-
 * sentence caption, whose canvas is hidden from screen readers (ECharts' own description, with
 * series indices and unrounded numbers, is never built: its aria component is not loaded), and
 * the same numbers as a real table under a "Show as table" toggle.
 */
export function ChartFigure({
  id,
  option,
  summary,
  table,
  height = 320,
  downloadAs,
}: {
  id: string;
  option: ChartOption;
  summary: string;
  table: ChartTable | null;
  height?: number;
  /** The title the downloads are named after; none offered without it. */
  downloadAs?: string;
}) {
  const chart = useRef<echarts.ECharts | null>(null);
  const [svgFailed, setSvgFailed] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const drawNow = useDrawnInTurn(box);
  const downloadSvg = (title: string) => {
    const drawn = chart.current;
    if (!drawn) return;
    setSvgFailed(false);
    saveSvg(option, drawn, title).catch(() => setSvgFailed(true));
  };
  return (
    <>
      <figure className="chart-figure" aria-labelledby={`${id}-summary`}>
        <div ref={box} aria-hidden="true">
          {drawNow ? (
            <Suspense fallback={<Drawing height={height} />}>
              <EChart option={option} height={height} instanceRef={chart} />
            </Suspense>
          ) : (
            <Drawing height={height} />
          )}
        </div>
        <figcaption id={`${id}-summary`} className="chart-summary">
          {summary}
        </figcaption>
      </figure>
      {table && <DataTable table={table} />}
      {downloadAs && (
        <p className="chart-downloads">
          <button
            type="button"
            onClick={() =>
              chart.current && save(chart.current.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' }), chartFileName(downloadAs, 'png'))
            }
          >
            Download PNG
          </button>
          <button type="button" onClick={() => downloadSvg(downloadAs)}>
            Download SVG
          </button>
          {table && (
            <button
              type="button"
              // The byte-order mark lets a spreadsheet read the file as UTF-8 (its dashes, "≥").
              onClick={() => save(new Blob(['\uFEFF', tableCsv(table)], { type: 'text/csv;charset=utf-8' }), chartFileName(downloadAs, 'csv'))}
            >
              Download CSV
            </button>
          )}
          {svgFailed && <span role="alert">The SVG could not be made; try again.</span>}
        </p>
      )}
    </>
  );
}

function Drawing({ height }: { height: number }) {
  return (
    <p className="loading" style={{ height }}>
      Drawing the chart…
    </p>
  );
}

// Only what is in the window: a margin below it took the first row of the overview's charts,
// just under its headline figures, into the first screen's work.
function inSight(el: Element): boolean {
  const r = el.getBoundingClientRect();
  return r.top < window.innerHeight && r.bottom > 0;
}

/**
 * Whether to draw the chart now: at once when it is in sight (or comes into it), else
 * when the browser is idle after what the page shows first (draw-later.ts).
 */
function useDrawnInTurn(box: RefObject<HTMLDivElement | null>): boolean {
  // Without an observer (an old browser) every chart is drawn as it comes.
  const [now, setNow] = useState(() => typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    if (now) return;
    const draw = () => setNow(true);
    const seen = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && draw());
    seen.observe(box.current!);
    const cancel = drawWhenIdle(draw);
    return () => {
      seen.disconnect();
      cancel();
    };
  }, [now, box]);
  return now;
}

/** The chart drawn anew as SVG; the SVG renderer is fetched at the first click (chart-svg.ts). */
async function saveSvg(option: ChartOption, drawn: echarts.ECharts, title: string): Promise<void> {
  const { drawnSvg } = await (await loadEChart()).loadChartSvg();
  save(new Blob([drawnSvg(option, drawn)], { type: 'image/svg+xml' }), chartFileName(title, 'svg'));
}

/** Hands the browser a file to save: a data: address as it is, a blob through an object URL. */
function save(file: string | Blob, filename: string): void {
  const href = typeof file === 'string' ? file : URL.createObjectURL(file);
  const a = document.createElement('a');
  a.href = href;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  if (typeof file !== 'string') setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

function DataTable({ table }: { table: ChartTable }) {
  return (
    <details className="chart-table">
      <summary>Show as table</summary>
      {/* Focusable, so that a keyboard can scroll a long table. */}
      <div className="table-scroll" tabIndex={0} role="region" aria-label={table.caption}>
        <table className="compact">
          <caption>{table.caption}</caption>
          <thead>
            <tr>
              {table.columns.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, r) => (
              <tr key={r}>
                {row.map((cell, c) =>
                  c < table.rowHeaders ? (
                    <th key={c} scope="row">
                      {cell}
                    </th>
                  ) : (
                    <td key={c}>{cell}</td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
