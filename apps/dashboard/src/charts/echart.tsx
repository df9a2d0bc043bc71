import { useEffect, useRef, type RefObject } from 'react';
import { echarts, type ChartOption } from './echarts';

interface Props {
  option: ChartOption;
  /** Pixels; the width follows the container. */
  height?: number;
  /** Set to the drawn chart, for its "Download PNG" and "Download SVG" (chart-card.tsx). */
  instanceRef?: RefObject<echarts.ECharts | null>;
}

/**
 * The SVG download's code (chart-svg.ts), loaded from this module: the bundler then knows that
 * ECharts is already loaded beside it, and keeps the library in this chunk (loaded from the card,
 * it would split ECharts into a chunk of its own with a module loader, 1.4 KB more).
 */
export const loadChartSvg = () => import('./chart-svg');

/** The chart's width on an A4 page (180 mm between the margins, less the card's frame): print.css. */
const PRINT_WIDTH = 650;

/**
 * The canvas only: hidden from screen readers by its figure (chart-card.tsx), which names it with
 * a sentence and offers its numbers as a table.
 */
export function EChart({ option, height = 320, instanceRef }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const el = host.current!;
    // Twice the screen's pixels at least, so that a printed chart is sharp on paper.
    const instance = echarts.init(el, undefined, { renderer: 'canvas', devicePixelRatio: Math.max(window.devicePixelRatio || 1, 2) });
    chart.current = instance;
    if (instanceRef) instanceRef.current = instance;
    // Only a changed size redraws: the observer also reports the size the chart was drawn at
    // (once when observing starts, again as other cards fill in around it), and each resize is a
    // whole new layout and paint.
    const resize = new ResizeObserver(() => {
      if (el.clientWidth !== instance.getWidth() || el.clientHeight !== instance.getHeight()) instance.resize();
    });
    resize.observe(el);
    // Printing lays the page out anew without telling the ResizeObserver: drawn at the page's
    // width before, at the screen's after.
    const print = window.matchMedia('print');
    const toPaper = () => instance.resize({ width: PRINT_WIDTH });
    const toScreen = () => instance.resize();
    const onMedia = (e: MediaQueryListEvent) => (e.matches ? toPaper() : toScreen());
    print.addEventListener('change', onMedia);
    window.addEventListener('beforeprint', toPaper);
    window.addEventListener('afterprint', toScreen);
    return () => {
      resize.disconnect();
      print.removeEventListener('change', onMedia);
      window.removeEventListener('beforeprint', toPaper);
      window.removeEventListener('afterprint', toScreen);
      instance.dispose();
      chart.current = null;
      if (instanceRef) instanceRef.current = null;
    };
  }, [instanceRef]);

  useEffect(() => {
    // notMerge: a new option replaces the old one, so removed series do not linger.
    // aria off: even if the aria component were ever loaded, its generated description (series
    // indices, unrounded numbers, suppressed counts as drawn) must not reach a screen reader.
    chart.current?.setOption({ animation: false, ...option, aria: { enabled: false } }, { notMerge: true });
  }, [option]);

  return <div ref={host} className="echart" aria-hidden="true" style={{ height, width: '100%' }} />;
}
