import { Browser, Page } from 'playwright-core';
import { BASE_URL, launch, signIn } from './browser';
import { apiToken } from './patients.setup';

// What a screen-reader or keyboard user gets: each chart named by its one-sentence summary with
// its canvas hidden, its numbers in a table that agrees with the API (suppressed counts withheld,
// never the bar drawn for them), and a skip link past the header.

const HEAD = 'head.north@demo.registry';
const TIME_POINTS: Record<string, string> = {
  BASELINE: 'Baseline',
  D1: 'Day 1',
  W1: 'Week 1',
  M1: 'Month 1',
  M3: 'Month 3',
  M6: 'Month 6',
  M12: 'Month 12',
  M24: 'Month 24',
};
const label = (code: string) => code.charAt(0) + code.slice(1).toLowerCase().replace(/_/g, ' ');

async function api<T>(query: string, token: string): Promise<T> {
  const res = await fetch(`${BASE_URL}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  const body = (await res.json()) as { data: T };
  return body.data;
}

/** The chart's table (opened with its toggle): headers and rows as the reader gets them. */
async function chartTable(page: Page, chart: string): Promise<{ columns: string[]; rows: string[][] }> {
  const card = page.locator(`[data-chart="${chart}"]`);
  await card.getByText('Show as table').click();
  const table = card.getByRole('table');
  await table.waitFor();
  const columns = await table.locator('thead th').allTextContents();
  const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent ?? '')));
  return { columns, rows };
}

describe('charts and keyboard for assistive technology, in Chromium', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());
  beforeEach(async () => {
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await signIn(page, HEAD);
    await page.getByRole('heading', { name: 'Registry overview' }).waitFor();
  });
  afterEach(() => page?.close());

  it('tabulates the treatment volumes exactly as the API counts them, a suppressed count as withheld', async () => {
    const token = await apiToken(HEAD);
    const { treatmentVolumes, cohortSize } = await api<{
      treatmentVolumes: { bins: { period: string; kind: string; count: number | null; suppressed: boolean }[] };
      cohortSize: { threshold: number };
    }>('{ treatmentVolumes { bins { period kind count suppressed } } cohortSize { threshold } }', token);
    const { columns, rows } = await chartTable(page, 'volumes');
    const suppressed = treatmentVolumes.bins.filter((b) => b.suppressed);
    expect(suppressed.length).toBeGreaterThan(0);
    for (const bin of treatmentVolumes.bins) {
      const row = rows.find((r) => r[0] === bin.period);
      const cell = row?.[columns.indexOf(label(bin.kind))];
      expect([bin.period, bin.kind, cell]).toEqual([
        bin.period,
        bin.kind,
        bin.suppressed ? `withheld (fewer than ${cohortSize.threshold})` : String(bin.count),
      ]);
    }
    expect(rows.length).toBe(new Set(treatmentVolumes.bins.map((b) => b.period)).size);
    await page.locator('[data-chart="volumes"]').screenshot({ path: '/tmp/a11y-volumes-table.png' });
  });

  it('tabulates mean pain rounded as the tooltip, with its CI and n, as the API gives them', async () => {
    const token = await apiToken(HEAD);
    const { outcomeTrajectory } = await api<{
      outcomeTrajectory: {
        group: string;
        timePoint: string;
        n: number | null;
        mean: number | null;
        lower: number | null;
        upper: number | null;
        suppressed: boolean;
      }[];
    }>('{ outcomeTrajectory(measure: NRS) { group timePoint n mean lower upper suppressed } }', token);
    const { rows } = await chartTable(page, 'trajectory');
    const expected = outcomeTrajectory
      .filter((r) => r.timePoint !== 'UNSCHEDULED')
      .map((r) => [
        label(r.group),
        TIME_POINTS[r.timePoint],
        ...(r.suppressed
          ? Array(3).fill('withheld (under the threshold)')
          : [r.mean!.toFixed(1), r.lower === null ? '–' : `${r.lower.toFixed(1)} – ${r.upper!.toFixed(1)}`, String(r.n)]),
      ]);
    expect(rows).toEqual(expect.arrayContaining(expected));
    expect(rows.length).toBe(expected.length);
  });

  it('names each chart by its summary, with the canvas hidden from screen readers', async () => {
    const card = page.locator('[data-chart="volumes"]');
    await card.locator('canvas').first().waitFor({ timeout: 20000 });
    const summary = (await card.locator('figcaption').textContent())!;
    expect(summary).toMatch(/^Treatments started per (month|quarter|year) from .+ treatments counted, the most in .+ withheld \(fewer than \d+\)\.$/);
    expect(summary).not.toMatch(/NaN|undefined|series/);
    await expect(card.getByRole('figure', { name: summary, exact: true }).count()).resolves.toBe(1);
    // What assistive technology gets of the card: the figure and its caption, no image, no canvas text.
    const tree = await card.ariaSnapshot();
    expect(tree).toContain(`figure "${summary}"`);
    expect(tree).not.toMatch(/\bimg\b/);
    for (const id of ['trajectory', 'responders', 'complications', 'discharge', 'readmissions', 'completeness', 'funnel']) {
      const caption = page.locator(`[data-chart="${id}"] figcaption`);
      await caption.waitFor({ timeout: 20000 });
      const text = (await caption.textContent())!;
      expect(text).toMatch(/\.$/);
      expect(text).not.toMatch(/NaN|undefined|null/);
      await expect(page.locator(`[data-chart="${id}"]`).getByRole('figure', { name: text, exact: true }).count()).resolves.toBe(1);
    }
  });

  it('skips past the header to the page with Tab and Enter', async () => {
    // A fresh load, as a keyboard user arriving at the page.
    await page.goto(`${BASE_URL}/overview`);
    await page.getByRole('heading', { name: 'Registry overview' }).waitFor();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to main content' });
    await expect(skip.evaluate((a) => a === document.activeElement)).resolves.toBe(true);
    const box = (await skip.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    await page.screenshot({ path: '/tmp/a11y-skip-link.png' });
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('main');
    // The next Tab goes on inside the page, not back to the header's links.
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.getElementById('main')!.contains(document.activeElement))).resolves.toBe(true);
  });
});
