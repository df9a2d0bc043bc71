#!/usr/bin/env node
// `npm run e2e`: builds through Nx (what changed; the rest comes from its cache), starts the
// registry on a free port with a fresh embedded database (seeded with the demo registry), runs
// the Playwright tests in Chromium, stops it.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { SMTPServer } = require('smtp-server');
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
  // A real SMTP server for the questionnaire links' email: each message it receives is a file the
  // tests read (E2E_MAIL_DIR), so a link can be followed from the mail as a patient would.
  const mailDir = path.join(dataDir, 'mail');
  fs.mkdirSync(mailDir);
  const smtpPort = await freePort();
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, done) {
      const chunks = [];
      stream.on('data', (c) => chunks.push(c));
      stream.on('end', () => {
        fs.writeFileSync(path.join(mailDir, `${Date.now()}-${fs.readdirSync(mailDir).length}.eml`), Buffer.concat(chunks));
        done();
      });
    },
  });
  await new Promise((resolve) => smtp.listen(smtpPort, '127.0.0.1', resolve));
  const env = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    DEMO_PATIENTS: process.env.DEMO_PATIENTS ?? '300',
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    PUBLIC_URL: url,
  };
  delete env.DATABASE_URL;
  const log = fs.openSync(path.join(dataDir, 'app.log'), 'w');
  const server = spawn(process.execPath, [path.join(root, 'dist/server/apps/api/src/main.js')], { cwd: root, env, stdio: ['ignore', log, log] });
  let status = 1;
  try {
    await waitForHealth(url, server);
    // Not spawnSync: the SMTP server above answers while the tests run.
    const jest = spawn(
      process.execPath,
      [
        '--experimental-vm-modules',
        '--disable-warning=ExperimentalWarning',
        path.join(root, 'node_modules/jest/bin/jest.js'),
        '-c',
        'e2e/jest.config.js',
        ...process.argv.slice(2),
      ],
      { cwd: root, stdio: 'inherit', env: { ...process.env, E2E_BASE_URL: url, E2E_MAIL_DIR: mailDir } },
    );
    status = await new Promise((resolve) => jest.once('exit', (code) => resolve(code ?? 1)));
  } catch (e) {
    console.error(e.message);
    console.error(fs.readFileSync(path.join(dataDir, 'app.log'), 'utf8').slice(-4000));
  } finally {
    // The registry stops its embedded server on SIGTERM; its files are removed once it has.
    server.kill('SIGTERM');
    if (server.exitCode === null) await Promise.race([new Promise((r) => server.once('exit', r)), new Promise((r) => setTimeout(r, 15000))]);
    await new Promise((resolve) => smtp.close(resolve));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  process.exit(status);
}

main();
