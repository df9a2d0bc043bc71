import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { QUESTIONNAIRE_WINDOW_MS } from '@vfr/api-database';

/** A request's place under the public path's limits. */
export type ThrottleAnswer = { allowed: true } | { allowed: false; retryAfterSeconds: number };

// One statement per key: the row's window starts afresh once it is over, otherwise its count
// grows; the row lock of INSERT ... ON CONFLICT makes simultaneous requests, in one process or
// several, count one after the other. Times are the database's, the same for every process.
const HIT = `
  INSERT INTO questionnaire_throttle AS t (key, window_start, requests) VALUES ($1, clock_timestamp(), 1)
  ON CONFLICT (key) DO UPDATE SET
    window_start = CASE WHEN t.window_start <= clock_timestamp() - $2 * interval '1 millisecond' THEN clock_timestamp() ELSE t.window_start END,
    requests = CASE WHEN t.window_start <= clock_timestamp() - $2 * interval '1 millisecond' THEN 1 ELSE t.requests + 1 END
  RETURNING requests, ceil(extract(epoch FROM t.window_start + $2 * interval '1 millisecond' - clock_timestamp()))::int AS retry_after`;

/**
 * The public questionnaire path's limits, counted in PostgreSQL (table questionnaire_throttle) so
 * that they hold across API processes, as the sign-in throttle's do: each client address may
 * send `perAddress` requests in 10 minutes, and all addresses together `total`. A request refused
 * for its address does not count in the total, so one address flooding the path cannot use up
 * everyone's budget.
 */
@Injectable()
export class QuestionnaireThrottleStore {
  private requestsSincePrune = 0;

  constructor(private readonly dataSource: DataSource) {}

  async hit(address: string, limits: { perAddress: number; total: number }): Promise<ThrottleAnswer> {
    if (++this.requestsSincePrune >= 500) {
      this.requestsSincePrune = 0;
      await this.dataSource.query(`DELETE FROM questionnaire_throttle WHERE window_start <= clock_timestamp() - $1 * interval '1 millisecond'`, [
        QUESTIONNAIRE_WINDOW_MS,
      ]);
    }
    const [own] = await this.dataSource.query<{ requests: number; retry_after: number }[]>(HIT, [`address:${address}`, QUESTIONNAIRE_WINDOW_MS]);
    if (own.requests > limits.perAddress) return { allowed: false, retryAfterSeconds: Math.max(1, own.retry_after) };
    const [all] = await this.dataSource.query<{ requests: number; retry_after: number }[]>(HIT, ['total', QUESTIONNAIRE_WINDOW_MS]);
    if (all.requests > limits.total) return { allowed: false, retryAfterSeconds: Math.max(1, all.retry_after) };
    return { allowed: true };
  }
}
