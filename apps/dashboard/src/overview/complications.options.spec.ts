import { expectReadable } from '../charts/chart-text.testing';
import { complicationsFigure } from './overview.options';

// The complication rates' figure: every row the API gives, in its order (grades and leakage
// symptoms under their totals, a kind nobody had as 0 of n, the crossover row), drawn across,
// with its table, summary and note saying what the rows mean.
describe('complication rates figure', () => {
  const rate = (group: string, category: string, events: number | null, n: number | null) => ({
    group,
    category,
    events,
    n,
    rate: events === null || n === null ? null : events / n,
    lower: events === null || n === null ? null : Math.max(0, events / n - 0.05),
    upper: events === null || n === null ? null : events / n + 0.05,
    suppressed: events === null,
  });
  const CATEGORIES = [
    'ANY',
    'MAJOR',
    'MINOR',
    'GRADE_NOT_RECORDED',
    'CEMENT_LEAKAGE',
    'LEAKAGE_SYMPTOMATIC',
    'LEAKAGE_ASYMPTOMATIC',
    'INFECTION',
    'AFTER_CROSSOVER',
  ];
  const VP = [60, 12, 20, 28, 40, 0, 40, 0, 0];
  const CONS = [30, null, 14, null, 12, null, null, 0, 12];
  const data = {
    complicationRates: [...CATEGORIES.map((c, i) => rate('VERTEBROPLASTY', c, VP[i], 200)), ...CATEGORIES.map((c, i) => rate('CONSERVATIVE', c, CONS[i], 100))],
  };

  it('keeps the API order of rows, with labels for grades, symptoms and crossover, and draws them across', () => {
    const f = complicationsFigure(data);
    const option = f.option as { xAxis: { type: string; max: number }; yAxis: { type: string; data: string[]; inverse: boolean } };
    expect(option.yAxis).toMatchObject({ type: 'category', inverse: true });
    expect(option.yAxis.data).toEqual([
      'Any',
      'Major (Clavien-Dindo III+)',
      'Minor (Clavien-Dindo I–II)',
      'No grade recorded',
      'Cement leakage',
      'Leakage: symptomatic',
      'Leakage: asymptomatic',
      'Infection',
      'After crossover',
    ]);
    expect(option.xAxis).toMatchObject({ type: 'value', min: 0, max: 1, name: 'Patients with the complication (%)' });
  });

  it('tabulates every row, a kind nobody had as 0 of n and withheld cells as withheld', () => {
    const f = complicationsFigure(data);
    expectReadable(f.table);
    expect(f.table!.caption).toBe('Patients with a complication (%) by first treatment (after crossover: once they changed treatment), with Wilson 95% CI');
    const row = (group: string, label: string) => f.table!.rows.find((r) => r[0] === group && r[1] === label);
    expect(row('Vertebroplasty', 'Infection')).toEqual(['Vertebroplasty', 'Infection', '0.0 %', '0.0 % – 5.0 %', '0', '200']);
    expect(row('Vertebroplasty', 'Major (Clavien-Dindo III+)')).toEqual([
      'Vertebroplasty',
      'Major (Clavien-Dindo III+)',
      '6.0 %',
      '1.0 % – 11.0 %',
      '12',
      '200',
    ]);
    expect(row('Vertebroplasty', 'Leakage: asymptomatic')?.slice(4)).toEqual(['40', '200']);
    expect(row('Conservative', 'Major (Clavien-Dindo III+)')?.slice(2)).toEqual(Array(4).fill('withheld (under the threshold)'));
    expect(row('Conservative', 'After crossover')?.slice(4)).toEqual(['12', '100']);
    expect(f.table!.rows).toHaveLength(18);
  });

  it('says any and major complications per treatment, and what major, minor and after crossover mean', () => {
    const f = complicationsFigure(data);
    expect(f.summary).toBe(
      'Patients with a complication, any: Conservative 30.0 % and Vertebroplasty 30.0 %. Patients with a complication, major (Clavien-Dindo III+): Conservative withheld (under the threshold) and Vertebroplasty 6.0 %.',
    );
    expect(f.note).toContain("Major: Clavien-Dindo III or more, minor: I–II, by each patient's highest recorded grade");
    expect(f.note).toContain('"After crossover" counts those with a complication once they changed treatment');
    expect(f.note).toContain('Conservative Major (Clavien-Dindo III+)');
  });

  it('says that the major rate is withheld, not every estimate, when no group shows it', () => {
    const withheldMajor = {
      complicationRates: data.complicationRates.map((r) =>
        r.category === 'MAJOR' ? { ...r, events: null, rate: null, lower: null, upper: null, suppressed: true } : r,
      ),
    };
    const f = complicationsFigure(withheldMajor);
    expect(f.summary).toBe(
      'Patients with a complication, any: Conservative 30.0 % and Vertebroplasty 30.0 %. Patients with a complication, major (Clavien-Dindo III+): withheld (under the threshold) for every treatment.',
    );
    expect(f.summary).not.toContain('every estimate');
  });
});
