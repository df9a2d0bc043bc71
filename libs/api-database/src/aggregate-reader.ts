import { DataSource } from 'typeorm';

/**
 * The one door for whole-cohort aggregates (dashboards, analytics, follow-up completeness).
 *
 * At most `concurrency` of them run at once; the rest wait here, in order. An aggregate keeps a
 * core (and PostgreSQL's parallel workers) busy for a tenth of a second or more, so ten dashboards
 * opened together would otherwise take every core and leave coordinators' writes, which need
 * little CPU, waiting behind them. Where hot standbys are configured, aggregates run on one of
 * them (DESIGN.md section 8); they never need to see a write of the same request.
 */
export class AggregateReader {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly dataSource: DataSource,
    readonly concurrency: number,
  ) {
    if (!Number.isInteger(concurrency) || concurrency < 1) throw new RangeError(`aggregate concurrency must be a positive integer, got ${concurrency}`);
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows are typed by the caller, as with DataSource.query
  async query<T = any>(sql: string, params: unknown[] = []): Promise<T[]> {
    await this.acquire();
    try {
      const runner = this.dataSource.createQueryRunner('slave');
      try {
        return await runner.query(sql, params);
      } finally {
        await runner.release();
      }
    } finally {
      this.release();
    }
  }

  /** Aggregates running and waiting now (for tests and diagnostics). */
  get load(): { active: number; waiting: number } {
    return { active: this.active, waiting: this.waiting.length };
  }

  private acquire(): Promise<void> {
    if (this.active < this.concurrency) {
      this.active++;
      return Promise.resolve();
    }
    // The slot is handed over by release(), so `active` stays counted for the waiter.
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active--;
  }
}
