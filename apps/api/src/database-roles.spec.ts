import { QueryRunner } from 'typeorm';
import { API_ROLE, describeRole, isRestricted, OpenDatabase } from '@vfr/api-database';
import { openApiConnection, openTestDatabase, TestDatabase, testTargets } from '@vfr/api-testing';

// The API signs in as a member of registry_api (docs/access-control.md). Whatever it tries, it
// cannot change or remove an audit event: every way PostgreSQL offers is refused.
for (const target of testTargets()) {
  describe(`the API's database role cannot rewrite the audit trail [${target}]`, () => {
    let db: TestDatabase;
    let api: OpenDatabase;
    let session: QueryRunner;

    const fingerprint = async () =>
      (await db.dataSource.query(`SELECT count(*)::int AS n, md5(coalesce(string_agg(a::text, '|' ORDER BY id), '')) AS digest FROM audit_event a`))[0];

    beforeAll(async () => {
      db = await openTestDatabase(target);
      await db.dataSource.query(
        `INSERT INTO audit_event (entity_type, entity_id, action, after, reason) VALUES ('Registry', 'test', 'IMPORT', '{"n": 1}', 'a row to protect'), ('Registry', 'test', 'EXPORT', NULL, NULL)`,
      );
      api = await openApiConnection(db);
      // One connection throughout, so that session settings (SET ...) would carry over.
      session = api.dataSource.createQueryRunner();
      await session.connect();
    });
    afterAll(async () => {
      await session?.release();
      await api?.close();
      await db?.close();
    });

    it('is a member of registry_api that owns nothing, is no superuser and may not create roles', async () => {
      const role = await describeRole(api.dataSource);
      expect(role).toMatchObject({ superuser: false, owner: false, createRole: false, mayRewriteAudit: false, apiMember: true, auditTable: true });
      expect(isRestricted(role)).toBe(true);
      // The migrations' role is not, and the API refuses to serve as such a role in production.
      expect(isRestricted(await describeRole(db.dataSource))).toBe(false);
    });

    it('may insert and read audit events, and nothing more on that table', async () => {
      await session.query(`INSERT INTO audit_event (entity_type, entity_id, action) VALUES ('Registry', 'by-api', 'LOGIN')`);
      const [{ n }] = await session.query(`SELECT count(*)::int AS n FROM audit_event WHERE entity_id = 'by-api'`);
      expect(n).toBe(1);
      const [rights] = await session.query(
        `SELECT has_table_privilege('audit_event', 'UPDATE') AS u, has_table_privilege('audit_event', 'DELETE') AS d, has_table_privilege('audit_event', 'TRUNCATE') AS t,
                has_table_privilege('audit_event', 'TRIGGER') AS tr, has_table_privilege('audit_event', 'REFERENCES') AS r`,
      );
      expect(rights).toEqual({ u: false, d: false, t: false, tr: false, r: false });
    });

    const attempts: [string, string[]][] = [
      ['UPDATE', [`UPDATE audit_event SET reason = 'rewritten'`]],
      ['DELETE', [`DELETE FROM audit_event`]],
      ['TRUNCATE', [`TRUNCATE audit_event`]],
      ['session_replication_role = replica, then UPDATE', [`SET session_replication_role = replica`, `UPDATE audit_event SET reason = 'rewritten'`]],
      ['session_replication_role for a transaction', [`SET LOCAL session_replication_role = replica`, `DELETE FROM audit_event`]],
      [
        'ALTER TABLE ... DISABLE TRIGGER',
        [`ALTER TABLE audit_event DISABLE TRIGGER ALL`, `ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update_delete`],
      ],
      ['DROP TRIGGER', [`DROP TRIGGER audit_event_no_update_delete ON audit_event`, `DROP TRIGGER audit_event_no_truncate ON audit_event`]],
      ['DROP FUNCTION of the trigger', [`DROP FUNCTION audit_event_append_only() CASCADE`]],
      [
        'CREATE OR REPLACE the trigger function',
        [`CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$`],
      ],
      ['DROP TABLE', [`DROP TABLE audit_event`, `DROP TABLE audit_event CASCADE`]],
      ['ALTER TABLE ... RENAME', [`ALTER TABLE audit_event RENAME TO audit_event_old`]],
      ['ALTER TABLE ... OWNER TO itself', [`ALTER TABLE audit_event OWNER TO CURRENT_USER`]],
      [
        'CREATE RULE',
        [`CREATE RULE keep_nothing AS ON INSERT TO audit_event DO INSTEAD NOTHING`, `CREATE RULE rewrite AS ON UPDATE TO audit_event DO INSTEAD NOTHING`],
      ],
      ['CREATE TRIGGER', [`CREATE TRIGGER t BEFORE INSERT ON audit_event FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()`]],
      ['a function of its own', [`CREATE FUNCTION public.wipe() RETURNS void LANGUAGE sql AS 'DELETE FROM audit_event'`]],
      ['SET ROLE to the owner', [`SET ROLE postgres`, `SET SESSION AUTHORIZATION postgres`]],
      [
        'making itself a superuser or a member of the owner',
        [
          `ALTER ROLE CURRENT_USER SUPERUSER`,
          `ALTER ROLE CURRENT_USER CREATEROLE`,
          `GRANT postgres TO CURRENT_USER`,
          `GRANT pg_write_all_data TO CURRENT_USER`,
        ],
      ],
      ['ALTER DEFAULT PRIVILEGES or the schema', [`ALTER SCHEMA public OWNER TO CURRENT_USER`, `DROP SCHEMA public CASCADE`]],
    ];

    it.each(attempts)('refuses %s', async (_name, statements) => {
      const before = await fingerprint();
      for (const sql of statements) {
        const error = await session.query(sql).then(
          () => null,
          (e: { code?: string; message: string }) => e,
        );
        expect({ sql, refused: Boolean(error) }).toEqual({ sql, refused: true });
        // Permission denied, or must be owner / superuser (both 42501), never anything that ran.
        expect({ sql, code: error!.code }).toEqual({ sql, code: '42501' });
      }
      await session.query('ROLLBACK').catch(() => undefined);
      await session.query('RESET ALL').catch(() => undefined);
      expect(await fingerprint()).toEqual(before);
    });

    it('cannot grant itself rights on the audit trail: GRANT changes nothing and UPDATE stays refused', async () => {
      const before = await fingerprint();
      for (const sql of [
        `GRANT UPDATE, DELETE, TRUNCATE ON audit_event TO CURRENT_USER`,
        `GRANT ALL ON audit_event TO ${API_ROLE}`,
        `GRANT ALL ON ALL TABLES IN SCHEMA public TO PUBLIC`,
      ]) {
        // PostgreSQL refuses, or warns that no privileges were granted: either way none is.
        await session.query(sql).catch(() => undefined);
      }
      const [rights] = await session.query(
        `SELECT has_table_privilege('audit_event', 'UPDATE') OR has_table_privilege('audit_event', 'DELETE') OR has_table_privilege('audit_event', 'TRUNCATE') AS any`,
      );
      expect(rights.any).toBe(false);
      await expect(session.query(`UPDATE audit_event SET reason = 'rewritten'`)).rejects.toMatchObject({ code: '42501' });
      await expect(session.query(`DELETE FROM audit_event`)).rejects.toMatchObject({ code: '42501' });
      expect(await fingerprint()).toEqual(before);
    });

    it('still serves the registry: rows read and written, analysis_patient kept through analysis_refresh', async () => {
      const [site] = await session.query(`INSERT INTO site (code, name) VALUES ('ROLE', 'Role test') RETURNING id`);
      const [patient] = await session.query(
        `INSERT INTO patient (site_id, registry_number, sex, birth_year) VALUES ($1, 'ROLE-1', 'FEMALE', 1950) RETURNING id`,
        [site.id],
      );
      await session.query(`INSERT INTO treatment (patient_id, kind, start_date) VALUES ($1, 'CONSERVATIVE', '2024-01-01')`, [patient.id]);
      const [row] = await db.dataSource.query(`SELECT registry_number, first_kind FROM analysis_patient WHERE patient_id = $1`, [patient.id]);
      expect(row).toEqual({ registry_number: 'ROLE-1', first_kind: 'CONSERVATIVE' });
      await expect(session.query(`DELETE FROM analysis_patient`)).rejects.toMatchObject({ code: '42501' });
      await expect(session.query(`UPDATE analysis_patient SET sex = 'MALE'`)).rejects.toMatchObject({ code: '42501' });
      await expect(session.query(`DELETE FROM patient WHERE id = $1`, [patient.id])).rejects.toMatchObject({ code: '42501' });
      await expect(session.query(`CREATE TABLE public.mine (x int)`)).rejects.toMatchObject({ code: '42501' });
    });
  });
}
