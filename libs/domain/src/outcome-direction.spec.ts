import { differenceReading, OUTCOME_BETTER_WHEN } from './outcome-direction';

describe('which way a difference is better', () => {
  it('reads pain, disability and events as better when lower, quality of life when higher', () => {
    expect(differenceReading('ODI', 2.41, 'Vertebroplasty', 'Conservative')).toBe('lower is better: favours Conservative');
    expect(differenceReading('NRS', -1.2, 'Vertebroplasty', 'Conservative')).toBe('lower is better: favours Vertebroplasty');
    expect(differenceReading('RMDQ', 0.5, 'Kyphoplasty', 'Conservative')).toBe('lower is better: favours Conservative');
    expect(differenceReading('EQ5D', 0.05, 'Kyphoplasty', 'Conservative')).toBe('higher is better: favours Kyphoplasty');
    expect(differenceReading('EQ_VAS', -3, 'Kyphoplasty', 'Conservative')).toBe('higher is better: favours Conservative');
    expect(differenceReading('NEW_FRACTURE', 0.04, 'Kyphoplasty', 'Conservative')).toBe('lower is better: favours Conservative');
    expect(differenceReading('COMPLICATION', -0.01, 'Kyphoplasty', 'Conservative')).toBe('lower is better: favours Kyphoplasty');
  });

  it('favours nobody without a difference', () => {
    expect(differenceReading('NRS', 0, 'A', 'B')).toBe('lower is better: no difference');
    expect(differenceReading('NRS', null, 'A', 'B')).toBe('lower is better: no difference');
  });

  it('defines every outcome once', () => {
    expect(Object.values(OUTCOME_BETTER_WHEN).every((v) => v === 'lower' || v === 'higher')).toBe(true);
  });
});
