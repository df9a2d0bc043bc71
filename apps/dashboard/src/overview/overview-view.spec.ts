import { describeView, quarters, siteFilter, subgroupFilter, viewFromSearch, viewToSearch, type OverviewView } from './overview-view';

const SITE = '0b0e6a8e-5c1f-4d59-9a51-2f1f6f1f6f1f';

describe('the overview view in the URL', () => {
  it('round-trips every choice and leaves defaults out of the link', () => {
    const view: OverviewView = {
      siteId: SITE,
      charts: 'BOTH',
      from: '2024-01-01',
      to: '2024-12-31',
      age: '75_84',
      cause: 'OSTEOPOROTIC',
      cancer: 'NO',
      fractureAge: 'ACUTE',
    };
    expect(viewFromSearch(viewToSearch(view))).toEqual(view);
    expect(viewToSearch(viewFromSearch(''))).toBe('');
  });

  it('ignores what a link may not hold: a day inside a quarter, an age that is no band, an unknown value', () => {
    const v = viewFromSearch('from=2024-02-15&to=2024-12-30&age=81&cause=DROP&cancer=maybe&charts=ALL&siteId=1');
    expect(v).toEqual(viewFromSearch(''));
  });

  it('maps the choices onto the cohort filter within a department head\u2019s granularity (quarters, five-year bands)', () => {
    const v = viewFromSearch('from=2024-04-01&to=2024-09-30&age=85_PLUS&cancer=YES&fractureAge=CHRONIC&cause=METASTASIS');
    expect(subgroupFilter(v)).toEqual({
      treatedFrom: '2024-04-01',
      treatedTo: '2024-09-30',
      ageMin: 85,
      activeCancer: true,
      fractureAges: ['CHRONIC'],
      causes: ['METASTASIS'],
    });
    expect(siteFilter(v, SITE).siteIds).toEqual([SITE]);
    expect(subgroupFilter(viewFromSearch('age=UNDER_65'))).toEqual({ ageMax: 64 });
    expect(subgroupFilter(viewFromSearch(''))).toEqual({});
  });

  it('lists quarters up to the current one and describes a view in words', () => {
    const q = quarters(2025, '2026-05-10');
    expect(q.map((x) => x.label)).toEqual(['2025 Q1', '2025 Q2', '2025 Q3', '2025 Q4', '2026 Q1', '2026 Q2']);
    expect(q[5]).toEqual({ label: '2026 Q2', from: '2026-04-01', to: '2026-06-30' });
    expect(describeView(viewFromSearch(''))).toBe('all periods');
    expect(describeView(viewFromSearch('from=2024-01-01&to=2024-12-31&age=65_74&cancer=NO'))).toBe(
      'treated 2024 Q1 to 2024 Q4, aged 65 to 74, without active cancer',
    );
  });
});
