import { Controller, Get, Inject, Res } from '@nestjs/common';
import { replicaMaxLagSecondsFromEnv } from './database.config';
import { Public } from '@vfr/api-core';
import * as fs from 'node:fs';
import { OPEN_DATABASE } from './database.tokens';
import { OpenDatabase } from './open-database';

interface JsonResponse {
  status(code: number): { json(body: unknown): void };
}

/** What /health answers: ready only when the database answers and can save. */
export interface HealthReport {
  status: 'ok' | 'unavailable';
  database: 'reachable' | 'unreachable' | 'read-only' | 'cannot-write' | 'disk-full';
  latencyMs?: number;
  detail?: string;
}

// Below this much free space the embedded server cannot start a new write-ahead log segment
// (16 MB), after which it stops; reported before users meet it.
const MIN_FREE_BYTES = 32 * 1024 * 1024;
// A load balancer probes every few seconds; the write probe runs at most this often.
const WRITE_PROBE_EVERY_MS = 5000;
const TIMEOUT_MS = 3000;

function withTimeout<T>(p: Promise<T>, what: string): Promise<T> {
  return Promise.race([
    p,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what} did not answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS).unref()),
  ]);
}

// Load balancers, orchestrators and the start script probe it without a token. Liveness and
// readiness apart (docs/scaling.md): a process whose primary is away is alive (restarting it
// would not help) but not ready (it should get no traffic).
@Public()
@Controller('health')
export class HealthController {
  private lastWrite: { at: number; ok: boolean; detail?: string } = { at: 0, ok: true };
  private readonly started = Date.now();

  constructor(@Inject(OPEN_DATABASE) private readonly db: OpenDatabase) {}

  /** Ready: the primary answers and takes writes (the same as /health/ready). */
  @Get()
  async health(@Res() res: JsonResponse): Promise<void> {
    const report = await this.check();
    res.status(report.status === 'ok' ? 200 : 503).json(report);
  }

  @Get('ready')
  async ready(@Res() res: JsonResponse): Promise<void> {
    await this.health(res);
  }

  /** Alive: the process answers; nothing else is asked of it. */
  @Get('live')
  live(@Res() res: JsonResponse): void {
    res.status(200).json({ status: 'ok', uptimeSeconds: Math.round((Date.now() - this.started) / 1000) });
  }

  /** The operator's view of the hot standbys: each one's state and lag, as last measured. */
  @Get('standbys')
  standbys(@Res() res: JsonResponse): void {
    const states = this.db.standbys?.states() ?? [];
    res.status(200).json({ maxLagSeconds: replicaMaxLagSecondsFromEnv(), inUse: states.filter((s) => s.healthy).length, standbys: states });
  }

  async check(): Promise<HealthReport> {
    const started = Date.now();
    const dataSource = this.db.dataSource;
    let readOnly: boolean;
    try {
      const [row] = await withTimeout(
        dataSource.query<{ read_only: boolean }[]>(`SELECT current_setting('transaction_read_only') = 'on' AS read_only`),
        'the database',
      );
      readOnly = row.read_only === true;
    } catch {
      return { status: 'unavailable', database: 'unreachable' };
    }
    if (readOnly) return { status: 'unavailable', database: 'read-only', detail: 'the database accepts no writes' };
    const free = this.freeBytes();
    if (free !== undefined && free < MIN_FREE_BYTES) {
      return { status: 'unavailable', database: 'disk-full', detail: `${Math.floor(free / 1024 / 1024)} MB free where the embedded database lives` };
    }
    if (Date.now() - this.lastWrite.at >= WRITE_PROBE_EVERY_MS || !this.lastWrite.ok) {
      try {
        await withTimeout(dataSource.query(`UPDATE health_probe SET checked_at = now() WHERE id = 1`), 'a write');
        this.lastWrite = { at: Date.now(), ok: true };
      } catch (e) {
        this.lastWrite = { at: Date.now(), ok: false, detail: (e as { code?: string }).code };
      }
    }
    if (!this.lastWrite.ok)
      return { status: 'unavailable', database: 'cannot-write', detail: this.lastWrite.detail ? `SQLSTATE ${this.lastWrite.detail}` : undefined };
    return { status: 'ok', database: 'reachable', latencyMs: Date.now() - started };
  }

  private freeBytes(): number | undefined {
    const dir = this.db.embedded?.clusterDir;
    if (!dir) return undefined;
    try {
      const s = fs.statfsSync(dir);
      return s.bavail * s.bsize;
    } catch {
      return undefined;
    }
  }
}
