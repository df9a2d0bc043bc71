// ECharts with only what the dashboard draws, so the bundle carries a fraction of the library.
// (Dataset, MarkArea, MarkLine, MarkPoint, Title, Scatter and Custom are left out: points are line series without their line, intervals boxplots flattened onto their estimate: nothing uses them, and each costs bundle budget. The plain
// legend: no chart scrolls its legend. No Aria component: each chart's container is role="img"
// with its own label (echart.tsx), which hides the canvas's generated description from screen
// readers anyway. The SVG renderer is registered by chart-svg.ts, fetched at "Download SVG".)
import { BarChart, BoxplotChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendPlainComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([LineChart, BarChart, BoxplotChart, TooltipComponent, LegendPlainComponent, GridComponent, CanvasRenderer]);

export type { EChartsCoreOption as ChartOption } from 'echarts/core';
export { echarts };
