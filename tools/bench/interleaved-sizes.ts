// The overview's figures for the whole registry at every size, in interleaved rounds: one request
// to each size's API in turn (the order turned each round), so that the machine's load, which on
// a shared machine changes from minute to minute, weighs on every size alike. Measured one size
// after the other, as the rest of --sizes is, a figure of a few milliseconds grows or shrinks with
// the load of the minute it was measured in, not with the registry.
import * as os from 'node:os';
import { ApiClient } from './http-client';
import { AnalyticsOperation } from './operations';
import { ms } from './report';
import { summarize, Timing } from './timing';

export interface SizedApi {
  patients: number;
  api: ApiClient;
  token: string;
}

export interface InterleavedRow {
  operation: string;
  bySize: { patients: number; medianMs: number; p95Ms: number; runs: number }[];
  /** The largest median over the smallest size's. */
  growth: number;
}

export async function interleavedSizes(
  sizes: SizedApi[],
  operations: AnalyticsOperation[],
  options: { warmup: number; rounds: number },
): Promise<{ rows: InterleavedRow[]; loadAverage: [number, number] }> {
  const loadBefore = os.loadavg()[0];
  const rows: InterleavedRow[] = [];
  for (const op of operations) {
    const samples = sizes.map(() => [] as number[]);
    for (let round = -options.warmup; round < options.rounds; round++) {
      for (let j = 0; j < sizes.length; j++) {
        const i = (j + Math.max(round, 0)) % sizes.length;
        const started = process.hrtime.bigint();
        await sizes[i].api.gql(op.query, { f: {} }, sizes[i].token);
        if (round >= 0) samples[i].push(Number(process.hrtime.bigint() - started) / 1e6);
      }
    }
    const timings: Timing[] = samples.map(summarize);
    rows.push({
      operation: `${op.name} [whole registry]`,
      bySize: sizes.map((s, i) => ({ patients: s.patients, medianMs: timings[i].median, p95Ms: timings[i].p95, runs: timings[i].runs })),
      growth: Math.max(...timings.map((t) => t.median)) / timings[0].median,
    });
  }
  return { rows, loadAverage: [Math.round(loadBefore * 100) / 100, Math.round(os.loadavg()[0] * 100) / 100] };
}

export function printInterleaved(result: { rows: InterleavedRow[]; loadAverage: [number, number] }, targetMs: number, targetGrowth: number): void {
  const { rows } = result;
  if (rows.length === 0) return;
  const header = ['operation', ...rows[0].bySize.map((s) => `API at ${s.patients}`), 'largest / smallest', 'target'];
  const body = rows.map((r) => [
    r.operation,
    ...r.bySize.map((s) => ms(s.medianMs)),
    `${r.growth.toFixed(2)}x`,
    r.growth <= targetGrowth && r.bySize.every((s) => s.medianMs < targetMs) ? 'met' : 'NO',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(
    `\nThe overview at every size, interleaved (medians; target: under ${targetMs} ms and within ${targetGrowth}x of the smallest size); load average ${result.loadAverage[0]} -> ${result.loadAverage[1]}`,
  );
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const b of body) console.log(line(b));
}
