import * as fs from 'node:fs';
import * as path from 'node:path';

export interface ResultRow {
  operation: string;
  medianMs: number | null;
  p95Ms: number | null;
  runs?: number;
  floorMs?: number | null;
  ratio?: number | null;
  /** The statements the API sent for this answer, run again alone with pg. */
  apiSqlMs?: number | null;
  /** The API's time over its own statements' time. */
  apiSqlRatio?: number | null;
  target: string;
  met: boolean | null;
  note?: string;
}

export const ms = (v: number | null | undefined) => (v == null || Number.isNaN(v) ? '' : v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(1)} ms`);

export function printTable(rows: ResultRow[]): void {
  const header = ['operation', 'median', 'p95', 'SQL floor', 'ratio', 'own SQL', 'ratio', 'target', 'met?'];
  const body = rows.map((r) => [
    r.operation + (r.note ? ` (${r.note})` : ''),
    ms(r.medianMs),
    ms(r.p95Ms),
    ms(r.floorMs),
    r.ratio == null ? '' : r.ratio.toFixed(2),
    ms(r.apiSqlMs),
    r.apiSqlRatio == null ? '' : r.apiSqlRatio.toFixed(2),
    r.target,
    r.met === null ? '-' : r.met ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 || i === 7 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const b of body) console.log(line(b));
}

export function writeJson(file: string, value: unknown): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(value, null, 2) + '\n');
  console.log(`\nWrote ${path.relative(process.cwd(), file)}`);
}

/** One operation's medians at each registry size, and how much it grew from the smallest to each. */
export interface GrowthRow {
  operation: string;
  bySize: { patients: number; medianMs: number | null; floorMs: number | null; apiSqlMs: number | null }[];
}

export function printGrowth(rows: GrowthRow[]): void {
  if (rows.length === 0) return;
  const sizes = rows[0].bySize.map((s) => s.patients);
  const growth = (a: number | null, b: number | null) => (a == null || b == null || a === 0 ? '' : `${(b / a).toFixed(2)}x`);
  const header = [
    'operation',
    ...sizes.map((n) => `API at ${n}`),
    ...sizes.slice(1).map((n) => `API x (${n})`),
    ...sizes.slice(1).map((n) => `floor x (${n})`),
  ];
  const body = rows.map((r) => [
    r.operation,
    ...r.bySize.map((s) => ms(s.medianMs)),
    ...r.bySize.slice(1).map((s) => growth(r.bySize[0].medianMs, s.medianMs)),
    ...r.bySize.slice(1).map((s) => growth(r.bySize[0].floorMs, s.floorMs)),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(`\nGrowth with the registry (medians; x: the figure at that size over the figure at ${sizes[0]} patients)`);
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const b of body) console.log(line(b));
}
