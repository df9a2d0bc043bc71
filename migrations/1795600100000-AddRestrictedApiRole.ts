import { MigrationInterface, QueryRunner } from 'typeorm';

/** The group role that holds the API's rights; the API signs in as a LOGIN role that is a member. */
const API_ROLE = 'registry_api';

/**
 * The API connects as a role that owns nothing: it reads and writes rows, and that is all. It
 * cannot change the schema, drop or disable the audit trail's triggers, set
 * session_replication_role, or change or delete an audit event: those need the owner (the role
 * that runs these migrations) or a superuser.
 *
 * The rights are granted to the NOLOGIN group role registry_api, created here when the cluster
 * has none (the deployment may create it first; roles belong to the whole cluster, so every
 * registry database on a server shares it). The API's LOGIN role is made a member of it.
 *
 * - every table: SELECT, INSERT, UPDATE, except
 * - audit_event: INSERT and SELECT only (no UPDATE, DELETE, TRUNCATE);
 * - analysis_patient: SELECT only; the statement triggers recompute it through
 *   analysis_refresh(), which now runs with its owner's rights (SECURITY DEFINER, fixed
 *   search_path) and which only registry_api may EXECUTE;
 * - health_probe: SELECT, UPDATE; migrations: SELECT (to see whether the schema is current);
 * - treated_level: DELETE as well (a treatment's levels are replaced when it is edited);
 * - sequences: USAGE, SELECT.
 * Tables and sequences the owner creates later get SELECT, INSERT, UPDATE (USAGE, SELECT) by
 * default; a migration that needs anything else grants it itself.
 */
export class AddRestrictedApiRole1795600100000 implements MigrationInterface {
  name = 'AddRestrictedApiRole1795600100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DO $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${API_ROLE}') THEN
          BEGIN
            CREATE ROLE ${API_ROLE} NOLOGIN;
          EXCEPTION
            -- Another database of the same server created it at the same moment.
            WHEN duplicate_object OR unique_violation THEN NULL;
            WHEN insufficient_privilege THEN
              RAISE EXCEPTION 'the role % does not exist and % may not create roles', '${API_ROLE}', current_user
                USING HINT = 'create it once as a superuser: CREATE ROLE ${API_ROLE} NOLOGIN; then run the migrations again';
          END;
        END IF;
      END $$`);
    // PostgreSQL 15's default, restated for databases upgraded from an older release: nobody but
    // the owner creates objects in the schema.
    await q.query(`REVOKE CREATE ON SCHEMA public FROM PUBLIC`);
    await q.query(`GRANT USAGE ON SCHEMA public TO ${API_ROLE}`);
    await q.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${API_ROLE}`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA public TO ${API_ROLE}`);
    await q.query(`REVOKE UPDATE ON audit_event FROM ${API_ROLE}`);
    await q.query(`REVOKE INSERT, UPDATE ON analysis_patient FROM ${API_ROLE}`);
    await q.query(`REVOKE INSERT ON health_probe FROM ${API_ROLE}`);
    await q.query(`REVOKE INSERT, UPDATE ON migrations FROM ${API_ROLE}`);
    await q.query(`GRANT DELETE ON treated_level TO ${API_ROLE}`);
    await q.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${API_ROLE}`);

    // analysis_patient is written only by analysis_refresh, with the owner's rights.
    await q.query(`ALTER FUNCTION analysis_refresh(uuid[]) SECURITY DEFINER SET search_path = public, pg_temp`);
    await q.query(`REVOKE EXECUTE ON FUNCTION analysis_refresh(uuid[]) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION analysis_refresh(uuid[]) TO ${API_ROLE}`);

    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE ON TABLES TO ${API_ROLE}`);
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${API_ROLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE USAGE, SELECT ON SEQUENCES FROM ${API_ROLE}`);
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE SELECT, INSERT, UPDATE ON TABLES FROM ${API_ROLE}`);
    await q.query(`GRANT EXECUTE ON FUNCTION analysis_refresh(uuid[]) TO PUBLIC`);
    await q.query(`REVOKE EXECUTE ON FUNCTION analysis_refresh(uuid[]) FROM ${API_ROLE}`);
    await q.query(`ALTER FUNCTION analysis_refresh(uuid[]) SECURITY INVOKER RESET search_path`);
    await q.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${API_ROLE}`);
    await q.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${API_ROLE}`);
    await q.query(`REVOKE USAGE ON SCHEMA public FROM ${API_ROLE}`);
    // The role itself stays: other databases of the server may use it.
  }
}
