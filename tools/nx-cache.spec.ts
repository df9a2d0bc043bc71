import { execFileSync, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

// Nx replays a task's outputs when the hash of its inputs is one it has seen: a missing input
// ships a stale build. These builds run in a copy of the workspace (its files as they are now,
// ignored ones left out), with a cache of its own, so the working tree and its cache are untouched.
const ROOT = path.resolve(__dirname, '..');
const NX_ENV = { NX_NO_CLOUD: 'true', NX_DAEMON: 'false', NX_TUI: 'false' };
// Only React's development build carries its warnings' texts; this one is in every React page.
const REACT_DEVELOPMENT_TEXT = 'Each child in a list should have a unique';

/** The environment without any NX_ variable of an Nx run this spec may itself run under. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('NX_')));
  return { ...env, ...NX_ENV, ...extra };
}

function copyWorkspace(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vfr-nx-cache-'));
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: ROOT, encoding: 'utf8' })
    .split('\0')
    .filter(Boolean);
  for (const file of files) {
    const from = path.join(ROOT, file);
    if (!fs.existsSync(from)) continue; // deleted in the working tree, not yet committed
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.copyFileSync(from, path.join(dir, file));
  }
  fs.symlinkSync(fs.realpathSync(path.join(ROOT, 'node_modules')), path.join(dir, 'node_modules'));
  return dir;
}

function nx(dir: string, args: string[], env: Record<string, string> = {}): string {
  const run = spawnSync(path.join(dir, 'node_modules', '.bin', 'nx'), [...args, '--output-style=static'], { cwd: dir, env: cleanEnv(env), encoding: 'utf8' });
  const output = `${run.stdout}${run.stderr}`;
  if (run.status !== 0) throw new Error(`nx ${args.join(' ')} failed (${run.status ?? run.signal}):\n${output.slice(-4000)}`);
  return output;
}

/** Whether Nx took the build from its cache instead of running vite (both of its wordings). */
const replayed = (output: string) => /existing outputs match the cache|\[local cache\]/.test(output);

describe('the Nx cache of the dashboard build', () => {
  let dir: string;
  const buildDashboard = (env: Record<string, string> = {}) => nx(dir, ['run', 'dashboard:build'], env);
  const append = (file: string, text: string) => fs.appendFileSync(path.join(dir, file), text);

  beforeAll(() => {
    dir = copyWorkspace();
    // As `NODE_ENV=development npm start` runs it: the build must still be the production one.
    const first = buildDashboard({ NODE_ENV: 'development' });
    expect(replayed(first)).toBe(false);
  }, 180_000);
  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('builds the production bundle whatever NODE_ENV says', () => {
    const assets = path.join(dir, 'dist/apps/dashboard/assets');
    const js = fs.readdirSync(assets).filter((f) => f.endsWith('.js'));
    expect(js.length).toBeGreaterThan(0);
    for (const f of js) expect(fs.readFileSync(path.join(assets, f), 'utf8')).not.toContain(REACT_DEVELOPMENT_TEXT);
  });

  it('replays an unchanged build from the cache', () => {
    expect(replayed(buildDashboard())).toBe(true);
  }, 120_000);

  it('rebuilds after a change to the sources of libs/domain, which it imports', () => {
    append('libs/domain/src/index.ts', `\n// ${randomUUID()}\n`);
    expect(replayed(buildDashboard())).toBe(false);
  }, 120_000);

  it('still replays after a change to a spec alone, which the build does not read', () => {
    append('libs/domain/src/time-points.spec.ts', `\n// ${randomUUID()}\n`);
    append('apps/dashboard/src/methods/methods-anchors.spec.ts', `\n// ${randomUUID()}\n`);
    expect(replayed(buildDashboard())).toBe(true);
  }, 120_000);

  it('rebuilds after a change to docs/methods.md, and serves the new text as /methods.html', () => {
    const token = `Nx cache check ${randomUUID()}`;
    append('docs/methods.md', `\n\n${token}\n`);
    expect(replayed(buildDashboard())).toBe(false);
    expect(fs.readFileSync(path.join(dir, 'dist/apps/dashboard/methods.html'), 'utf8')).toContain(token);
  }, 120_000);
});

describe('the inputs of the server build', () => {
  it('are the sources of the API, its libraries and the migrations, without the specs; tools/ is not compiled', () => {
    const probe = [
      'libs/domain/src/index.ts',
      'libs/api-database/src/index.ts',
      'migrations/index.ts',
      'tsconfig.build.json',
      'tsconfig.base.json',
      'apps/api/src/main.ts',
    ];
    const { files } = JSON.parse(
      execFileSync(path.join(ROOT, 'node_modules', '.bin', 'nx'), ['show', 'target', 'inputs', 'api:build', '--json'], {
        cwd: ROOT,
        env: cleanEnv(),
        encoding: 'utf8',
      }),
    ) as { files: string[] };
    for (const f of probe) expect(files).toContain(f);
    expect(files.filter((f) => /\.spec\.tsx?$/.test(f))).toEqual([]);
    // What tsc compiles into dist/server, and so into the image: no tools/.
    const { include } = JSON.parse(fs.readFileSync(path.join(ROOT, 'tsconfig.build.json'), 'utf8')) as { include: string[] };
    expect(include.filter((p) => p.startsWith('tools'))).toEqual([]);
  }, 60_000);
});
