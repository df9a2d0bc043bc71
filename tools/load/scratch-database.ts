import { Client } from 'pg';

/** A throwaway copy of a registry database (CREATE DATABASE ... TEMPLATE), dropped afterwards. */
export async function copyDatabase(sourceUrl: string, suffix: string): Promise<{ url: string; drop(): Promise<void> }> {
  const source = new URL(sourceUrl);
  const sourceName = decodeURIComponent(source.pathname.slice(1));
  const name = `${sourceName}_${suffix}_${process.pid}`.replace(/[^a-z0-9_]/gi, '_').toLowerCase();
  const admin = new URL(sourceUrl);
  admin.pathname = '/postgres';
  const run = async (sql: string) => {
    const c = new Client({ connectionString: admin.toString() });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  try {
    await run(`CREATE DATABASE "${name}" TEMPLATE "${sourceName}"`);
  } catch (e) {
    throw new Error(`could not copy ${sourceName} (${e instanceof Error ? e.message : String(e)}); close its other connections or pass --in-place`, {
      cause: e,
    });
  }
  const url = new URL(sourceUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}
