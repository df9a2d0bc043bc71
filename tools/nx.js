#!/usr/bin/env node
// Nx as the workspace's scripts run it (npm start, npm run build, npm run typecheck, the e2e,
// load and fault runs, CI): no Nx Cloud, no daemon, plain output, so that a run prints the same
// in a terminal and in a log. `node tools/nx.js <nx arguments>`, or nx([...]) from a script.
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const root = path.join(__dirname, '..');

/** Runs nx with these arguments in the workspace; throws when it fails. */
function nx(args, { env = {} } = {}) {
  const result = spawnSync(path.join(root, 'node_modules', '.bin', 'nx'), args, {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, ...env, NX_NO_CLOUD: 'true', NX_DAEMON: 'false', NX_TUI: 'false' },
  });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`nx ${args.join(' ')} failed (exit code ${result.status ?? result.signal})`);
}

/** The server (dist/server) and the dashboard (dist/apps/dashboard), each rebuilt only when its inputs changed. */
function build() {
  nx(['run-many', '-t', 'build']);
}

module.exports = { nx, build };

if (require.main === module) {
  try {
    nx(process.argv.slice(2));
  } catch (e) {
    console.error(e.message);
    process.exit(1);
  }
}
