import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One row that /health rewrites (at most every few seconds) to prove that the database still
 * commits writes: a server that answers SELECT 1 can still refuse every write (read-only, a
 * standby promoted wrongly, no space for its log).
 */
export class AddHealthProbe1795585000000 implements MigrationInterface {
  name = 'AddHealthProbe1795585000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE health_probe (id smallint PRIMARY KEY CHECK (id = 1), checked_at timestamptz NOT NULL)`);
    await q.query(`INSERT INTO health_probe (id, checked_at) VALUES (1, now())`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE health_probe`);
  }
}
