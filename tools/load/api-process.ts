// The built API as a child process on a free loopback port: what load and fault runs talk to,
// and what a fault run kills and restarts. Tokens are signed with a fixed secret so that they
// stay valid across restarts.
import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
export const SERVER_ENTRY = path.join(ROOT, 'dist/server/apps/api/src/main.js');

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** Builds what changed (server and dashboard), as npm start does. */
export function buildIfStale(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(path.join(ROOT, 'tools/build.js')).build({ force: false });
  if (!fs.existsSync(SERVER_ENTRY)) throw new Error(`${SERVER_ENTRY} is missing after the build`);
}

export interface ApiProcess {
  url: string;
  port: number;
  child: ChildProcess;
  /** Resolves when the process has exited. */
  exited: Promise<number | null>;
  log: string[];
  stop(): Promise<void>;
  kill9(): Promise<void>;
}

export async function startApi(options: { databaseUrl: string; port?: number; env?: Record<string, string>; waitHealthy?: boolean }): Promise<ApiProcess> {
  const port = options.port ?? (await freePort());
  const log: string[] = [];
  const child = spawn(process.execPath, [SERVER_ENTRY], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: options.databaseUrl, JWT_SECRET: process.env.JWT_SECRET ?? 'load-and-fault-runs-only-secret', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (b: Buffer) => {
    log.push(...b.toString().split('\n').filter(Boolean));
    if (log.length > 500) log.splice(0, log.length - 500);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const api: ApiProcess = {
    url, port, child, exited, log,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (child.exitCode === null && child.signalCode === null) await api.kill9();
    },
    async kill9() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
  if (options.waitHealthy !== false) await waitFor(async () => (await fetch(`${url}/health`)).status === 200, 120_000, () => `the API did not become healthy:\n${log.slice(-20).join('\n')}`, exited);
  return api;
}

export async function waitFor(check: () => Promise<boolean>, timeoutMs: number, message: () => string, abort?: Promise<unknown>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let aborted = false;
  abort?.then(() => (aborted = true));
  while (Date.now() < deadline) {
    if (aborted) throw new Error(`the process exited: ${message()}`);
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(message());
}
