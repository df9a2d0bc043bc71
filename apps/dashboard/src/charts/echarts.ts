// ECharts with only what the dashboard draws, so the bundle carries a fraction of the library.
// (Dataset, MarkArea, MarkPoint and Title are left out: nothing uses them, and each costs bundle budget. The plain
// legend: no chart scrolls its legend. No Aria component: each chart's container is role="img"
// with its own label (echart.tsx), which hides the canvas's generated description from screen
// readers anyway.)
import { BarChart, CustomChart, LineChart, ScatterChart } from 'echarts/charts';
import {
  GridComponent, LegendPlainComponent, MarkLineComponent, TooltipComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([
  LineChart, BarChart, ScatterChart, CustomChart,
  TooltipComponent, LegendPlainComponent, GridComponent, MarkLineComponent,
  CanvasRenderer,
]);

export type { EChartsCoreOption as ChartOption } from 'echarts/core';
export { echarts };
