import { Browser, Page } from 'playwright-core';
import { launch, screenshot, signIn } from './browser';

const CHARTS = ['volumes', 'trajectory', 'responders', 'complications', 'discharge', 'readmissions', 'completeness', 'funnel'];

/** Every chart card has a drawn canvas (not blank) and its note of n. */
async function expectEveryChartDrawn(page: Page): Promise<void> {
  for (const id of CHARTS) {
    const card = page.locator(`[data-chart="${id}"]`);
    await card.locator('canvas').first().waitFor({ timeout: 20000 });
    const note = (await card.locator('.chart-note').textContent()) ?? '';
    expect(note).toMatch(/n = |n at baseline|n \((patients|treatments)/);
    // A canvas that ECharts drew on has coloured pixels; a blank one is all transparent.
    const painted = await card.locator('canvas').first().evaluate((c: HTMLCanvasElement) => {
      const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
      return n;
    });
    expect(painted).toBeGreaterThan(1000);
  }
}

describe('the department head overview, in Chromium', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());
  afterEach(() => page?.close());

  it('draws every chart with its note of n and what was suppressed, at 1280x800', async () => {
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await signIn(page, 'head.north@demo.registry');
    await page.getByRole('heading', { name: 'Registry overview' }).waitFor();
    await expectEveryChartDrawn(page);
    await expect(page.locator('.summary').textContent()).resolves.toMatch(/^(\d{3}) patients by first treatment/);
    // Department heads see small counts suppressed, and the note says so.
    await expect(page.locator('[data-chart="volumes"] .chart-note').textContent()).resolves.toMatch(/suppressed/);
    await expect(page.locator('[data-chart="funnel"] .chart-note').textContent()).resolves.toMatch(/at 3 sites/);
    await screenshot(page, 'department-head-overview');
  });

  it('redraws the responder rates for another definition', async () => {
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await signIn(page, 'head.north@demo.registry');
    const card = page.locator('[data-chart="responders"]');
    await card.locator('canvas').first().waitFor({ timeout: 20000 });
    const drawing = () => card.locator('canvas').first().evaluate((c: HTMLCanvasElement) => c.toDataURL());
    await page.waitForTimeout(500);
    const before = await drawing();
    await card.getByLabel('Responder means').selectOption('ODI_DROP_10');
    const deadline = Date.now() + 15000;
    while ((await drawing()) === before && Date.now() < deadline) await page.waitForTimeout(200);
    expect(await drawing()).not.toBe(before);
  });

  it('stacks the charts in one column at tablet width', async () => {
    page = await browser.newPage({ viewport: { width: 800, height: 1100 } });
    await signIn(page, 'head.north@demo.registry');
    await expectEveryChartDrawn(page);
    const widths = await page.locator('.chart-card').evaluateAll((cards) => cards.map((c) => c.getBoundingClientRect().width));
    for (const w of widths) expect(w).toBeGreaterThan(700);
    await screenshot(page, 'department-head-overview-tablet');
  });
});
