import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { EmbeddedPostgres } from './embedded-postgres';
import { openDatabase } from './open-database';
import { processIsRunning } from './process-alive';

// What a registry killed with SIGKILL leaves in DATA_DIR must not stop the next start.
describe('embedded PostgreSQL after a kill', () => {
  let dataDir: string;
  const children: ChildProcess[] = [];
  // As root the server runs as the user postgres, and PostgreSQL takes a PID it may not signal
  // for someone else's: a process standing for its own killed server runs as that user too.
  const serverUser = () => {
    if (process.getuid?.() !== 0) return {};
    const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
    return { uid: id('-u'), gid: id('-g') };
  };
  const idle = (...args: string[]) => {
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 120000)', ...args], { stdio: 'ignore', ...serverUser() });
    children.push(child);
    return child;
  };

  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vfr-embedded-kill-'));
    fs.chmodSync(dataDir, 0o755);
  });
  afterAll(async () => {
    await Promise.all(
      children.filter((c) => c.exitCode === null && c.signalCode === null).map((c) => new Promise((r) => (c.once('exit', r), c.kill('SIGKILL')))),
    );
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function selectOne(pg: EmbeddedPostgres): Promise<number> {
    const client = new Client({ host: pg.socketDir, port: pg.port, user: 'postgres', database: pg.database });
    await client.connect();
    try {
      return (await client.query('SELECT 1 AS one')).rows[0].one;
    } finally {
      await client.end();
    }
  }

  it('removes the work directory of a first start killed during initdb, and kills an initdb still running on it', async () => {
    const clusterDir = path.join(dataDir, 'postgres');
    const abandoned = `${clusterDir}.initdb-999999`;
    fs.mkdirSync(path.join(abandoned, 'global'), { recursive: true });
    fs.writeFileSync(path.join(abandoned, 'global', 'pg_control'), 'half-made');
    // Stands for an initdb whose registry process was killed: its command line names the directory.
    const orphan = idle('-D', abandoned);
    await new Promise((r) => setTimeout(r, 200));
    const pg = await EmbeddedPostgres.start({ dataDir });
    try {
      expect(await selectOne(pg)).toBe(1);
      expect(fs.readdirSync(dataDir).filter((f) => f.startsWith('postgres.initdb-'))).toEqual([]);
      expect(processIsRunning(orphan.pid!)).toBe(false);
    } finally {
      await pg.stop();
    }
  });

  it("removes the socket directory that a killed registry's server left, named by its stale lock", async () => {
    const dead = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
    await new Promise((r) => dead.once('exit', r));
    const leftover = fs.mkdtempSync(path.join(os.tmpdir(), 'vfr-pg-'));
    fs.writeFileSync(path.join(leftover, '.s.PGSQL.5432.lock'), 'stale');
    fs.writeFileSync(
      path.join(dataDir, 'registry.lock'),
      JSON.stringify({ pid: dead.pid, command: 'killed', startedAt: new Date().toISOString(), socketDir: leftover }),
    );
    const db = await openDatabase({ dataDir, replicaUrls: [], poolSize: 1 }, { entities: [], migrations: [] });
    try {
      expect(fs.existsSync(leftover)).toBe(false);
      expect(fs.existsSync(db.embedded!.socketDir)).toBe(true);
    } finally {
      await db.close();
    }
  });

  it('starts although postmaster.pid names a live process that is not its server (a killed server not yet reaped, or a PID taken since)', async () => {
    const other = idle();
    await new Promise((r) => setTimeout(r, 200));
    fs.writeFileSync(
      path.join(dataDir, 'postgres', 'postmaster.pid'),
      `${other.pid}\n${path.join(dataDir, 'postgres')}\n1700000000\n5432\n/tmp\n\n  5432001    0\nready\n`,
    );
    const pg = await EmbeddedPostgres.start({ dataDir });
    try {
      expect(await selectOne(pg)).toBe(1);
      expect(processIsRunning(other.pid!)).toBe(true);
    } finally {
      await pg.stop();
    }
  });
});
