import { BackupError, quoteIdent } from './backup.format';

/** Something SQL can be sent to: a `pg` connection or PGlite. */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

export interface CatalogTable {
  name: string;
  columns: string[];
  /** ORDER BY clause that sorts the rows the same way on every server. */
  orderBy: string;
}

export interface Catalog {
  /** Every table of the public schema but `migrations` and PROCESS_STATE_TABLES, parents before children. */
  tables: CatalogTable[];
  /** Sequences of the public schema, except the one of the migrations table. */
  sequences: string[];
}

// The table TypeORM keeps the applied migrations in: the backup records its names in the header
// instead of its rows, and the restore's own migration run fills it.
export const MIGRATIONS_TABLE = 'migrations';

/**
 * Tables whose rows the migrations themselves write (a one-row probe that /health rewrites, the
 * secret behind the record keys): a freshly migrated database holds them and is still empty of
 * registry data. A restore replaces them with the backup's rows, so that the record keys, and so
 * every perturbed figure, come back as they were. A test checks this list against what a fresh
 * migration run writes.
 */
export const SEEDED_BY_MIGRATIONS = ['health_probe', 'disclosure_secret'];

/**
 * Tables of the running API processes' shared state, not of the registry (the sign-in throttle's
 * counts, the questionnaire path's request counts, the processes' registrations): a backup leaves them out, and a restore neither brings
 * them back nor minds their rows. They expire within the hour anyway.
 */
export const PROCESS_STATE_TABLES = ['login_throttle_pair', 'login_throttle_address', 'api_process', 'questionnaire_throttle'];

/**
 * Reads the tables, their columns and foreign keys from the catalog (pg_class, pg_attribute,
 * pg_constraint), so that a table added by a future migration is saved without a change here.
 */
export async function readCatalog(db: Queryable): Promise<Catalog> {
  const tables = await db.query<{ oid: string; name: string }>(
    `SELECT c.oid::text AS oid, c.relname AS name
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND c.relname <> $1
        AND c.relname NOT IN (${PROCESS_STATE_TABLES.map((t) => `'${t}'`).join(', ')})
      ORDER BY c.relname`,
    [MIGRATIONS_TABLE],
  );
  const columns = await db.query<{ table: string; name: string; collatable: boolean }>(
    `SELECT a.attrelid::text AS table, a.attname AS name, a.attcollation <> 0 AS collatable
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
      ORDER BY a.attrelid, a.attnum`,
  );
  const keys = await db.query<{ table: string; columns: string[] }>(
    `SELECT k.conrelid::text AS table, array_agg(a.attname::text ORDER BY u.ord) AS columns
       FROM pg_constraint k
       CROSS JOIN LATERAL unnest(k.conkey) WITH ORDINALITY AS u(attnum, ord)
       JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.attnum
       JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND k.contype = 'p'
      GROUP BY k.conrelid`,
  );
  const foreignKeys = await db.query<{ child: string; parent: string }>(
    `SELECT DISTINCT k.conrelid::text AS child, k.confrelid::text AS parent
       FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND k.contype = 'f'`,
  );
  const sequences = await db.query<{ name: string }>(
    `SELECT s.relname AS name
       FROM pg_class s JOIN pg_namespace n ON n.oid = s.relnamespace
      WHERE n.nspname = 'public' AND s.relkind = 'S'
        AND NOT EXISTS (
          SELECT 1 FROM pg_depend d JOIN pg_class t ON t.oid = d.refobjid
           WHERE d.classid = 'pg_class'::regclass AND d.objid = s.oid AND d.deptype IN ('a', 'i') AND t.relname = $1)
      ORDER BY s.relname`,
    [MIGRATIONS_TABLE],
  );

  const byOid = new Map(tables.map((t) => [t.oid, t.name]));
  const described = new Map<string, CatalogTable>();
  for (const t of tables) {
    const cols = columns.filter((c) => c.table === t.oid);
    const pk = keys.find((k) => k.table === t.oid)?.columns;
    const collate = (name: string) => (cols.find((c) => c.name === name)?.collatable ? ' COLLATE "C"' : '');
    // Rows in primary-key order (text keys in byte order, whatever the server's collation); a
    // table without a primary key in the order of its rows' text.
    const orderBy = pk ? pk.map((c) => `${quoteIdent(c)}${collate(c)}`).join(', ') : `${quoteIdent(t.name)}::text COLLATE "C"`;
    described.set(t.name, { name: t.name, columns: cols.map((c) => c.name), orderBy });
  }

  // Parents before children (Kahn's algorithm, ties by name so the order is stable).
  const parents = new Map<string, Set<string>>(tables.map((t) => [t.name, new Set<string>()]));
  for (const fk of foreignKeys) {
    const child = byOid.get(fk.child);
    const parent = byOid.get(fk.parent);
    if (child && parent && child !== parent) parents.get(child)!.add(parent);
  }
  const ordered: CatalogTable[] = [];
  const done = new Set<string>();
  while (ordered.length < tables.length) {
    const ready = tables.map((t) => t.name).filter((n) => !done.has(n) && [...parents.get(n)!].every((p) => done.has(p)));
    if (ready.length === 0) {
      const left = tables.map((t) => t.name).filter((n) => !done.has(n));
      throw new BackupError(`The tables ${left.join(', ')} refer to each other in a cycle of foreign keys; this backup format cannot order them.`);
    }
    for (const n of ready) {
      done.add(n);
      ordered.push(described.get(n)!);
    }
  }
  return { tables: ordered, sequences: sequences.map((s) => s.name) };
}

/** The COPY that renders a table's rows, sorted, as text. */
export function copyOutStatement(table: string, columns: string[], orderBy: string): string {
  return `COPY (SELECT ${columns.map(quoteIdent).join(', ')} FROM public.${quoteIdent(table)} ORDER BY ${orderBy}) TO STDOUT`;
}
