import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';

/** The budget for the dashboard: all its JavaScript, lazy chunks included, gzipped. */
export const JS_BUDGET_BYTES = 400 * 1024;

export interface BundleSize {
  /** Gzipped bytes of every .js file, summed. */
  total: number;
  files: { file: string; gzipped: number }[];
}

/** Every .js file of a built assets directory, gzipped at the level a server would use at most. */
export function measureBundle(assetsDir: string): BundleSize {
  if (!fs.existsSync(assetsDir)) throw new Error(`${assetsDir} does not exist: build the dashboard first (npx nx run dashboard:build)`);
  const files = fs
    .readdirSync(assetsDir)
    .filter((f) => f.endsWith('.js'))
    .map((file) => ({ file, gzipped: zlib.gzipSync(fs.readFileSync(path.join(assetsDir, file)), { level: 9 }).length }))
    .sort((a, b) => b.gzipped - a.gzipped);
  if (files.length === 0) throw new Error(`${assetsDir} holds no JavaScript: is it the dashboard's build?`);
  return { total: files.reduce((sum, f) => sum + f.gzipped, 0), files };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** One line for the log; throws, naming the size and the budget, when the bundle is over it. */
export function checkBundle(size: BundleSize, budget = JS_BUDGET_BYTES): string {
  const largest = size.files.slice(0, 3).map((f) => `${f.file} ${kb(f.gzipped)}`);
  const line = `Dashboard JavaScript: ${kb(size.total)} gzipped in ${size.files.length} files (largest: ${largest.join(', ')}); budget ${kb(budget)}`;
  if (size.total > budget) throw new Error(`${line}\nThe dashboard's JavaScript is ${kb(size.total)} gzipped, over the ${kb(budget)} budget`);
  return line;
}
