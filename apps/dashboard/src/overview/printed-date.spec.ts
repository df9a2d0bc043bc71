import { printedDate } from './printed-date';

// The printed report's date, written out instead of Intl's (printed-date.ts): it must read as
// Intl's en-GB long date and short time does, for every month, single and double digits, midnight.
describe('the printed date', () => {
  it("reads as Intl's en-GB long date and short time", () => {
    const intl = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short' });
    const dates = [new Date(2026, 11, 2, 17, 5), new Date(2027, 0, 1, 0, 0), new Date(2026, 8, 30, 9, 59), new Date(2024, 1, 29, 23, 1)];
    for (let month = 0; month < 12; month++) dates.push(new Date(2026, month, 1 + month * 2, month, month * 5));
    for (const d of dates) expect(printedDate(d)).toBe(intl.format(d));
  });
});
