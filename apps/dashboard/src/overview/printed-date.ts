const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * "2 December 2026 at 17:05", as en-GB's long date and short time, written out: the first date
 * Intl formats costs it about 90 ms on a slow machine (its calendar data), on the overview's
 * first screen, for a line shown only on paper.
 */
export function printedDate(d: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getDate()} ${MONTHS[d.getMonth()]} ${d.getFullYear()} at ${two(d.getHours())}:${two(d.getMinutes())}`;
}
