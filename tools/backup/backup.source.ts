import type { PGlite } from '@electric-sql/pglite';
import type { ClientBase } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { Queryable } from './backup.catalog';

/** What a backup is read from: SQL, and COPY ... TO STDOUT as a stream of bytes. */
export interface BackupSource extends Queryable {
  kind: 'server' | 'embedded' | 'pglite';
  copyOut(statement: string): AsyncIterable<Buffer>;
}

/** One `pg` connection (a server, or the embedded PostgreSQL through its socket). */
export function pgSource(client: ClientBase, kind: 'server' | 'embedded'): BackupSource {
  return {
    kind,
    async query<T>(sql: string, params?: unknown[]): Promise<T[]> {
      return (await client.query(sql, params)).rows as T[];
    },
    copyOut(statement: string): AsyncIterable<Buffer> {
      return client.query(copyTo(statement));
    },
  };
}

/**
 * PGlite, the WebAssembly PostgreSQL of earlier releases (only `npm run upgrade-data` reads it).
 * It has no COPY protocol to stream: `COPY ... TO '/dev/blob'` hands over a table's text whole,
 * which suits the small registries that it held.
 */
export function pgliteSource(db: PGlite): BackupSource {
  return {
    kind: 'pglite',
    async query<T>(sql: string, params?: unknown[]): Promise<T[]> {
      return (await db.query<T>(sql, params)).rows;
    },
    async *copyOut(statement: string): AsyncIterable<Buffer> {
      const result = await db.query(statement.replace(/ TO STDOUT$/, ` TO '/dev/blob'`));
      if (!result.blob) return;
      yield Buffer.from(await result.blob.arrayBuffer());
    },
  };
}
