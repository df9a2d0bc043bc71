// The dashboard's side of section 7: the first screen's render time in Chromium and the size of
// its JavaScript as a browser downloads it (gzip).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
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

/** One request of the first screen: what it asked for, and when it was sent and answered (ms from navigation). */
export interface ScreenRequest {
  what: string;
  sentMs: number;
  answeredMs: number;
}

/** The first screen's time, and the requests of its median run in the order they were sent. */
export interface FirstScreen extends Timing {
  /** Every chart of the page drawn, also those below the first screen (ms from navigation). */
  wholePage: Timing;
  /** The browser window's size: what the first screen holds. */
  viewport: { width: number; height: number };
  requests: ScreenRequest[];
  /** The last chart answer, the moment the screen could be complete (ms from navigation). */
  lastChartMs: number;
}

/** A request as words: a GraphQL operation by its name (variables' scope), or the file's name. */
function requestName(url: string, body: string | null): string {
  if (!body) return new URL(url).pathname.replace(/^.*\//, '') || '/';
  try {
    const { operationName, variables } = JSON.parse(body) as { operationName?: string; variables?: { filter?: { siteIds?: unknown } } };
    const scope = variables?.filter && (variables.filter.siteIds ? ' (site)' : ' (registry)');
    return `${operationName ?? 'graphql'}${scope ?? ''}`;
  } catch {
    return 'graphql';
  }
}

/** The GraphQL requests (operation and variables) sent more than once, by name. */
export function sentTwice(bodies: string[]): string[] {
  const seen = new Map<string, number>();
  for (const body of bodies) {
    const { operationName, query, variables } = JSON.parse(body) as { operationName?: string; query?: string; variables?: unknown };
    const key = `${operationName ?? query} ${JSON.stringify(variables ?? {})}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  return [...seen].filter(([, n]) => n > 1).map(([key]) => key);
}

/**
 * Opens the app already signed in (the token in sessionStorage, as after a sign-in) in a fresh
 * browser context (empty cache) and times navigation start to the overview's tables filled.
 * Every request of each run is recorded (sent and answered), so that the bench can print what
 * the first screen waited for.
 */
// A laptop's window (and Playwright's default): the overview's headline figures fill it, its
// charts begin below.
const VIEWPORT = { width: 1280, height: 720 };

/** The first screen's condition: what is in the window is complete (read by the bench in the page). */
function firstScreenComplete(): boolean {
  const inSight = (el: Element) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.bottom > 0 && r.top < window.innerHeight;
  };
  const cards = [...document.querySelectorAll('.chart-card')];
  if (cards.length === 0 || [...document.querySelectorAll('.loading, [aria-busy="true"]')].some(inSight)) return false;
  return cards.filter(inSight).every((c) => c.querySelector('canvas, svg, .empty, .error'));
}

// The e2e suite's flags (e2e/browser.ts), which this tool cannot import across the projects' boundary.
const CHROMIUM = {
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
};

function launch() {
  return chromium.launch(CHROMIUM);
}

/**
 * The page's later requests (the adjusted fits, asked for once the charts are answered) finish
 * before the next run: left running, they would hold the server during it. Waited for by what
 * the page shows, not by a quiet network alone: drawing the charts can hold the page for longer
 * than the half second of quiet Playwright calls idle, before the fits are even asked for.
 */
async function pageSettled(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const answers = [...document.querySelectorAll('.adjusted-answer [data-scope]')];
      return answers.length > 0 && answers.every((a) => !a.querySelector('[role=status]'));
    },
    null,
    { timeout: 180000 },
  );
  await page.waitForLoadState('networkidle', { timeout: 180000 });
}

export async function firstScreen(baseUrl: string, token: string, options: { warmup: number; runs: number }): Promise<FirstScreen> {
  const browser = await launch();
  try {
    const samples: number[] = [];
    const wholeSamples: number[] = [];
    const runs: { ms: number; requests: ScreenRequest[] }[] = [];
    for (let i = -options.warmup; i < options.runs; i++) {
      const context = await browser.newContext({ viewport: VIEWPORT });
      await context.addInitScript((t: string) => sessionStorage.setItem('vfr.token', t), token);
      const page = await context.newPage();
      const requests: ScreenRequest[] = [];
      const sent = new Map<object, number>();
      const graphqlBodies: string[] = [];
      page.on('request', (r) => {
        sent.set(r, Date.now() - started);
        if (r.url().endsWith('/graphql') && r.postData()) graphqlBodies.push(r.postData()!);
      });
      page.on('requestfinished', (r) =>
        requests.push({ what: requestName(r.url(), r.postData()), sentMs: sent.get(r) ?? NaN, answeredMs: Date.now() - started }),
      );
      const started = Date.now();
      // The same bound as the waits below: on a loaded machine the page alone has taken over 30 s.
      await page.goto(baseUrl, { timeout: 60000 });
      await page.getByRole('heading', { name: 'Registry overview' }).waitFor({ timeout: 60000 });
      // The first screen: what is in the window is complete. Nothing in sight still loading (a
      // "Loading" or "Drawing" placeholder, a part marked aria-busy: the headline figures, the
      // summary's counts), and every chart card in sight holds its chart or its sentence.
      await page.waitForFunction(firstScreenComplete, null, { timeout: 60000 });
      const ms = Date.now() - started;
      // The whole page: every chart card holds its chart (or its empty or error sentence), none
      // loading; the charts below the first screen are drawn after it (charts/draw-later.ts).
      await page.waitForFunction(
        () => {
          const cards = [...document.querySelectorAll('.chart-card')];
          return cards.length > 0 && !document.querySelector('.chart-card .loading') && cards.every((c) => c.querySelector('canvas, svg, .empty, .error'));
        },
        null,
        { timeout: 60000 },
      );
      // The first screen's data is asked for ahead of the page (overview.ahead.ts) and the page
      // takes those answers: a request sent twice means the two disagree on a query's variables.
      const twice = sentTwice(graphqlBodies);
      if (twice.length) throw new Error(`the first screen asked for the same data twice: ${twice.join(', ')}`);
      const failed = await page.locator('.chart-card .error').allTextContents();
      if (failed.length) throw new Error(`the overview showed errors: ${failed.join(' | ')}`);
      const wholeMs = Date.now() - started;
      await pageSettled(page);
      if (i >= 0) {
        samples.push(ms);
        wholeSamples.push(wholeMs);
        runs.push({ ms, requests: [...requests].sort((a, b) => a.sentMs - b.sentMs) });
      }
      await context.close();
    }
    const timing = summarize(samples);
    const median = runs.find((r) => r.ms === timing.median) ?? runs[0];
    const charts = median.requests.filter((r) => r.what.startsWith('Overview') && !/Adjusted|Headlines|Sites/.test(r.what));
    return {
      ...timing,
      wholePage: summarize(wholeSamples),
      viewport: VIEWPORT,
      requests: median.requests,
      lastChartMs: Math.max(...charts.map((r) => r.answeredMs)),
    };
  } finally {
    await browser.close();
  }
}

/**
 * The first screen of a returning visit: every run in one browser profile kept on disk, as a
 * user's is, so that its HTTP cache and the compiled code Chromium keeps for a script it has run
 * before (from the second load on) are there; a new tab each time, holding the session as after a
 * reload. The figures are asked of the server each time (the page keeps no answer across tabs).
 * The timed runs above are first visits, every cache empty.
 */
export async function returningScreen(baseUrl: string, token: string, options: { warmup: number; runs: number }): Promise<Timing> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vfr-bench-profile-'));
  const context = await chromium.launchPersistentContext(dir, { ...CHROMIUM, viewport: VIEWPORT });
  try {
    await context.addInitScript((t: string) => sessionStorage.setItem('vfr.token', t), token);
    const samples: number[] = [];
    for (let i = -options.warmup; i < options.runs; i++) {
      const page = await context.newPage();
      const started = Date.now();
      await page.goto(baseUrl, { timeout: 60000 });
      await page.waitForFunction(firstScreenComplete, null, { timeout: 60000 });
      const ms = Date.now() - started;
      await pageSettled(page);
      await page.close();
      if (i >= 0) samples.push(ms);
    }
    return summarize(samples);
  } finally {
    await context.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Where the page's main thread spent its time until the first screen, from a sampled CPU profile. */
export interface ScreenProfile {
  firstScreenMs: number;
  /** Sampled time by what ran: a script of the dashboard by its file, or the browser's own work (idle, GC, layout and paint). */
  byWhat: { what: string; ms: number }[];
  /** The functions with the most time of their own. */
  functions: { what: string; ms: number }[];
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

/** A script's file name without its build hash (overview.page-CG8lAM0o.js: overview.page). */
const scriptOf = (url: string) =>
  url
    .replace(/^.*\//, '')
    .replace(/-[A-Za-z0-9_]{8}\.js$/, '')
    .replace(/\.js$/, '') || url;

/**
 * One more run of the first screen, with Chromium's sampling profiler on the page's main thread
 * from navigation to the first screen (a fresh context: the cache empty, as in the timed runs),
 * summed by what ran. The raw profile is written to `file` when given (it opens in Chromium's
 * DevTools, Performance panel).
 */
export async function profileFirstScreen(baseUrl: string, token: string, file?: string): Promise<ScreenProfile> {
  const browser = await launch();
  try {
    const context = await browser.newContext({ viewport: VIEWPORT });
    await context.addInitScript((t: string) => sessionStorage.setItem('vfr.token', t), token);
    const page = await context.newPage();
    // A file of the same site first, so that the page's renderer is the one the profiler attaches
    // to (a navigation from about:blank may start another); not the app, so nothing is cached.
    await page.goto(`${baseUrl}/questionnaires.json`);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
    await cdp.send('Profiler.start');
    const started = Date.now();
    await page.goto(baseUrl, { timeout: 60000 });
    await page.waitForFunction(firstScreenComplete, null, { timeout: 60000, polling: 'raf' });
    const firstScreenMs = Date.now() - started;
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
    if (file) fs.writeFileSync(file, JSON.stringify(profile));
    await context.close();
    const byId = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
    const byWhat = new Map<string, number>();
    const functions = new Map<string, number>();
    profile.samples.forEach((id, i) => {
      const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
      const frame = byId.get(id)!;
      const what = frame.url ? scriptOf(frame.url) : frame.functionName || '(anonymous)';
      byWhat.set(what, (byWhat.get(what) ?? 0) + ms);
      if (frame.url) {
        const fn = `${frame.functionName || '(anonymous)'} (${scriptOf(frame.url)}:${frame.lineNumber + 1})`;
        functions.set(fn, (functions.get(fn) ?? 0) + ms);
      }
    });
    const sorted = (m: Map<string, number>, n: number) =>
      [...m]
        .sort((a, b) => b[1] - a[1])
        .slice(0, n)
        .map(([what, ms]) => ({ what, ms: Math.round(ms * 10) / 10 }));
    return { firstScreenMs, byWhat: sorted(byWhat, 14), functions: sorted(functions, 12) };
  } finally {
    await browser.close();
  }
}
