import { useEffect, useRef } from 'react';
import { echarts, type ChartOption } from './echarts';

interface Props {
  option: ChartOption;
  /** Pixels; the width follows the container. */
  height?: number;
}

/**
 * The canvas only: hidden from screen readers by its figure (chart-card.tsx), which names it with
 * a sentence and offers its numbers as a table.
 */
export function EChart({ option, height = 320 }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const el = host.current!;
    const instance = echarts.init(el, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const resize = new ResizeObserver(() => instance.resize());
    resize.observe(el);
    return () => {
      resize.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    // notMerge: a new option replaces the old one, so removed series do not linger.
    // aria off: even if the aria component were ever loaded, its generated description (series
    // indices, unrounded numbers, suppressed counts as drawn) must not reach a screen reader.
    chart.current?.setOption({ animation: false, ...option, aria: { enabled: false } }, { notMerge: true });
  }, [option]);

  return <div ref={host} className="echart" aria-hidden="true" style={{ height, width: '100%' }} />;
}
