import { spawn } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as path from 'node:path';
import { Client } from 'pg';
import { ensureApiLogin, openDatabase } from '@vfr/api-database';
import { SERVER_API_LOGIN } from '@vfr/api-testing';
import { REGISTRY_SCHEMA } from '@vfr/api-app';

const ROOT = path.resolve(__dirname, '../../..');
const server = process.env.TEST_DATABASE_URL;

/** `node apps/api/src/main.ts`, as `npm start` runs it; stopped once it serves or exits. */
function start(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'tools/run-ts.js'), 'apps/api/src/main.ts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        JWT_SECRET: 'a-secret-for-this-test-only-32-characters-or-more',
        DATABASE_MIGRATION_URL: '',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const seen = (d: Buffer) => {
      output += d.toString();
      if (/is running at/.test(output)) child.kill('SIGTERM');
    };
    child.stdout.on('data', seen);
    child.stderr.on('data', seen);
    const timer = setTimeout(() => child.kill('SIGKILL'), 90000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

// A server deployment serves as the restricted role; the API refuses an owner or a superuser in
// production. Needs a PostgreSQL server (TEST_DATABASE_URL).
(server ? describe : describe.skip)('starting against a PostgreSQL server with two roles', () => {
  const name = `vfr_test_roles_${process.pid}_${crypto.randomBytes(3).toString('hex')}`;
  const url = (login?: { username: string; password: string }) => {
    const u = new URL(server!);
    u.pathname = `/${name}`;
    if (login) {
      u.username = login.username;
      u.password = login.password;
    }
    return u.toString();
  };

  beforeAll(async () => {
    const admin = new Client({ connectionString: server });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    // The API's login role exists once registry_api does (made by the migrations).
    const owner = await openDatabase({ url: url(), replicaUrls: [], dataDir: '', poolSize: 1 }, REGISTRY_SCHEMA);
    try {
      await owner.dataSource.runMigrations({ transaction: 'each' });
      await ensureApiLogin(owner.dataSource, SERVER_API_LOGIN.username, SERVER_API_LOGIN.password);
    } finally {
      await owner.close();
    }
  }, 120000);

  afterAll(async () => {
    const admin = new Client({ connectionString: server });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });

  it('refuses, in production, to serve as a role that could rewrite the audit trail', async () => {
    const r = await start({ NODE_ENV: 'production', DATABASE_URL: url() });
    expect(r.code).toBe(1);
    expect(r.output).toMatch(
      /Could not start the registry: DATABASE_URL's role \(\w+\) (is a superuser|owns the registry's tables).*could rewrite the audit trail/,
    );
  }, 120000);

  it('migrates as the owner, serves as the restricted role, and holds the first admin to the password rule', async () => {
    const env = { NODE_ENV: 'production', DATABASE_MIGRATION_URL: url(), DATABASE_URL: url(SERVER_API_LOGIN), ADMIN_EMAIL: 'first.admin@hospital.org' };
    const weak = await start({ ...env, ADMIN_PASSWORD: 'password123' });
    expect(weak.code).toBe(1);
    expect(weak.output).toMatch(/ADMIN_PASSWORD is too easy to guess/);
    const ok = await start({ ...env, ADMIN_PASSWORD: 'three unrelated words' });
    expect(ok.output).toMatch(/Created the first admin, first\.admin@hospital\.org/);
    expect(ok.output).toMatch(/is running at/);
    expect(ok.output).not.toMatch(/could rewrite the audit trail/);
  }, 180000);
});
