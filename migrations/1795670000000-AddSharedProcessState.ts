import { MigrationInterface, QueryRunner } from 'typeorm';

/** The group role of the API's connections (AddRestrictedApiRole). */
const API_ROLE = 'registry_api';

/**
 * What the API processes serving one database must share, so that several behave as one
 * (docs/access-control.md):
 *
 * - login_throttle_pair and login_throttle_address: the failed sign-ins per (address, account)
 *   and per address, which each process kept in its own memory, so that an attacker's budget was
 *   multiplied by the number of processes. Times are the database's clock, the same for all.
 * - api_process: one row per running API process, rewritten every few seconds, so that a process
 *   without JWT_SECRET (signing with a random secret of its own, whose tokens no other process
 *   accepts) refuses to start beside another, and another refuses to start beside it.
 *
 * All three hold state of running processes, not registry data: rows expire (the API deletes
 * them) and backups leave them out. The API may delete their rows, which the default privileges
 * do not give.
 */
export class AddSharedProcessState1795670000000 implements MigrationInterface {
  name = 'AddSharedProcessState1795670000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE login_throttle_pair (
        address text NOT NULL,
        account text NOT NULL,
        failures integer NOT NULL CHECK (failures > 0),
        last_failure_at timestamptz NOT NULL,
        reported boolean NOT NULL DEFAULT false,
        PRIMARY KEY (address, account)
      )`);
    await q.query(`CREATE INDEX ix_login_throttle_pair__last_failure_at ON login_throttle_pair (last_failure_at)`);
    await q.query(`
      CREATE TABLE login_throttle_address (
        address text PRIMARY KEY,
        failures timestamptz[] NOT NULL,
        reported boolean NOT NULL DEFAULT false
      )`);
    await q.query(`
      CREATE TABLE api_process (
        id uuid PRIMARY KEY,
        host text NOT NULL,
        pid integer NOT NULL,
        process_started_at timestamptz NOT NULL,
        random_secret boolean NOT NULL,
        started_at timestamptz NOT NULL DEFAULT now(),
        last_seen timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON login_throttle_pair, login_throttle_address, api_process TO ${API_ROLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE api_process`);
    await q.query(`DROP TABLE login_throttle_address`);
    await q.query(`DROP TABLE login_throttle_pair`);
  }
}
