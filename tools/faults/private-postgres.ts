// A private PostgreSQL cluster in a temporary directory on a free port, which a fault run may
// stop and start at will. Uses the server binaries of the machine (Debian puts them under
// /usr/lib/postgresql/<version>/bin); as root, the server runs as the postgres user.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { freePort } from '../load/api-process';

export function findPostgresBin(): string {
  const candidates = [process.env.PG_BIN, ...['15', '16', '17', '18', '14'].map((v) => `/usr/lib/postgresql/${v}/bin`)].filter(Boolean) as string[];
  try {
    candidates.push(execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim());
  } catch {
    // pg_config is optional: the Debian paths above usually hold the binaries.
  }
  const bin = candidates.find((d) => fs.existsSync(path.join(d, 'initdb')) && fs.existsSync(path.join(d, 'pg_ctl')));
  if (!bin) throw new Error('PostgreSQL server binaries (initdb, pg_ctl) not found: install postgresql-15 or set PG_BIN to their directory');
  return bin;
}

export class PrivatePostgres {
  private constructor(
    readonly bin: string,
    readonly dir: string,
    readonly port: number,
    private readonly asUser: string | null,
  ) {}

  static async create(): Promise<PrivatePostgres> {
    const bin = findPostgresBin();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vfr-faults-pg-'));
    const asUser = process.getuid?.() === 0 ? 'postgres' : null;
    if (asUser) execFileSync('chown', [asUser, dir]);
    const pg = new PrivatePostgres(bin, dir, await freePort(), asUser);
    pg.run('initdb', ['-D', pg.dataDir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8']);
    fs.appendFileSync(
      path.join(pg.dataDir, 'postgresql.conf'),
      `\nport = ${pg.port}\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '${dir}'\nfsync = on\nmax_connections = 100\n`,
    );
    return pg;
  }

  get dataDir(): string {
    return path.join(this.dir, 'data');
  }

  url(database = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  private run(tool: string, args: string[]): string {
    const exe = path.join(this.bin, tool);
    const [cmd, argv] = this.asUser ? ['runuser', ['-u', this.asUser, '--', exe, ...args]] : [exe, args];
    return execFileSync(cmd, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  }

  start(): void {
    this.run('pg_ctl', ['-D', this.dataDir, '-l', path.join(this.dir, 'server.log'), '-w', '-t', '60', 'start']);
  }

  /** immediate: as a crash (recovery from the WAL on the next start); fast: a clean shutdown. */
  stop(mode: 'immediate' | 'fast' = 'fast'): void {
    this.run('pg_ctl', ['-D', this.dataDir, '-m', mode, '-w', '-t', '60', 'stop']);
  }

  destroy(): void {
    try {
      this.stop('immediate');
    } catch {
      // Already stopped.
    }
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
