import { windowHint } from './visit-window.hint';

describe("the visit form's window hint", () => {
  const start = '2024-01-01';

  it("shows the chosen time point's window as dates for the treatment", () => {
    expect(windowHint('M1', '', start)).toBe('M1 window: 2024-01-17 to 2024-02-14 (days 16 to 44 from the treatment on 2024-01-01).');
    expect(windowHint('UNSCHEDULED', '', start)).toBe('Unscheduled: any day from the treatment on 2024-01-01.');
  });

  it('says nothing more when the date fits, and names the window or the gap when it does not', () => {
    expect(windowHint('M1', '2024-01-17', start)).toBe('M1 window: 2024-01-17 to 2024-02-14 (days 16 to 44 from the treatment on 2024-01-01).');
    expect(windowHint('M24', '2024-01-31', start)).toMatch(/2024-01-31 falls in the M1 window\.$/);
    expect(windowHint('M24', '2024-01-13', start)).toMatch(/2024-01-13 falls between windows: record it as Unscheduled\.$/);
    expect(windowHint('M1', '2023-11-01', start)).toMatch(/2023-11-01 is before every window\.$/);
    // Day 0 is in both the baseline and the D1 window: either is right.
    expect(windowHint('BASELINE', start, start)).toBe('BASELINE window: 2023-12-02 to 2024-01-01 (days -30 to 0 from the treatment on 2024-01-01).');
  });

  it('gives no hint without a treatment date (none chosen yet, or withheld)', () => {
    expect(windowHint('M1', '2024-01-31', null)).toBeUndefined();
    expect(windowHint('', '', start)).toBeUndefined();
  });
});
