import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

// `nx affected -t test` runs the test target of each project a change reaches; a spec outside
// every project with that target would never run there, while `npm test` (one jest run over the
// whole workspace) still would. Each project's target runs jest on its own folder (--roots).
const ROOT = path.resolve(__dirname, '..');
const env = {
  ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('NX_'))),
  NX_NO_CLOUD: 'true',
  NX_DAEMON: 'false',
  NX_TUI: 'false',
};
const nx = (args: string[]) => execFileSync(path.join(ROOT, 'node_modules', '.bin', 'nx'), args, { cwd: ROOT, env, encoding: 'utf8' });

describe('the Nx projects', () => {
  it('give every spec that npm test runs to a project with a test target on its folder', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vfr-nx-graph-'));
    let nodes: Record<string, { data: { root: string; targets: Record<string, { options?: { command?: string } }> } }>;
    try {
      nx(['graph', `--file=${path.join(dir, 'graph.json')}`]);
      nodes = (JSON.parse(fs.readFileSync(path.join(dir, 'graph.json'), 'utf8')) as { graph: { nodes: typeof nodes } }).graph.nodes;
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    const roots = Object.values(nodes)
      .filter((node) => node.data.targets.test)
      .map(({ data }) => {
        expect(data.targets.test.options?.command).toContain(`--roots=${data.root}`);
        return data.root;
      });
    const specs = execFileSync(process.execPath, [path.join(ROOT, 'node_modules/jest/bin/jest.js'), '--listTests'], { cwd: ROOT, encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map((f) => path.relative(ROOT, f));
    expect(specs.length).toBeGreaterThan(100);
    const orphans = specs.filter((spec) => !roots.some((root) => root !== '.' && spec.startsWith(`${root}/`)));
    expect(orphans).toEqual([]);
  }, 120_000);
});
