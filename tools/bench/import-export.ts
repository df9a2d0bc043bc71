// CSV import of many assessments in one commit, and a large streamed export with the process's
// memory watched while it runs.
import { readFileSync } from 'node:fs';
import { mulberry32 } from '@vfr/stats';
import { rowsOf, Sql } from './registry-setup';

export interface ImportFigure {
  rows: number;
  created: number;
  unchanged: number;
  bytes: number;
  ms: number;
}

/**
 * One UNSCHEDULED visit per patient, dated between the index treatment and today (or the
 * patient's death, after which the import refuses a completed visit) by a random draw per run,
 * so that each run adds new rows (the import's key is patient, time point and date; a repeated
 * key would count as unchanged).
 */
export async function buildImportFile(db: Sql, rows: number, nonce: number): Promise<{ csv: string; rows: number }> {
  const patients = rowsOf<{ registry_number: string; start_date: string; span: number }>(
    await db.query(
      `SELECT p.registry_number, i.start_date::text AS start_date, greatest(1, least(current_date, d.died_on) - i.start_date) AS span
       FROM patient p
       JOIN LATERAL (SELECT t.start_date FROM treatment t WHERE t.patient_id = p.id AND t.withdrawn_at IS NULL ORDER BY t.start_date, t.created_at LIMIT 1) i ON true
       LEFT JOIN death d ON d.patient_id = p.id AND d.withdrawn_at IS NULL
       WHERE p.withdrawn_at IS NULL ORDER BY p.registry_number LIMIT $1`,
      [rows],
    ),
  );
  const random = mulberry32(nonce);
  const picked = patients.map((r) => ({
    registry_number: r.registry_number,
    start_date: r.start_date,
    visit_date: shiftDate(r.start_date, Math.floor(random() * Number(r.span))),
  }));
  if (!picked.length) throw new Error('no patients to import visits for');
  const lines = ['registry_number,time_point,visit_date,status,nrs_rest,nrs_activity,odi,rmdq,eq5d_index'];
  // A file may repeat patients when asked for more rows than the registry has patients.
  for (let i = 0; i < rows; i++) {
    const r = picked[i % picked.length];
    const date = i < picked.length ? r.visit_date : shiftDate(r.start_date, Math.floor(i / picked.length));
    lines.push(`${r.registry_number},UNSCHEDULED,${date},DONE,${i % 11},${(i * 7) % 11},${(i % 51) * 2},${i % 25},${(0.9 - (i % 100) / 200).toFixed(3)}`);
  }
  return { csv: lines.join('\n') + '\n', rows };
}

function shiftDate(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export async function importFile(baseUrl: string, token: string, csv: string): Promise<ImportFigure> {
  const started = process.hrtime.bigint();
  const res = await fetch(`${baseUrl}/api/import/assessments?commit=true`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv', authorization: `Bearer ${token}` },
    body: csv,
  });
  const report = (await res.json()) as { rows: number; created: number; unchanged: number; committed: boolean; issues: unknown[] };
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (!res.ok || !report.committed) throw new Error(`import refused (HTTP ${res.status}): ${JSON.stringify(report).slice(0, 600)}`);
  return { rows: report.rows, created: report.created, unchanged: report.unchanged, bytes: Buffer.byteLength(csv), ms };
}

export interface ExportFigure {
  rows: number;
  bytes: number;
  ms: number;
  rssBeforeMb: number;
  rssPeakMb: number;
}

/** Reads a process's resident memory (kB) from /proc; the API may run in this process or a child. */
export function rssMb(pid = process.pid): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

/** Streams the export and counts it without holding it, sampling the server's RSS every 25 ms. */
export async function streamExport(baseUrl: string, token: string, query: string, pid = process.pid): Promise<ExportFigure> {
  if (global.gc) global.gc();
  const rssBeforeMb = rssMb(pid);
  let rssPeakMb = rssBeforeMb;
  const timer = setInterval(() => (rssPeakMb = Math.max(rssPeakMb, rssMb(pid))), 25);
  const started = process.hrtime.bigint();
  try {
    const res = await fetch(`${baseUrl}/api/export/assessments.csv?${query}`, { headers: { authorization: `Bearer ${token}` } });
    if (!res.ok || !res.body) throw new Error(`export failed: HTTP ${res.status} ${await res.text()}`);
    let bytes = 0;
    let newlines = 0;
    const reader = res.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.length;
      for (let i = 0; i < value.length; i++) if (value[i] === 10) newlines++;
    }
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    return { rows: Math.max(0, newlines - 1), bytes, ms, rssBeforeMb, rssPeakMb };
  } finally {
    clearInterval(timer);
  }
}
