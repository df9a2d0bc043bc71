#!/usr/bin/env node
// Builds what is out of date: the server (TypeScript -> dist/server) and the dashboard (Vite ->
// dist/apps/dashboard). `--force` rebuilds both. Freshness is judged by file times against a
// stamp written after each successful build.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

// The results that bench, load and fault runs write under tools/*/results are not sources.
function newest(dirs, skip = /node_modules|dist|[\\/]results$|\.spec\.tsx?$/) {
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

// The budget for the dashboard: all its JavaScript, lazy chunks included, gzipped.
const JS_BUDGET_BYTES = 400 * 1024;

function checkDashboardSize() {
  const zlib = require('node:zlib');
  const assets = path.join(root, 'dist/apps/dashboard/assets');
  const files = fs.readdirSync(assets).filter((f) => f.endsWith('.js'));
  const sizes = files.map((f) => ({ f, gz: zlib.gzipSync(fs.readFileSync(path.join(assets, f)), { level: 9 }).length }));
  const total = sizes.reduce((sum, s) => sum + s.gz, 0);
  const largest = sizes.sort((a, b) => b.gz - a.gz).slice(0, 3).map((s) => `${s.f} ${(s.gz / 1024).toFixed(1)} KB`);
  console.log(`Dashboard JavaScript: ${(total / 1024).toFixed(1)} KB gzipped in ${files.length} files (largest: ${largest.join(', ')}); budget ${JS_BUDGET_BYTES / 1024} KB`);
  if (total > JS_BUDGET_BYTES) {
    fs.rmSync(path.join(root, 'dist/apps/dashboard/.stamp'), { force: true });
    throw new Error(`the dashboard's JavaScript is ${(total / 1024).toFixed(1)} KB gzipped, over the ${JS_BUDGET_BYTES / 1024} KB budget`);
  }
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
    checkDashboardSize();
  }
}

module.exports = { build };
if (require.main === module) build({ force: process.argv.includes('--force') });
