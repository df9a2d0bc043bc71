import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { ThrottleState } from './login-throttle';

/** The row read() answers: the database's time, and the pair's and the address's state (nulls when none is stored). */
interface StateRow {
  now: number;
  failures: number | null;
  last_failure_at: number | null;
  pair_reported: boolean | null;
  address_failures: number[] | null;
  address_reported: boolean | null;
}

// Times cross between the database and the rules as whole milliseconds, so that a time the rules
// wrote is read back equal (a success finds its own attempt among the address's failures).
const msOf = (sql: string) => `round(extract(epoch FROM ${sql}) * 1000)::float8`;
const timeOf = (param: string) => `to_timestamp(${param}::float8 / 1000)`;

const READ = `
  SELECT ${msOf('clock_timestamp()')} AS now,
         p.failures, ${msOf('p.last_failure_at')} AS last_failure_at, p.reported AS pair_reported,
         ARRAY(SELECT ${msOf('f')} FROM unnest(a.failures) WITH ORDINALITY AS u(f, i) ORDER BY i) AS address_failures,
         a.reported AS address_reported
    FROM (SELECT 1) AS one
    LEFT JOIN login_throttle_pair p ON p.address = $1 AND p.account = $2
    LEFT JOIN login_throttle_address a ON a.address = $1`;

/**
 * The sign-in throttle's state in PostgreSQL (tables login_throttle_pair and
 * login_throttle_address), shared by every API process on the database; the rules that read and
 * change it are in login-throttle.ts.
 *
 * A change is made under a transaction-level advisory lock on the client address (every key of
 * both tables begins with it): read, apply the rules, write with INSERT ... ON CONFLICT, commit.
 * Two processes changing the same address take turns, so each sees the other's count and none
 * is lost. A transaction lock ends with its transaction, so it also works through a pooler.
 */
@Injectable()
export class LoginThrottleStore {
  constructor(private readonly dataSource: DataSource) {}

  /** The state as committed now, without a lock. */
  async read(address: string, account: string, manager: EntityManager = this.dataSource.manager): Promise<{ state: ThrottleState; now: number }> {
    const [row] = await manager.query<StateRow[]>(READ, [address, account]);
    return {
      now: row.now,
      state: {
        pair: row.failures === null ? null : { failures: row.failures, lastFailureAt: row.last_failure_at!, reported: row.pair_reported! },
        address: row.address_reported === null ? null : { failures: row.address_failures ?? [], reported: row.address_reported },
      },
    };
  }

  /** Reads the state under the address's lock, applies `change` and stores what it answers. */
  update<T>(address: string, account: string, change: (state: ThrottleState, now: number) => { result: T; next: ThrottleState }): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      // The lock's two-key form is a key space of its own (the registry's other advisory locks use
      // one key). The commit does not wait for the disk: a crash of the database may lose the last
      // moments of counts, which are no registry data, and a sign-in does not wait for two flushes.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('login_throttle'), hashtext($1)), set_config('synchronous_commit', 'off', true)`, [address]);
      const { state, now } = await this.read(address, account, manager);
      const { result, next } = change(state, now);
      await this.write(manager, address, account, state, next);
      return result;
    });
  }

  /** Deletes what no rule reads any more: pairs forgotten, addresses with no failure in the window. */
  async prune(limits: { forgetAfterMs: number; windowMs: number }): Promise<void> {
    await this.dataSource.query(`DELETE FROM login_throttle_pair WHERE last_failure_at < clock_timestamp() - $1 * interval '1 millisecond'`, [
      limits.forgetAfterMs,
    ]);
    await this.dataSource.query(
      `DELETE FROM login_throttle_address WHERE coalesce(failures[cardinality(failures)] < clock_timestamp() - $1 * interval '1 millisecond', true)`,
      [limits.windowMs],
    );
  }

  /** Writes the parts of the state that changed. */
  private async write(manager: EntityManager, address: string, account: string, before: ThrottleState, next: ThrottleState): Promise<void> {
    const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
    if (!same(before.pair, next.pair)) {
      if (next.pair) {
        await manager.query(
          `INSERT INTO login_throttle_pair (address, account, failures, last_failure_at, reported) VALUES ($1, $2, $3, ${timeOf('$4')}, $5)
           ON CONFLICT (address, account) DO UPDATE SET failures = excluded.failures, last_failure_at = excluded.last_failure_at, reported = excluded.reported`,
          [address, account, next.pair.failures, next.pair.lastFailureAt, next.pair.reported],
        );
      } else {
        await manager.query(`DELETE FROM login_throttle_pair WHERE address = $1 AND account = $2`, [address, account]);
      }
    }
    if (!same(before.address, next.address)) {
      if (next.address) {
        await manager.query(
          `INSERT INTO login_throttle_address (address, failures, reported)
           VALUES ($1, ARRAY(SELECT ${timeOf('f')} FROM unnest($2::float8[]) WITH ORDINALITY AS u(f, i) ORDER BY i), $3)
           ON CONFLICT (address) DO UPDATE SET failures = excluded.failures, reported = excluded.reported`,
          [address, next.address.failures, next.address.reported],
        );
      } else {
        await manager.query(`DELETE FROM login_throttle_address WHERE address = $1`, [address]);
      }
    }
  }
}
