// The built API as a child process on a free loopback port: what load and fault runs talk to,
// and what a fault run kills and restarts. Tokens are signed with a fixed secret so that they
// stay valid across restarts. The API runs either on the PostgreSQL server in a URL or, as by
// default, on the embedded PostgreSQL under a DATA_DIR (started by the API itself, as its child).
import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { freePort } from '@vfr/api-testing';
import { build } from '../nx';

const ROOT = path.resolve(__dirname, '../..');
export const SERVER_ENTRY = path.join(ROOT, 'dist/server/apps/api/src/main.js');

// The test harness's free-port helper, shared with the servers its tests start.
export { freePort };

/** Builds what changed (server and dashboard) through Nx, as npm start does. */
export function buildIfStale(): void {
  build();
  if (!fs.existsSync(SERVER_ENTRY)) throw new Error(`${SERVER_ENTRY} is missing after the build`);
}

export interface ApiProcess {
  url: string;
  port: number;
  pid: number;
  child: ChildProcess;
  /** Resolves when the process has exited. */
  exited: Promise<number | null>;
  log: string[];
  stop(): Promise<void>;
  /** SIGKILL of the API process alone: its embedded PostgreSQL, if any, is left running. */
  kill9(): Promise<void>;
  /**
   * SIGKILL of the API and of every process it started (the embedded PostgreSQL with its
   * backends, an initdb under way), all stopped first so that none acts after another died.
   * Returns the processes killed besides the API.
   */
  killTree(): Promise<{ pid: number; command: string }[]>;
}

export interface StartOptions {
  /** A PostgreSQL server; or else */
  databaseUrl?: string;
  /** the embedded PostgreSQL in this DATA_DIR (DATABASE_URL is then removed from the API's environment). */
  dataDir?: string;
  port?: number;
  env?: Record<string, string>;
  waitHealthy?: boolean;
  healthyWithinMs?: number;
}

/** The environment the API gets: one database, never both. */
export function apiEnvironment(options: Pick<StartOptions, 'databaseUrl' | 'dataDir' | 'env'>): NodeJS.ProcessEnv {
  if (!options.databaseUrl === !options.dataDir) throw new Error('give the API either a database URL or a DATA_DIR');
  const env: NodeJS.ProcessEnv = { ...process.env, JWT_SECRET: process.env.JWT_SECRET ?? 'load-and-fault-runs-only-secret' };
  delete env.DATABASE_URL;
  delete env.DATABASE_REPLICA_URLS;
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
  else env.DATA_DIR = options.dataDir;
  return { ...env, ...options.env };
}

export async function startApi(options: StartOptions): Promise<ApiProcess> {
  const port = options.port ?? (await freePort());
  const log: string[] = [];
  const child = spawn(process.execPath, [SERVER_ENTRY], {
    cwd: ROOT,
    env: apiEnvironment({ ...options, env: { PORT: String(port), HOST: '127.0.0.1', ...options.env } }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (b: Buffer) => {
    log.push(...b.toString().split('\n').filter(Boolean));
    if (log.length > 500) log.splice(0, log.length - 500);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const api: ApiProcess = {
    url,
    port,
    pid: child.pid!,
    child,
    exited,
    log,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (child.exitCode === null && child.signalCode === null) await api.kill9();
    },
    async kill9() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
    async killTree() {
      if (child.exitCode !== null || child.signalCode !== null) return [];
      const killed = killProcessTree(child.pid!);
      await exited;
      await waitUntilGone(
        killed.map((k) => k.pid),
        10_000,
      );
      return killed;
    },
  };
  if (options.waitHealthy !== false)
    await waitFor(
      async () => (await fetch(`${url}/health`)).status === 200,
      options.healthyWithinMs ?? 120_000,
      () => `the API did not become healthy:\n${log.slice(-20).join('\n')}`,
      exited,
    );
  return api;
}

/** A process's parent, state and command line from /proc (undefined once it is gone). */
function procInfo(pid: number): { ppid: number; state: string; command: string } | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const command = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
    return { state: fields[0], ppid: Number(fields[1]), command };
  } catch {
    return undefined;
  }
}

/** Every live process below pid (children, their children, ...), from /proc. */
export function descendants(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const info = procInfo(Number(entry));
    if (!info || info.state === 'Z') continue;
    children.set(info.ppid, [...(children.get(info.ppid) ?? []), Number(entry)]);
  }
  const found: number[] = [];
  const queue = [pid];
  while (queue.length) {
    for (const c of children.get(queue.shift()!) ?? []) {
      found.push(c);
      queue.push(c);
    }
  }
  return found;
}

/** Whether pid is a process that still runs (a zombie does not). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const info = procInfo(pid);
  return info !== undefined && info.state !== 'Z';
}

/**
 * SIGSTOP to the process and all below it (again until no new one appears: a server may fork
 * a backend meanwhile), then SIGKILL to all: as if they all died at the same instant.
 */
export function killProcessTree(pid: number): { pid: number; command: string }[] {
  const stopped = new Map<number, string>();
  const signal = (p: number, s: NodeJS.Signals) => {
    try {
      process.kill(p, s);
    } catch {
      // already gone
    }
  };
  for (let round = 0; round < 5; round++) {
    const found = [pid, ...descendants(pid)].filter((p) => !stopped.has(p));
    if (!found.length) break;
    for (const p of found) {
      stopped.set(p, procInfo(p)?.command ?? '?');
      signal(p, 'SIGSTOP');
    }
  }
  for (const p of stopped.keys()) signal(p, 'SIGKILL');
  stopped.delete(pid);
  return [...stopped].map(([p, command]) => ({ pid: p, command }));
}

export async function waitUntilGone(pids: number[], timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (pids.some(isRunning)) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
  return true;
}

/** Processes whose command line mentions a directory (a server or initdb left running on a DATA_DIR). */
export function processesUsing(dir: string): { pid: number; command: string }[] {
  const found: { pid: number; command: string }[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    const info = procInfo(Number(entry));
    if (info && info.state !== 'Z' && info.command.includes(dir)) found.push({ pid: Number(entry), command: info.command });
  }
  return found;
}

export async function waitFor(check: () => Promise<boolean>, timeoutMs: number, message: () => string, abort?: Promise<unknown>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let aborted = false;
  // The process's exit (the only abort passed) never rejects.
  void abort?.then(() => (aborted = true));
  while (Date.now() < deadline) {
    if (aborted) throw new Error(`the process exited: ${message()}`);
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(message());
}
