import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface EmbeddedPostgresOptions {
  /** A directory to keep the database in; omit for an in-memory database. */
  dataDir?: string;
  /** A database image made by `dumpDataDir` (tests load a migrated template this way). */
  loadDataDir?: Blob | File;
  /** Must equal the pg pool size: the socket server resets connections beyond its maximum. */
  maxConnections: number;
}

/**
 * PostgreSQL compiled to WebAssembly (PGlite) served on a Unix socket, so the application talks
 * to it with the ordinary `pg` driver exactly as it talks to a real server. PGlite runs one
 * query at a time; the socket server queues the rest.
 */
export class EmbeddedPostgres {
  private constructor(
    readonly db: PGlite,
    private readonly server: PGLiteSocketServer,
    /** Directory holding the socket: pg's `host` for a Unix socket. */
    readonly socketDir: string,
  ) {}

  readonly port = 5432;

  static async start(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
    if (options.dataDir) fs.mkdirSync(options.dataDir, { recursive: true });
    const db = await PGlite.create({ dataDir: options.dataDir, loadDataDir: options.loadDataDir });
    // Socket paths are limited to ~107 bytes, so the socket lives in a short temporary directory.
    const socketDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vfr-pg-'));
    const server = new PGLiteSocketServer({
      db,
      path: path.join(socketDir, '.s.PGSQL.5432'),
      maxConnections: options.maxConnections,
    });
    await server.start();
    return new EmbeddedPostgres(db, server, socketDir);
  }

  connectionOptions(): { host: string; port: number; username: string; database: string } {
    return { host: this.socketDir, port: this.port, username: 'postgres', database: 'postgres' };
  }

  async stop(): Promise<void> {
    await this.server.stop();
    await this.db.close();
    fs.rmSync(this.socketDir, { recursive: true, force: true });
  }
}
