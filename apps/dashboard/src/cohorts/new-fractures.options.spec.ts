import type { CohortNewFracturesQuery } from '../gql/graphql';
import { IMAGING_CAVEAT, imagingFigure, newFracturesByAdjacencyFigure, newFracturesByLevelFigure } from './cohorts.options';

type Row = CohortNewFracturesQuery['byLevel'][number];
const row = (group: string, category: string, events: number | null, n: number | null, suppressed = false): Row => ({
  group,
  category,
  events,
  n,
  suppressed,
  rate: events !== null && n ? events / n : null,
  lower: events !== null ? 0.01 : null,
  upper: events !== null ? 0.5 : null,
});
const data = (over: Partial<CohortNewFracturesQuery>): CohortNewFracturesQuery => ({ byLevel: [], byAdjacency: [], imaging: [], ...over });
const xAxis = (f: { option: unknown }) => (f.option as { xAxis: { data: string[] } }).xAxis.data;

describe('new fracture and imaging figures', () => {
  it('orders the levels down the spine after ANY, shows only those that occur, and names the suppressed cells', () => {
    const f = newFracturesByLevelFigure(
      data({
        byLevel: [
          row('CONSERVATIVE', 'L1', 3, 40),
          row('CONSERVATIVE', 'ANY', 5, 40),
          row('CONSERVATIVE', 'T9', 2, 40),
          row('VERTEBROPLASTY', 'NOT_RECORDED', 4, 50),
          row('VERTEBROPLASTY', 'T12', null, null, true),
          row('VERTEBROPLASTY', 'ANY', 6, 50),
        ],
      }),
    );
    expect(xAxis(f).length).toBe(5);
    expect(f.note).toContain('T12');
    expect(f.note).toMatch(/1 group-and-level cells under the threshold are suppressed/);
    const order = ['ANY', 'T9', 'T12', 'L1', 'NOT_RECORDED'];
    const series = (f.option as { series: { data: unknown[] }[] }).series;
    expect(series.length).toBeGreaterThan(0);
    expect(xAxis(f)).toEqual(order.map((c) => xAxis(newFracturesByLevelFigure(data({ byLevel: [row('CONSERVATIVE', c, 1, 10)] })))[0]));
  });

  it('draws adjacency as ANY, adjacent, remote and nothing when every cell is suppressed', () => {
    const f = newFracturesByAdjacencyFigure(
      data({ byAdjacency: [row('KYPHOPLASTY', 'REMOTE', 2, 30), row('KYPHOPLASTY', 'ADJACENT', 3, 30), row('KYPHOPLASTY', 'ANY', 4, 30)] }),
    );
    expect(xAxis(f)).toHaveLength(3);
    expect(newFracturesByAdjacencyFigure(data({ byAdjacency: [row('KYPHOPLASTY', 'ANY', null, null, true)] })).option).toBeNull();
  });

  it('counts imaging in visits, says that a group imaged more often finds more fractures, and orders time points', () => {
    const f = imagingFigure(
      data({ imaging: [row('CONSERVATIVE', 'M3', 6, 20), row('CONSERVATIVE', 'BASELINE', 19, 20), row('VERTEBROPLASTY', 'M3', 12, 20)] }),
    );
    expect(f.note).toContain('completed visits that recorded imaging');
    expect(f.note).not.toContain('n (patients');
    expect(f.note).toContain(IMAGING_CAVEAT);
    expect(IMAGING_CAVEAT).toMatch(/imaged more often finds more fractures/);
    expect(xAxis(f)).toHaveLength(2);
    expect(xAxis(f)[0]).not.toBe(xAxis(f)[1]);
    expect(imagingFigure(data({})).option).toBeNull();
  });
});
