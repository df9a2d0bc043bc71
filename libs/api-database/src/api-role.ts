import { DataSource } from 'typeorm';

/**
 * The database roles (docs/access-control.md): the owner runs the migrations and owns every
 * table; the API serves as a LOGIN role that is a member of the group role registry_api, to
 * which the migrations grant row rights only (INSERT and SELECT on audit_event).
 */
export const API_ROLE = 'registry_api';

/** The LOGIN role the embedded database's API connects as (over its private socket, no password). */
export const EMBEDDED_API_LOGIN = 'registry_app';

/**
 * The longest an ordinary statement of the API may run. It is a setting of the API's login role
 * (ALTER ROLE ... SET), which the server applies to every session that role opens, directly or
 * through a pooler: a startup parameter is refused by PgBouncer, and a SET per session would
 * stay behind on a server connection that transaction pooling hands to someone else.
 */
export const STATEMENT_TIMEOUT = '60s';

/** What the role a connection signed in as could do to the audit trail. */
export interface RoleReport {
  role: string;
  /** The database has been migrated far enough to hold the audit trail. */
  auditTable: boolean;
  superuser: boolean;
  /** Owns audit_event, or may become its owner (SET ROLE). */
  owner: boolean;
  /** May create roles, and so could make itself a member of the owner's role. */
  createRole: boolean;
  /** Holds UPDATE, DELETE or TRUNCATE on audit_event. */
  mayRewriteAudit: boolean;
  /** A member of registry_api. */
  apiMember: boolean;
}

/** The row describeRole's query returns. */
interface RoleRow {
  role: string;
  audit_table: boolean;
  superuser: boolean;
  create_role: boolean;
  owner: boolean;
  rewrite: boolean;
  api_member: boolean;
}

export async function describeRole(dataSource: DataSource): Promise<RoleReport> {
  const [row] = await dataSource.query<RoleRow[]>(
    `SELECT current_user AS role, c.oid IS NOT NULL AS audit_table, r.rolsuper AS superuser, r.rolcreaterole AS create_role,
            c.oid IS NOT NULL AND pg_has_role(current_user, c.relowner, 'MEMBER') AS owner,
            c.oid IS NOT NULL AND (has_table_privilege(c.oid, 'UPDATE') OR has_table_privilege(c.oid, 'DELETE') OR has_table_privilege(c.oid, 'TRUNCATE')) AS rewrite,
            EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid WHERE g.rolname = $1 AND m.member = r.oid) AS api_member
       FROM pg_roles r LEFT JOIN pg_class c ON c.oid = to_regclass('public.audit_event')
      WHERE r.rolname = current_user`,
    [API_ROLE],
  );
  return {
    role: row.role,
    auditTable: row.audit_table === true,
    superuser: row.superuser === true,
    owner: row.owner === true,
    createRole: row.create_role === true,
    mayRewriteAudit: row.rewrite === true,
    apiMember: row.api_member === true,
  };
}

/** Whether a role is as restricted as the API must be: nothing in the report allows more than rows. */
export function isRestricted(report: RoleReport): boolean {
  return !report.superuser && !report.owner && !report.createRole && !report.mayRewriteAudit;
}

const NAME = /^[a-z_][a-z0-9_]{0,62}$/;
const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** The statement timeout the sessions of this connection's role start with ('0': none). */
export async function sessionStatementTimeout(dataSource: DataSource): Promise<string> {
  const [row] = await dataSource.query<{ timeout: string }[]>(`SELECT current_setting('statement_timeout') AS timeout`);
  return row.timeout;
}

/**
 * Makes sure a LOGIN role exists that is a member of registry_api and has no other rights
 * (run as the owner, after the migrations created registry_api), and that it has a default
 * statement timeout (STATEMENT_TIMEOUT, unless it has one of its own already: a role made by an
 * earlier release gets it too). An existing role is otherwise left as it is, password included:
 * several test workers may run this at once.
 */
export async function ensureApiLogin(owner: DataSource, name: string, password?: string): Promise<void> {
  if (!NAME.test(name)) throw new Error(`${name} is not a plain role name`);
  await owner.query(`
    DO $$
    BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ${literal(name)}) THEN
        BEGIN
          CREATE ROLE ${name} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT
            ${password ? `PASSWORD ${literal(password)}` : ''} IN ROLE ${API_ROLE};
        EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
        END;
      END IF;
      IF NOT pg_has_role(${literal(name)}, ${literal(API_ROLE)}, 'MEMBER') THEN
        BEGIN
          GRANT ${API_ROLE} TO ${name};
        EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
        END;
      END IF;
      IF NOT EXISTS (
        SELECT 1 FROM pg_db_role_setting s JOIN pg_roles r ON r.oid = s.setrole
         WHERE r.rolname = ${literal(name)} AND s.setdatabase = 0 AND EXISTS (SELECT 1 FROM unnest(s.setconfig) c WHERE split_part(c, '=', 1) = 'statement_timeout')
      ) THEN
        BEGIN
          ALTER ROLE ${name} SET statement_timeout = ${literal(STATEMENT_TIMEOUT)};
        EXCEPTION WHEN unique_violation THEN NULL;
        END;
      END IF;
    END $$`);
}
