// A chart as an SVG file. The page draws every chart on a canvas; the SVG renderer is loaded only
// when a reader asks for an SVG (this module is its own chunk, loaded by echart.tsx), and draws
// the same option anew, offscreen, with ECharts' server-side rendering, which needs no element on
// the page.
import { SVGRenderer } from 'echarts/renderers';
import { echarts, type ChartOption } from './echarts';

echarts.use([SVGRenderer]);

/** The option as an SVG document of width × height pixels, on white like the PNG. */
export function chartSvg(option: ChartOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    // As echart.tsx sets it: no animation (the string is taken at once), no generated description.
    chart.setOption({ animation: false, ...option, backgroundColor: '#fff', aria: { enabled: false } });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** The drawn chart as SVG: its size, and the series its reader hid from the legend left hidden. */
export function drawnSvg(option: ChartOption, drawn: echarts.ECharts): string {
  const legend = option.legend as object | undefined;
  const selected = (drawn.getOption().legend as { selected?: Record<string, boolean> }[] | undefined)?.[0]?.selected;
  return chartSvg(legend && selected ? { ...option, legend: { ...legend, selected } } : option, drawn.getWidth(), drawn.getHeight());
}
