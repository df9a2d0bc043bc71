// Calendar dates are ISO strings ('YYYY-MM-DD') everywhere: they carry no time zone, so a visit on
// the 3rd stays on the 3rd whatever the server's or the browser's zone. Arithmetic is done in UTC.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** The date as UTC midnight, or null when the text is not a real calendar date (e.g. 2024-02-30). */
export function parseIsoDate(value: unknown): Date | null {
  if (typeof value !== 'string') return null;
  const m = ISO_DATE.exec(value);
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]) ? d : null;
}

export function isIsoDate(value: unknown): value is string {
  return parseIsoDate(value) !== null;
}

export function toIsoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  const d = parseIsoDate(iso);
  if (!d) throw new RangeError(`not a date: ${iso}`);
  return toIsoDate(new Date(d.getTime() + days * DAY_MS));
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  if (!a || !b) throw new RangeError(`not a date: ${!a ? from : to}`);
  return Math.round((b.getTime() - a.getTime()) / DAY_MS);
}

export function todayIso(now: Date = new Date()): string {
  return toIsoDate(now);
}
