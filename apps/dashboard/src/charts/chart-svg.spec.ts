import { chartSvg, drawnSvg } from './chart-svg';
import { echarts } from './echarts';
import { dotWhiskerSeries, WITHHELD_INTERVAL } from './interval-series';
import { TREATMENT_COLOURS } from './palette';

// The "Download SVG" file: the card's own option drawn by ECharts' server-side SVG renderer, with
// the chart types and components the dashboard registers (echarts.ts) and nothing else.
describe('chartSvg', () => {
  const colour = TREATMENT_COLOURS.VERTEBROPLASTY;

  it('draws a whole SVG document of the asked size, on white, with its bars, axis labels and legend', () => {
    const svg = chartSvg(
      {
        legend: { bottom: 0 },
        xAxis: { type: 'category', data: ['Month 1', 'Month 12'], name: 'Time since first treatment' },
        yAxis: { type: 'value', min: 0, max: 40 },
        series: [{ type: 'bar', name: 'Vertebroplasty', itemStyle: { color: colour }, data: [12, 31] }],
      },
      480,
      300,
    );
    expect(svg).toMatch(/^<svg [^>]*width="480" height="300" xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expect(svg).toMatch(/<rect width="480" height="300" x="0" y="0" fill="#fff">/);
    for (const text of ['Month 1', 'Month 12', 'Time since first treatment', 'Vertebroplasty', '40']) expect(svg).toContain(`>${text}</text>`);
    // The two bars (the legend's icon, in the same colour, is moved into place by a transform).
    const bars = svg.match(new RegExp(`<path d="[^"]*" fill="${colour}" ecmeta_series_index="0"`, 'g')) ?? [];
    expect(bars).toHaveLength(2);
  });

  it('draws a withheld estimate as a hatched, dashed placeholder beside the shown whiskers', () => {
    const series = dotWhiskerSeries(
      ['VERTEBROPLASTY'],
      ['M1', 'M12'],
      (_g, c) => (c === 'M1' ? { value: 0.43, lower: 0.31, upper: 0.52 } : WITHHELD_INTERVAL),
      String,
    );
    const svg = chartSvg({ xAxis: { type: 'category', data: ['Month 1', 'Month 12'] }, yAxis: { type: 'value', min: 0, max: 1 }, series }, 480, 300);
    // The hatching is a pattern (the decal) filling the placeholder, which is outlined with dashes.
    const pattern = /<pattern [^>]*id="([^"]+)"/.exec(svg)?.[1];
    expect(pattern).toBeDefined();
    expect(svg).toMatch(new RegExp(`<path [^>]*fill="url\\(#${pattern}\\)" stroke="${colour}" stroke-dasharray`));
    // The shown estimate: a whisker in the group's colour, drawn solid.
    expect(svg).toMatch(new RegExp(`<path [^>]*fill="${colour}" stroke="${colour}" stroke-width="2"`));
  });

  it('keeps the size of the drawn chart and the series its reader hid from the legend', () => {
    const option = {
      legend: { bottom: 0 },
      xAxis: { type: 'category', data: ['2025'] },
      yAxis: { type: 'value' },
      series: [
        { type: 'bar', name: 'Vertebroplasty', itemStyle: { color: colour }, data: [12] },
        { type: 'bar', name: 'Kyphoplasty', itemStyle: { color: TREATMENT_COLOURS.KYPHOPLASTY }, data: [7] },
      ],
    };
    // The chart on the page, stood in for by one drawn offscreen.
    const drawn = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 333, height: 222 });
    drawn.setOption(option);
    drawn.dispatchAction({ type: 'legendUnSelect', name: 'Kyphoplasty' });
    const svg = drawnSvg(option, drawn);
    drawn.dispose();
    expect(svg).toMatch(/^<svg [^>]*width="333" height="222"/);
    const bar = (c: string) => new RegExp(`<path d="[^"]*" fill="${c}" ecmeta_series_index`);
    expect(svg).toMatch(bar(colour));
    expect(svg).not.toMatch(bar(TREATMENT_COLOURS.KYPHOPLASTY));
    // Its legend entry stays, greyed out as on the page.
    expect(svg).toContain('>Kyphoplasty</text>');
  });
});
