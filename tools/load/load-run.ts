// Concurrent visit writers and dashboard readers for a fixed time, and the check afterwards
// that every acknowledged write is in the database exactly once. Each write carries a marker
// (its ODI and rest NRS encode a serial number), so duplicates and losses can be counted.
import { randomUUID } from 'node:crypto';
import { ANALYTICS } from '../bench/operations';
import { Sql, rowsOf } from '../bench/registry-setup';
import { percentile } from '../bench/timing';

export interface VisitTarget {
  patientId: string;
  treatmentId: string;
  visitDate: string;
}

export interface WriteRecord {
  serial: number;
  patientId: string;
  /** The create's request id: sending it again must not record a second visit. */
  requestId: string;
  /** What was sent, so a refused write can be sent again as it was. */
  input: Record<string, unknown>;
  startedAt: number;
  ms: number;
  /** The id the API acknowledged, or null when the write failed. */
  id: string | null;
  error: string | null;
}

export interface ReadRecord {
  operation: string;
  startedAt: number;
  ms: number;
  error: string | null;
}

export interface LoadOptions {
  url: string;
  writerToken: string;
  readerToken: string;
  targets: VisitTarget[];
  writers: number;
  readers: number;
  seconds: number;
  /** Per request: a hung request must not hang the run. */
  timeoutMs?: number;
}

const CREATE = `mutation Visit($i: CreateAssessmentInput!) { createAssessment(input: $i) { id } }`;

/** ODI in thousandths and the rest NRS carry the serial: 1.1 million distinct markers. */
export function marker(serial: number): { odi: number; nrsRest: number } {
  return { odi: (serial % 100_000) / 1000, nrsRest: Math.floor(serial / 100_000) % 11 };
}

async function post(url: string, token: string, query: string, variables: unknown, timeoutMs: number): Promise<{ data?: any; errors?: { message: string; extensions?: { code?: string } }[] }> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  return (await res.json()) as { data?: any; errors?: { message: string }[] };
}

const describe = (e: unknown) => (e instanceof Error ? `${e.name}: ${e.message}` : String(e));

export async function runLoad(o: LoadOptions): Promise<{ writes: WriteRecord[]; reads: ReadRecord[]; seconds: number }> {
  const timeoutMs = o.timeoutMs ?? 30_000;
  const writes: WriteRecord[] = [];
  const reads: ReadRecord[] = [];
  const began = Date.now();
  const deadline = began + o.seconds * 1000;
  let serial = 0;
  // What a department head's dashboard asks for (heads read aggregates, not patient lists).
  const readQueries = ANALYTICS.filter((a) => ['cohortSize', 'complicationRates', 'outcomeTrajectory', 'funnelPlot', 'responderRates'].includes(a.name)).map((a) => ({
    name: a.name,
    query: a.query,
    variables: { f: {} },
  }));

  const writer = async () => {
    while (Date.now() < deadline && serial < 1_100_000) {
      const s = serial++;
      const t = o.targets[s % o.targets.length];
      const started = Date.now();
      const input = { patientId: t.patientId, treatmentId: t.treatmentId, timePoint: 'UNSCHEDULED', visitDate: t.visitDate, status: 'DONE', ...marker(s), requestId: randomUUID() };
      const rec: WriteRecord = { serial: s, patientId: t.patientId, requestId: input.requestId, input, startedAt: started - began, ms: 0, id: null, error: null };
      try {
        const body = await post(o.url, o.writerToken, CREATE, { i: input }, timeoutMs);
        if (body.data?.createAssessment?.id && !body.errors?.length) rec.id = body.data.createAssessment.id;
        else rec.error = body.errors?.map((e) => `${e.extensions?.code ?? ''} ${e.message}`).join('; ') ?? 'no data';
      } catch (e) {
        rec.error = describe(e);
      }
      rec.ms = Date.now() - started;
      writes.push(rec);
      // A failing server answers instantly; pacing keeps a fault run from spinning.
      if (rec.error) await new Promise((r) => setTimeout(r, 100));
    }
  };
  let r = 0;
  const reader = async () => {
    while (Date.now() < deadline) {
      const q = readQueries[r++ % readQueries.length];
      const started = Date.now();
      const rec: ReadRecord = { operation: q.name, startedAt: started - began, ms: 0, error: null };
      try {
        const body = await post(o.url, o.readerToken, q.query, q.variables, timeoutMs);
        if (body.errors?.length) rec.error = body.errors.map((e) => `${e.extensions?.code ?? ''} ${e.message}`).join('; ');
      } catch (e) {
        rec.error = describe(e);
      }
      rec.ms = Date.now() - started;
      reads.push(rec);
      if (rec.error) await new Promise((res) => setTimeout(res, 100));
    }
  };
  await Promise.all([...Array.from({ length: o.writers }, writer), ...Array.from({ length: o.readers }, reader)]);
  return { writes, reads, seconds: (Date.now() - began) / 1000 };
}

/**
 * Sends every refused write again, as it was (same request id), the way a client retries after
 * an error. A write that had committed before its answer was lost comes back with its first id.
 */
export async function retryRefused(o: { url: string; writerToken: string; timeoutMs?: number }, writes: WriteRecord[]): Promise<{ retried: number; acknowledged: number; stillRefused: number }> {
  const outcome = { retried: 0, acknowledged: 0, stillRefused: 0 };
  for (const w of writes.filter((x) => !x.id)) {
    outcome.retried++;
    const body = await post(o.url, o.writerToken, CREATE, { i: w.input }, o.timeoutMs ?? 30_000).catch(() => null);
    const id: string | undefined = body?.data?.createAssessment?.id;
    if (!id || body?.errors?.length) {
      outcome.stillRefused++;
      continue;
    }
    outcome.acknowledged++;
    w.id = id;
    w.error = null;
  }
  return outcome;
}

export interface WriteCheck {
  acknowledged: number;
  failed: number;
  /** Acknowledged writes found exactly once (by marker and by id). */
  foundOnce: number;
  missing: number[];
  duplicated: number[];
  /** Failed writes that nevertheless committed (a timeout after the commit): allowed, counted. */
  failedButStored: number;
  /** Rows carrying a marker of this run that no writer sent. */
  unexpected: number;
  /** Stored visits of this run whose audit event is missing (a half-written write). */
  unaudited: number;
}

export async function verifyWrites(db: Sql, since: Date, writes: WriteRecord[]): Promise<WriteCheck> {
  const patientIds = [...new Set(writes.map((w) => w.patientId))];
  const rows = rowsOf(
    await db.query(
      `SELECT a.id::text AS id, round(a.odi * 1000)::int + 100000 * a.nrs_rest AS serial,
              EXISTS (SELECT 1 FROM audit_event e WHERE e.entity_id = a.id::text) AS audited
       FROM assessment a
       WHERE a.created_at >= $1 AND a.time_point = 'UNSCHEDULED' AND a.patient_id = ANY($2::uuid[]) AND a.odi IS NOT NULL`,
      [since.toISOString(), patientIds],
    ),
  );
  const bySerial = new Map<number, { id: string; audited: boolean }[]>();
  for (const r of rows) bySerial.set(Number(r.serial), [...(bySerial.get(Number(r.serial)) ?? []), { id: r.id, audited: r.audited }]);
  const sent = new Set(writes.map((w) => w.serial));
  const check: WriteCheck = { acknowledged: 0, failed: 0, foundOnce: 0, missing: [], duplicated: [], failedButStored: 0, unexpected: 0, unaudited: 0 };
  for (const w of writes) {
    const stored = bySerial.get(w.serial) ?? [];
    if (stored.length > 1) check.duplicated.push(w.serial);
    if (w.id) {
      check.acknowledged++;
      if (stored.length === 1 && stored[0].id === w.id) check.foundOnce++;
      else if (stored.length === 0) check.missing.push(w.serial);
    } else {
      check.failed++;
      if (stored.length) check.failedButStored++;
    }
  }
  for (const [serial, stored] of bySerial) {
    if (!sent.has(serial)) check.unexpected += stored.length;
    check.unaudited += stored.filter((s) => !s.audited).length;
  }
  return check;
}

export function latencySummary(ms: number[]): { count: number; p50: number; p95: number; p99: number; max: number } {
  return { count: ms.length, p50: percentile(ms, 50), p95: percentile(ms, 95), p99: percentile(ms, 99), max: ms.length ? Math.max(...ms) : NaN };
}

/** Patients of the writer's site with their index treatment, as write targets. */
export async function visitTargets(db: Sql, coordinatorEmail: string, limit = 5000): Promise<VisitTarget[]> {
  const rows = rowsOf(
    await db.query(
      `SELECT p.id AS patient_id, i.id AS treatment_id, least(current_date, i.start_date + 1)::text AS visit_date
       FROM patient p JOIN app_user u ON u.email = $1 AND u.site_id = p.site_id
       JOIN LATERAL (SELECT t.id, t.start_date FROM treatment t WHERE t.patient_id = p.id AND t.withdrawn_at IS NULL ORDER BY t.start_date, t.created_at LIMIT 1) i ON true
       WHERE p.withdrawn_at IS NULL ORDER BY p.registry_number LIMIT $2`,
      [coordinatorEmail, limit],
    ),
  );
  return rows.map((r) => ({ patientId: r.patient_id, treatmentId: r.treatment_id, visitDate: r.visit_date }));
}
