import { asOfSentence, countText, listed, num, percent, range, sentence, withheld } from './chart-text';
import { expectReadable } from './chart-text.testing';
import { estimateTable, rateSummary, trendSummary, type Estimate } from './interval-text';

describe('chart text helpers', () => {
  it('writes a count as toLocaleString does', () => {
    for (const n of [0, 1, 7, 12, 999, 1000, 9999, 12345, 100000, 999999, 1234567, 12345678901, -1, -4200, -1234567, 2.5])
      expect(countText(n)).toBe(n.toLocaleString('en'));
    expect(countText(100000)).toBe('100,000');
  });

  it('prints numbers as the tooltips do and never NaN, null or undefined', () => {
    expect(num(6.893407596780759, 1)).toBe('6.9');
    expect(num(NaN, 1)).toBe('–');
    expect(num(undefined)).toBe('–');
    expect(percent(0.4512)).toBe('45.1 %');
    expect(percent(null)).toBe('–');
    expect(range(0.1, 0.25, (v) => percent(v))).toBe('10.0 % – 25.0 %');
    expect(range(null, 0.25, (v) => percent(v))).toBe('–');
  });

  it('words a withheld value without a number of its own', () => {
    expect(withheld(11)).toBe('withheld (fewer than 11)');
    expect(withheld()).toBe('withheld (under the threshold)');
  });

  it('lists and ends sentences, and replaces one carrying NaN or undefined', () => {
    expect(listed(['a', 'b', 'c'])).toBe('a, b and c');
    expect(sentence('Mean pain  fell', 'x')).toBe('Mean pain fell.');
    expect(sentence('Mean pain was NaN at baseline', 'Mean pain: see the table.')).toBe('Mean pain: see the table.');
    expect(sentence('The 0 series is undefined', 'fallback.')).toBe('fallback.');
  });
});

describe('estimate tables and summaries', () => {
  const data: Record<string, Record<string, Estimate>> = {
    VERTEBROPLASTY: {
      BASELINE: { value: 7.6123, lower: 7.2, upper: 8.01, n: 40, suppressed: false },
      M12: { value: 3.0987, lower: 2.5, upper: 3.7, n: 31, suppressed: false },
    },
    CONSERVATIVE: {
      BASELINE: { value: 7.2, lower: 6.8, upper: 7.6, n: 50, suppressed: false },
      M12: { value: 3.8, lower: 3.2, upper: 4.4, n: 38, suppressed: false },
    },
    KYPHOPLASTY: {
      BASELINE: { value: null, lower: null, upper: null, n: null, suppressed: true },
      M12: { value: null, lower: null, upper: null, n: null, suppressed: true },
    },
  };
  const get = (g: string, c: string) => data[g]?.[c];
  const groups = ['CONSERVATIVE', 'VERTEBROPLASTY', 'KYPHOPLASTY'];
  const one = (v: number) => v.toFixed(1);

  it('says how each group moved from its first shown point to its last, and which is withheld', () => {
    const s = trendSummary('Mean NRS pain', groups, ['BASELINE', 'M12'], get, one);
    expect(s).toBe(
      'Mean NRS pain fell from 7.2 at baseline to 3.8 at month 12 for Conservative, fell from 7.6 at baseline to 3.1 at month 12 for Vertebroplasty and was withheld (under the threshold) for Kyphoplasty.',
    );
    expectReadable(s);
  });

  it('tabulates estimates rounded as the tooltips, with CI and n, and suppressed cells as withheld', () => {
    const t = estimateTable({
      caption: 'Mean NRS',
      categoryHeader: 'Time since first treatment',
      valueHeader: 'Mean NRS (points)',
      groups,
      categories: ['BASELINE', 'M12'],
      get,
      format: one,
      unit: 'patients',
      threshold: 11,
    });
    expect(t.columns).toEqual(['Group', 'Time since first treatment', 'Mean NRS (points)', '95% CI', 'n (patients)']);
    expect(t.rows).toEqual([
      ['Conservative', 'Baseline', '7.2', '6.8 – 7.6', '50'],
      ['Conservative', 'Month 12', '3.8', '3.2 – 4.4', '38'],
      ['Vertebroplasty', 'Baseline', '7.6', '7.2 – 8.0', '40'],
      ['Vertebroplasty', 'Month 12', '3.1', '2.5 – 3.7', '31'],
      ['Kyphoplasty', 'Baseline', 'withheld (fewer than 11)', 'withheld (fewer than 11)', 'withheld (fewer than 11)'],
      ['Kyphoplasty', 'Month 12', 'withheld (fewer than 11)', 'withheld (fewer than 11)', 'withheld (fewer than 11)'],
    ]);
    expectReadable(t);
  });

  it('names rates at the last time point with an estimate, a suppressed group withheld', () => {
    const rates: Record<string, Estimate> = {
      CONSERVATIVE: { value: 0.45, lower: 0.3, upper: 0.6, n: 40, events: 18, suppressed: false },
      KYPHOPLASTY: { value: null, lower: null, upper: null, n: null, events: null, suppressed: true },
    };
    const s = rateSummary(
      'Responders',
      ['CONSERVATIVE', 'KYPHOPLASTY'],
      ['M1', 'M3'],
      (g, c) => (c === 'M3' ? rates[g] : undefined),
      (v) => percent(v),
      'last',
    );
    expect(s).toBe('Responders, month 3: Conservative 45.0 % and Kyphoplasty withheld (under the threshold).');
    expect(
      rateSummary(
        'Responders',
        ['KYPHOPLASTY'],
        ['M3'],
        (g) => rates[g],
        (v) => percent(v),
        'last',
      ),
    ).toBe('Responders: every estimate is withheld (under the threshold).');
  });
});

describe('the "as of" note of figures a standby served', () => {
  it('names the time the data is as of, and says nothing of figures from the primary', () => {
    expect(asOfSentence(undefined)).toBeNull();
    const at = new Date(2026, 11, 1, 14, 3, 12).toISOString();
    expect(asOfSentence(at)).toBe('Figures as of 14:03:12, from a standby copy of the registry; what was saved since may not be in them yet.');
  });
});
