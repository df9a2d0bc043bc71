// The dashboard's side of section 7: the first screen's render time in Chromium and the size of
// its JavaScript as a browser downloads it (gzip).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { chromium } from 'playwright-core';
import { summarize, Timing } from './timing';

export const DASHBOARD_DIST = path.resolve(__dirname, '../../dist/apps/dashboard');

export function gzippedJavaScript(dir = DASHBOARD_DIST): { files: number; rawBytes: number; gzipBytes: number } {
  if (!fs.existsSync(dir)) throw new Error(`${path.relative(process.cwd(), dir)} is missing: run npm run build first`);
  let files = 0;
  let rawBytes = 0;
  let gzipBytes = 0;
  const walk = (p: string) => {
    for (const entry of fs.readdirSync(p, { withFileTypes: true })) {
      const full = path.join(p, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.m?js$/.test(entry.name)) {
        const body = fs.readFileSync(full);
        files++;
        rawBytes += body.length;
        gzipBytes += zlib.gzipSync(body, { level: 9 }).length;
      }
    }
  };
  walk(dir);
  return { files, rawBytes, gzipBytes };
}

/** A private copy of the built dashboard, so that a rebuild during the run cannot swap its files. */
export function snapshotDashboard(): string {
  if (!fs.existsSync(path.join(DASHBOARD_DIST, 'index.html'))) throw new Error('dist/apps/dashboard is missing: run npm run build first');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vfr-bench-dashboard-'));
  fs.cpSync(DASHBOARD_DIST, dir, { recursive: true });
  return dir;
}

/**
 * Opens the app already signed in (the token in sessionStorage, as after a sign-in) in a fresh
 * browser context (empty cache) and times navigation start to the overview's tables filled.
 */
export async function firstScreen(baseUrl: string, token: string, options: { warmup: number; runs: number }): Promise<Timing> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const samples: number[] = [];
    for (let i = -options.warmup; i < options.runs; i++) {
      const context = await browser.newContext();
      await context.addInitScript((t: string) => sessionStorage.setItem('vfr.token', t), token);
      const page = await context.newPage();
      const started = Date.now();
      await page.goto(baseUrl);
      await page.getByRole('heading', { name: 'Registry overview' }).waitFor({ timeout: 60000 });
      // Rendered: every chart card holds its chart (or its empty or error sentence), none loading.
      await page.waitForFunction(
        () => {
          const cards = [...document.querySelectorAll('.chart-card')];
          return cards.length > 0 && !document.querySelector('.chart-card .loading') && cards.every((c) => c.querySelector('canvas, svg, .empty, .error'));
        },
        null,
        { timeout: 60000 },
      );
      const failed = await page.locator('.chart-card .error').allTextContents();
      if (failed.length) throw new Error(`the overview showed errors: ${failed.join(' | ')}`);
      if (i >= 0) samples.push(Date.now() - started);
      await context.close();
    }
    return summarize(samples);
  } finally {
    await browser.close();
  }
}
