import { type CohortView, viewFromSearch, viewToSearch } from './cohort-url';

const DEFAULT: CohortView = {
  filter: {},
  grouping: 'FIRST_TREATMENT',
  measure: 'NRS',
  timePoint: 'M1',
  definition: 'NRS_DROP_2',
  trimming: 'NONE',
  compared: 'SCORE',
};

describe('the cohort in the URL', () => {
  it('is empty for the whole registry with the default settings', () => {
    expect(viewToSearch(DEFAULT)).toBe('');
    expect(viewFromSearch('')).toEqual(DEFAULT);
  });

  it('carries the filter and the settings there and back', () => {
    const view: CohortView = {
      filter: { ageMin: 65, causes: ['OSTEOPOROTIC'], treatedFrom: '2023-01-01', activeCancer: false },
      grouping: 'PER_PROTOCOL',
      measure: 'ODI',
      timePoint: 'M12',
      definition: 'ODI_DROP_10',
      trimming: 'CRUMP',
      compared: 'NEW_FRACTURE',
    };
    const search = viewToSearch(view);
    expect(new URLSearchParams(search).get('cohort')).toBe(JSON.stringify(view.filter));
    expect(viewFromSearch(`?${search}`)).toEqual(view);
  });

  it('passes a filter on for the server to judge, and falls back to the defaults for settings it does not know', () => {
    const v = viewFromSearch(`?cohort=${encodeURIComponent('{"treatedFrom":"2024-02-14"}')}&measure=PAIN&grouping=`);
    expect(v.filter).toEqual({ treatedFrom: '2024-02-14' });
    expect(v.measure).toBe('NRS');
    expect(v.grouping).toBe('FIRST_TREATMENT');
    expect(viewFromSearch('?cohort=%7Bbroken').filter).toEqual({});
    expect(viewFromSearch('?cohort=%5B1%5D').filter).toEqual({});
  });
});
