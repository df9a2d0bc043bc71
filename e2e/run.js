#!/usr/bin/env node
// `npm run e2e`: builds through Nx (what changed; the rest comes from its cache), starts the
// registry on a free port with a fresh embedded database (seeded with the demo registry), runs
// the Playwright tests in Chromium, stops it.
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { build } = require('../tools/nx');

const root = path.join(__dirname, '..');

function freePort() {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url, server, timeoutMs = 120000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the app exited with code ${server.exitCode}`);
    try {
      const res = await fetch(`${url}/health`);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the app did not become healthy in time');
}

async function main() {
  build();
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vfr-e2e-'));
  const url = `http://127.0.0.1:${port}`;
  const env = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DEMO_PATIENTS: process.env.DEMO_PATIENTS ?? '300' };
  delete env.DATABASE_URL;
  const log = fs.openSync(path.join(dataDir, 'app.log'), 'w');
  const server = spawn(process.execPath, [path.join(root, 'dist/server/apps/api/src/main.js')], { cwd: root, env, stdio: ['ignore', log, log] });
  let status = 1;
  try {
    await waitForHealth(url, server);
    const jest = spawnSync(
      process.execPath,
      [
        '--experimental-vm-modules',
        '--disable-warning=ExperimentalWarning',
        path.join(root, 'node_modules/jest/bin/jest.js'),
        '-c',
        'e2e/jest.config.js',
        ...process.argv.slice(2),
      ],
      { cwd: root, stdio: 'inherit', env: { ...process.env, E2E_BASE_URL: url } },
    );
    status = jest.status ?? 1;
  } catch (e) {
    console.error(e.message);
    console.error(fs.readFileSync(path.join(dataDir, 'app.log'), 'utf8').slice(-4000));
  } finally {
    // The registry stops its embedded server on SIGTERM; its files are removed once it has.
    server.kill('SIGTERM');
    if (server.exitCode === null) await Promise.race([new Promise((r) => server.once('exit', r)), new Promise((r) => setTimeout(r, 15000))]);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  process.exit(status);
}

main();
