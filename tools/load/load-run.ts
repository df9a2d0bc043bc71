// Concurrent visit writers, dashboard readers and CSV exporters for a fixed time, and the check
// afterwards that every acknowledged write is in the database exactly once. Each write carries a
// marker (its ODI and rest NRS encode a serial number), so duplicates and losses can be counted.
// Each export is checked as it arrives: HTTP 200, the header, whole lines to the last byte, and
// as many rows as the database held for the same cohort (counted right before and right after).
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { Role } from '@vfr/domain';
import { ExportFormat, exportColumns, ExportService } from '@vfr/api-import-export';
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

export interface ExportRecord {
  format: ExportFormat;
  startedAt: number;
  ms: number;
  status: number | null;
  /** Data rows received (lines after the header). */
  rows: number | null;
  bytes: number;
  /** The export's rows in the database right before the request and right after its body ended. */
  countBefore: number | null;
  countAfter: number | null;
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
  /** Researchers exporting the whole registry as CSV (long and wide in turn), one at a time each. */
  exporters?: number;
  exportToken?: string;
  /** The rows an export of this format would hold in the database now; writers only add rows. */
  countExport?: (format: ExportFormat) => Promise<number>;
  exportTimeoutMs?: number;
  /** Ends the run early (a fault run's kill); requests under way finish or fail by themselves. */
  signal?: AbortSignal;
  /** The first write's serial: runs on one registry must not reuse markers. */
  firstSerial?: number;
}

const CREATE = `mutation Visit($i: CreateAssessmentInput!) { createAssessment(input: $i) { id } }`;

/**
 * The ten ODI sections (0-5: the serial's base-6 digits, the first section the lowest) and the NRS
 * at rest carry the serial: 665 million distinct markers. Sections rather than the ODI itself,
 * which the registry computes from them and which takes only the values an answer pattern gives.
 */
const ODI_MARKERS = 6 ** 10;
export function marker(serial: number): { odiItems: number[]; nrsRest: number } {
  const rest = serial % ODI_MARKERS;
  return { odiItems: Array.from({ length: 10 }, (_, i) => Math.floor(rest / 6 ** i) % 6), nrsRest: Math.floor(serial / ODI_MARKERS) % 11 };
}

interface Answer<Data> {
  data?: Data | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** What CREATE answers. */
interface Created {
  createAssessment?: { id: string } | null;
}

async function post<Data>(url: string, token: string, query: string, variables: unknown, timeoutMs: number): Promise<Answer<Data>> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  return (await res.json()) as Answer<Data>;
}

const describe = (e: unknown) => (e instanceof Error ? `${e.name}: ${e.message}` : String(e));

export const MARKER_LIMIT = 1_100_000;

export async function runLoad(o: LoadOptions): Promise<{ writes: WriteRecord[]; reads: ReadRecord[]; exports: ExportRecord[]; seconds: number }> {
  const timeoutMs = o.timeoutMs ?? 30_000;
  const writes: WriteRecord[] = [];
  const reads: ReadRecord[] = [];
  const exports: ExportRecord[] = [];
  const began = Date.now();
  const deadline = began + o.seconds * 1000;
  const running = () => Date.now() < deadline && !o.signal?.aborted;
  let serial = o.firstSerial ?? 0;
  // What a department head's dashboard asks for (heads read aggregates, not patient lists).
  const readQueries = ANALYTICS.filter((a) => ['cohortSize', 'complicationRates', 'outcomeTrajectory', 'funnelPlot', 'responderRates'].includes(a.name)).map(
    (a) => ({
      name: a.name,
      query: a.query,
      variables: { f: {} },
    }),
  );

  const writer = async () => {
    while (running() && serial < MARKER_LIMIT) {
      const s = serial++;
      const t = o.targets[s % o.targets.length];
      const started = Date.now();
      const input = {
        patientId: t.patientId,
        treatmentId: t.treatmentId,
        timePoint: 'UNSCHEDULED',
        visitDate: t.visitDate,
        status: 'DONE',
        ...marker(s),
        requestId: randomUUID(),
      };
      const rec: WriteRecord = {
        serial: s,
        patientId: t.patientId,
        requestId: input.requestId,
        input,
        startedAt: started - began,
        ms: 0,
        id: null,
        error: null,
      };
      try {
        const body = await post<Created>(o.url, o.writerToken, CREATE, { i: input }, timeoutMs);
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
    while (running()) {
      const q = readQueries[r++ % readQueries.length];
      const started = Date.now();
      const rec: ReadRecord = { operation: q.name, startedAt: started - began, ms: 0, error: null };
      try {
        const body = await post<unknown>(o.url, o.readerToken, q.query, q.variables, timeoutMs);
        if (body.errors?.length) rec.error = body.errors.map((e) => `${e.extensions?.code ?? ''} ${e.message}`).join('; ');
      } catch (e) {
        rec.error = describe(e);
      }
      rec.ms = Date.now() - started;
      reads.push(rec);
      if (rec.error) await new Promise((res) => setTimeout(res, 100));
    }
  };
  let e = 0;
  const exporter = async () => {
    while (running()) {
      const format: ExportFormat = e++ % 2 === 0 ? 'long' : 'wide';
      const started = Date.now();
      const rec: ExportRecord = {
        format,
        startedAt: started - began,
        ms: 0,
        status: null,
        rows: null,
        bytes: 0,
        countBefore: null,
        countAfter: null,
        error: null,
      };
      try {
        rec.countBefore = await o.countExport!(format);
        const res = await fetch(`${o.url}/api/export/assessments.csv?format=${format}`, {
          headers: { authorization: `Bearer ${o.exportToken}` },
          signal: AbortSignal.timeout(o.exportTimeoutMs ?? 120_000),
        });
        rec.status = res.status;
        if (res.status !== 200 || !res.body) {
          rec.error = `HTTP ${res.status}: ${(await res.text()).slice(0, 200)}`;
        } else {
          const body = await readBody(res.body);
          rec.bytes = body.bytes;
          rec.rows = Math.max(0, body.newlines - 1);
          rec.countAfter = await o.countExport!(format);
          rec.error = exportProblem(format, body, rec.rows, rec.countBefore, rec.countAfter);
        }
      } catch (err) {
        rec.error = describe(err);
      }
      rec.ms = Date.now() - started;
      exports.push(rec);
      if (rec.error) await new Promise((res) => setTimeout(res, 100));
    }
  };
  if ((o.exporters ?? 0) > 0 && (!o.exportToken || !o.countExport)) throw new Error('exporters need a token and a way to count the rows');
  await Promise.all([
    ...Array.from({ length: o.writers }, writer),
    ...Array.from({ length: o.readers }, reader),
    ...Array.from({ length: o.exporters ?? 0 }, exporter),
  ]);
  return { writes, reads, exports, seconds: (Date.now() - began) / 1000 };
}

/** Counts a streamed body's bytes and line ends without holding it; keeps its first and last bytes. */
async function readBody(stream: ReadableStream<Uint8Array>): Promise<{ bytes: number; newlines: number; head: string; tail: string }> {
  let bytes = 0;
  let newlines = 0;
  let head = Buffer.alloc(0);
  let tail = Buffer.alloc(0);
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.length;
    for (let i = 0; i < value.length; i++) if (value[i] === 10) newlines++;
    if (head.length < 8192) head = Buffer.concat([head, value]).subarray(0, 8192);
    tail = Buffer.concat([tail, value]);
    if (tail.length > 8192) tail = tail.subarray(tail.length - 8192);
  }
  return { bytes, newlines, head: head.toString('utf8'), tail: tail.toString('utf8') };
}

/** Fields of one CSV line, quotes respected. */
function fieldCount(line: string): number {
  let n = 1;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) n++;
  }
  return n;
}

/** What is wrong with an export that answered 200, or null: an export must be whole. */
export function exportProblem(
  format: ExportFormat,
  body: { bytes: number; head: string; tail: string },
  rows: number,
  before: number | null,
  after: number | null,
): string | null {
  const columns = exportColumns(format);
  const header = body.head.split('\n')[0];
  if (header !== columns.join(',')) return `the ${format} export starts with "${header.slice(0, 80)}", not its header`;
  if (!body.tail.endsWith('\n')) return `the ${format} export (${rows} rows, ${body.bytes} bytes) ends inside a line: "${body.tail.slice(-80)}"`;
  const last = body.tail.slice(0, -1).split('\n').pop() ?? '';
  if (fieldCount(last) !== columns.length)
    return `the last line of the ${format} export has ${fieldCount(last)} fields, not ${columns.length}: "${last.slice(0, 120)}"`;
  if (before !== null && after !== null && (rows < before || rows > after)) {
    return `the ${format} export has ${rows} rows; the database held ${before === after ? before : `${before} to ${after}`} for the same cohort${rows < before ? ' (truncated)' : ''}`;
  }
  return null;
}

/**
 * Sends every refused write again, as it was (same request id), the way a client retries after
 * an error. A write that had committed before its answer was lost comes back with its first id.
 */
export async function retryRefused(
  o: { url: string; writerToken: string; timeoutMs?: number },
  writes: WriteRecord[],
): Promise<{ retried: number; acknowledged: number; stillRefused: number }> {
  const outcome = { retried: 0, acknowledged: 0, stillRefused: 0 };
  for (const w of writes.filter((x) => !x.id)) {
    outcome.retried++;
    const body = await post<Created>(o.url, o.writerToken, CREATE, { i: w.input }, o.timeoutMs ?? 30_000).catch(() => null);
    const id = body?.data?.createAssessment?.id;
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
  // serial is a bigint, which arrives as text.
  const rows = rowsOf<{ id: string; serial: string; audited: boolean }>(
    await db.query(
      `SELECT a.id::text AS id, (SELECT sum(u.d * 6 ^ (u.i - 1)) FROM unnest(a.odi_items) WITH ORDINALITY AS u(d, i))::bigint + ${ODI_MARKERS}::bigint * a.nrs_rest AS serial,
              EXISTS (SELECT 1 FROM audit_event e WHERE e.entity_id = a.id::text) AS audited
       FROM assessment a
       WHERE a.created_at >= $1 AND a.time_point = 'UNSCHEDULED' AND a.patient_id = ANY($2::uuid[]) AND a.odi_items IS NOT NULL`,
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
  const rows = rowsOf<{ patient_id: string; treatment_id: string; visit_date: string }>(
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

/**
 * Counts, in the database, the rows that the researcher's export of the whole registry holds now:
 * the export's own statement (the cohort, the index treatment's visits), wrapped in count(*).
 */
export async function exportRowCounter(db: Sql, researcherEmail: string): Promise<(format: ExportFormat) => Promise<number>> {
  const [user] = rowsOf<{ id: string }>(await db.query(`SELECT id::text AS id FROM app_user WHERE email = $1`, [researcherEmail]));
  if (!user) throw new Error(`no user ${researcherEmail} to export as`);
  const service = new ExportService(undefined as unknown as DataSource, undefined as never); // only its SQL is used
  const actor = { userId: user.id, email: researcherEmail, role: Role.RESEARCHER, siteId: null };
  return async (format) => {
    const { text, values } = service.sql(format, {}, actor);
    const [r] = rowsOf<{ n: number }>(await db.query(`SELECT count(*)::int AS n FROM (${text}) export`, values));
    return Number(r.n);
  };
}

export function exportSummary(exports: ExportRecord[]) {
  const ok = exports.filter((x) => !x.error);
  return {
    ...latencySummary(ok.map((x) => x.ms)),
    long: ok.filter((x) => x.format === 'long').length,
    wide: ok.filter((x) => x.format === 'wide').length,
    rows: { min: ok.length ? Math.min(...ok.map((x) => x.rows ?? 0)) : null, max: ok.length ? Math.max(...ok.map((x) => x.rows ?? 0)) : null },
    /** How far the database's count moved while an export ran (the window it was checked in). */
    countWindowMax: ok.length ? Math.max(...ok.map((x) => (x.countAfter ?? 0) - (x.countBefore ?? 0))) : null,
    errors: exports.length - ok.length,
    sampleErrors: [...new Set(exports.filter((x) => x.error).map((x) => x.error))].slice(0, 5),
  };
}
