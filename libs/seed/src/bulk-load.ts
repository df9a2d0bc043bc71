import { EntityManager } from 'typeorm';

/**
 * What a bulk load set aside on its tables, to be put back exactly as it was (the definitions as
 * the catalog prints them).
 */
export interface SetAside {
  indexes: { name: string; definition: string }[];
  foreignKeys: { table: string; name: string; definition: string }[];
}

/**
 * Sets aside, for the rest of the transaction, the secondary indexes and the foreign keys of these
 * (empty) tables, as a restore does: a row copied into a table then costs one heap write instead
 * of one per index and a lookup per foreign key, and `restoreAfterBulkLoad` builds each index once
 * by a sort and checks each foreign key once over the whole table. The rows are as checked as
 * before: the rebuilt unique indexes refuse a duplicate and the foreign keys a dangling
 * reference, failing the transaction. Indexes that back a constraint or that a foreign key leans
 * on (the primary keys) stay, and so do the tables' triggers (the same-patient checks).
 * Takes the tables' exclusive locks until the transaction ends: for a registry being seeded.
 */
export async function setAsideForBulkLoad(manager: EntityManager, tables: readonly string[]): Promise<SetAside> {
  const foreignKeys: SetAside['foreignKeys'] = await manager.query(
    `SELECT c.conrelid::regclass::text AS "table", quote_ident(c.conname) AS name, pg_get_constraintdef(c.oid) AS definition
     FROM pg_constraint c WHERE c.contype = 'f' AND c.conrelid = ANY($1::regclass[]) ORDER BY c.conrelid::regclass::text, c.conname`,
    [tables],
  );
  const indexes: SetAside['indexes'] = await manager.query(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
     FROM pg_index i
     WHERE i.indrelid = ANY($1::regclass[]) AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
     ORDER BY 1`,
    [tables],
  );
  // Only for tables still empty: a load into a registry in use must keep its indexes for its readers.
  for (const table of tables) {
    const [{ n }]: { n: number }[] = await manager.query(`SELECT count(*)::int AS n FROM (SELECT 1 FROM "${table}" LIMIT 1) x`);
    if (n > 0) throw new Error(`a bulk load sets aside indexes only on empty tables; ${table} holds rows`);
  }
  for (const fk of foreignKeys) await manager.query(`ALTER TABLE ${fk.table} DROP CONSTRAINT ${fk.name}`);
  for (const index of indexes) await manager.query(`DROP INDEX ${index.name}`);
  return { indexes, foreignKeys };
}

/** Builds the indexes and adds the foreign keys back (each checked over every row), in the same transaction. */
export async function restoreAfterBulkLoad(manager: EntityManager, setAside: SetAside): Promise<void> {
  for (const index of setAside.indexes) await manager.query(index.definition);
  for (const fk of setAside.foreignKeys) await manager.query(`ALTER TABLE ${fk.table} ADD CONSTRAINT ${fk.name} ${fk.definition}`);
}
