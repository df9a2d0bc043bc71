#!/usr/bin/env node
// Builds what is out of date: the server (TypeScript -> dist/server) and the dashboard (Vite ->
// dist/apps/dashboard). `--force` rebuilds both. Freshness is judged by file times against a
// stamp written after each successful build.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

function newest(dirs, skip = /node_modules|dist|\.spec\.tsx?$/) {
  let latest = 0;
  const walk = (p) => {
    if (skip.test(p)) return;
    const st = fs.statSync(p);
    if (st.isDirectory()) fs.readdirSync(p).forEach((f) => walk(path.join(p, f)));
    else latest = Math.max(latest, st.mtimeMs);
  };
  dirs.map((d) => path.join(root, d)).filter(fs.existsSync).forEach(walk);
  return latest;
}

function stale(stamp, dirs) {
  const file = path.join(root, stamp);
  return !fs.existsSync(file) || fs.statSync(file).mtimeMs < newest(dirs);
}

function run(label, stamp, steps) {
  const started = Date.now();
  process.stdout.write(`Building ${label}... `);
  for (const [cmd, args] of steps) execFileSync(cmd, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  fs.mkdirSync(path.dirname(path.join(root, stamp)), { recursive: true });
  fs.writeFileSync(path.join(root, stamp), new Date().toISOString());
  console.log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

function build({ force = false } = {}) {
  const server = ['apps/api/src', 'libs', 'migrations', 'tools', 'tsconfig.base.json', 'tsconfig.build.json', 'package.json'];
  if (force || stale('dist/server/.stamp', server)) {
    run('the API', 'dist/server/.stamp', [
      [bin('tsc'), ['-p', 'tsconfig.build.json']],
      [bin('tsc-alias'), ['-p', 'tsconfig.build.json']],
    ]);
  }
  const dashboard = ['apps/dashboard', 'libs/domain/src', 'libs/dashboard-ui'];
  if (force || stale('dist/apps/dashboard/.stamp', dashboard)) {
    run('the dashboard', 'dist/apps/dashboard/.stamp', [[bin('vite'), ['build', '--logLevel', 'warn', '--config', 'apps/dashboard/vite.config.mts']]]);
  }
}

module.exports = { build };
if (require.main === module) build({ force: process.argv.includes('--force') });
