import { readmissionsFigure } from './overview.options';

// The readmission card: one point with its Wilson interval per path and event, repeat augmentation
// for procedures only, a hatched placeholder (no number) for a suppressed rate, and a note saying
// n, the unit, the definitions and what was hidden.
const rate = (n: number | null, events: number | null, lower = 0, upper = 0) => ({
  n,
  events,
  rate: n && events !== null ? events / n : null,
  lower: events === null ? null : lower,
  upper: events === null ? null : upper,
  suppressed: events === null,
});

describe('readmissions figure', () => {
  const data = {
    readmissions: [
      { kind: 'VERTEBROPLASTY', within30: rate(120, 12, 0.058, 0.167), within90: rate(118, 20, 0.113, 0.248), repeatAugmentation: rate(130, null) },
      { kind: 'CONSERVATIVE', within30: rate(200, 22, 0.074, 0.161), within90: rate(190, 30, 0.113, 0.217), repeatAugmentation: null },
      { kind: 'KYPHOPLASTY', within30: rate(90, 0, 0, 0.041), within90: rate(88, 11, 0.07, 0.21), repeatAugmentation: rate(95, 12, 0.074, 0.209) },
    ],
  };

  it("draws one series per path in the registry's order over the three events, a placeholder where hidden, nothing where not applicable", () => {
    const option = readmissionsFigure(data).option as any;
    expect(option.xAxis.data).toEqual(['Within 30 days', 'Within 90 days', 'Repeat augmentation']);
    expect(option.series.map((s: any) => s.name)).toEqual(['Conservative', 'Vertebroplasty', 'Kyphoplasty']);
    // Per category [estimate, lower, upper] (each drawn as a boxplot flattened onto its estimate:
    // [lower, estimate, estimate, estimate, upper]), null where nothing is drawn, 'withheld' for a placeholder.
    const points = (i: number) =>
      option.series[i].data.map((d: any) => (d.withheld ? 'withheld' : d.value.length ? [d.value[1], d.value[0], d.value[4]] : null));
    // Conservative care has no repeat augmentation: nothing drawn. The vertebroplasties' is suppressed: a placeholder.
    expect(points(0)).toEqual([[0.11, 0.074, 0.161], [30 / 190, 0.113, 0.217], null]);
    expect(points(1)).toEqual([[0.1, 0.058, 0.167], [20 / 118, 0.113, 0.248], 'withheld']);
    // The placeholder spans the whole rate axis (0 to 1, hatched), and carries no number of its own.
    const placeholder = option.series[1].data[2];
    expect(placeholder).toEqual({ value: [0, 0, 0, 1, 1], withheld: true, itemStyle: expect.objectContaining({ borderType: 'dashed' }) });
    expect(
      option.series[1].tooltip.formatter({ value: [2, 0, 0, 0, 1, 1], name: 'Repeat augmentation', data: placeholder, seriesName: 'Vertebroplasty' }),
    ).toBe('Vertebroplasty<br/>Repeat augmentation: <b>withheld (under the threshold)</b>');
    expect(points(2)).toEqual([
      [0, 0, 0.041],
      [0.125, 0.07, 0.21],
      [12 / 95, 0.074, 0.209],
    ]);
    expect(option.series[2].data[1].value).toEqual([0.07, 0.125, 0.125, 0.125, 0.21]);
    expect(option.series[2].data[2].detail).toBe('12 of 95 treatments');
  });

  it('says n in treatments, what was suppressed and the definitions', () => {
    expect(readmissionsFigure(data as never).note).toBe(
      'Rate with Wilson 95% CI. n (treatments, largest per group): Conservative 200, Vertebroplasty 130, Kyphoplasty 95. ' +
        '1 kind-and-event cells under the threshold are suppressed (hatched): Vertebroplasty Repeat augmentation. ' +
        'Readmission: of the treatments with it recorded (crossovers too). Repeat augmentation: of the procedures, a later procedure at a level they treated, within follow-up.',
    );
  });

  it('draws nothing when every rate is hidden', () => {
    const hidden = { readmissions: [{ kind: 'CONSERVATIVE', within30: rate(null, null), within90: rate(null, null), repeatAugmentation: null }] };
    expect(readmissionsFigure(hidden as never)).toEqual({ option: null, note: '', summary: '', table: null });
  });
});
