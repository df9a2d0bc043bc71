import * as fs from 'node:fs';
import * as path from 'node:path';

export interface ResultRow {
  operation: string;
  medianMs: number | null;
  p95Ms: number | null;
  runs?: number;
  floorMs?: number | null;
  ratio?: number | null;
  target: string;
  met: boolean | null;
  note?: string;
}

const ms = (v: number | null | undefined) => (v == null || Number.isNaN(v) ? '' : v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(1)} ms`);

export function printTable(rows: ResultRow[]): void {
  const header = ['operation', 'median', 'p95', 'SQL floor', 'ratio', 'target', 'met?'];
  const body = rows.map((r) => [
    r.operation + (r.note ? ` (${r.note})` : ''),
    ms(r.medianMs),
    ms(r.p95Ms),
    ms(r.floorMs),
    r.ratio == null ? '' : r.ratio.toFixed(2),
    r.target,
    r.met === null ? '-' : r.met ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 || i === 5 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const b of body) console.log(line(b));
}

export function writeJson(file: string, value: unknown): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(value, null, 2) + '\n');
  console.log(`\nWrote ${path.relative(process.cwd(), file)}`);
}
