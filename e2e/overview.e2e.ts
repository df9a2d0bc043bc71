import * as fs from 'node:fs';
import * as path from 'node:path';
import { Browser, ElementHandle, Locator, Page } from 'playwright-core';
import { ARTIFACTS, launch, screenshot, signIn } from './browser';

const CHARTS = ['volumes', 'trajectory', 'responders', 'complications', 'discharge', 'readmissions', 'completeness', 'funnel'];

/** Every chart card has a drawn canvas (not blank) and its note of n. */
async function expectEveryChartDrawn(page: Page): Promise<void> {
  for (const id of CHARTS) {
    const card = page.locator(`[data-chart="${id}"]`);
    await card.locator('canvas').first().waitFor({ timeout: 20000 });
    const note = (await card.locator('.chart-note').textContent()) ?? '';
    expect(note).toMatch(/n = |n at baseline|n \((patients|treatments)/);
    // A canvas that ECharts drew on has coloured pixels; a blank one is all transparent.
    const painted = await card
      .locator('canvas')
      .first()
      .evaluate((c: HTMLCanvasElement) => {
        const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
        return n;
      });
    expect(painted).toBeGreaterThan(1000);
  }
}

/**
 * The canvas's picture once ECharts has finished drawing it: painted (not blank) and the same on
 * three animation frames in a row. Its first frames may still be blank or drawn at another size.
 */
async function settledDrawing(page: Page, canvas: Locator): Promise<string> {
  await canvas.waitFor({ timeout: 20000 });
  const element = (await canvas.elementHandle()) as ElementHandle<HTMLCanvasElement>;
  // Counted afresh: an earlier wait on this canvas left its last picture on it.
  await element.evaluate((c) => Object.assign(c, { lastPicture: undefined, sameFrames: 0 }));
  const picture = await page.waitForFunction(
    (c) => {
      const seen = c as HTMLCanvasElement & { lastPicture?: string; sameFrames?: number };
      const now = c.toDataURL();
      seen.sameFrames = now === seen.lastPicture ? (seen.sameFrames ?? 0) + 1 : 0;
      seen.lastPicture = now;
      if (seen.sameFrames < 2) return false;
      const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let painted = 0;
      for (let i = 3; i < d.length; i += 4) if (d[i] > 0) painted++;
      return painted > 1000 && now;
    },
    element,
    { polling: 'raf', timeout: 20000 },
  );
  return (await picture.jsonValue()) as string;
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
    await expect(page.locator('.summary').textContent()).resolves.toMatch(/^Showing all periods\. (\d{3}) patients in the registry by first treatment/);
    // Department heads see small counts withheld, and the note says so; treatments and patients
    // are counted in sentences of their own.
    const volumesNote = (await page.locator('[data-chart="volumes"] .chart-note').textContent()) ?? '';
    expect(volumesNote).toMatch(/withheld/);
    for (const part of volumesNote.split('. ')) expect(/patient/.test(part) && /\d+ treatments?\b/.test(part)).toBe(false);
    await expect(page.locator('[data-chart="funnel"] .chart-note').textContent()).resolves.toMatch(/at 3 sites/);
    await screenshot(page, 'department-head-overview');
  });

  it('asks for the first screen while the session is checked, and for no figure twice', async () => {
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await signIn(page, 'head.north@demo.registry');
    await page.getByRole('heading', { name: 'Registry overview' }).waitFor();
    await expectEveryChartDrawn(page);
    // Opened again with the session kept (a reload): the session check is held back until the
    // overview's figures have been asked for. Only the figures asked for ahead (the app's landing
    // screen, overview.ahead.ts) can come before it; whatever the page asks for itself comes after.
    const sent: { request: string; beforeSession: boolean }[] = [];
    let overviewAsked: () => void = () => undefined;
    const asked = new Promise<void>((resolve) => (overviewAsked = resolve));
    let sessionAnswered = false;
    // What happened in which order: each request as it left, the headline figures' answer, and
    // the overview page's own code asked for.
    const events: string[] = [];
    await page.route(/\/assets\/overview\.page-[^/]*\.js$/, async (route) => {
      events.push('page code');
      await route.continue();
    });
    await page.route('**/graphql', async (route) => {
      const body = JSON.parse(route.request().postData() ?? '{}') as { query: string; operationName?: string; variables?: unknown };
      const request = `${body.operationName ?? body.query} ${JSON.stringify(body.variables ?? {})}`;
      sent.push({ request, beforeSession: !sessionAnswered });
      events.push(body.operationName ?? 'me');
      if (body.operationName === 'OverviewHeadlines') {
        const response = await route.fetch();
        events.push('headlines answered');
        await route.fulfill({ response });
        return;
      }
      if (body.operationName?.startsWith('Overview')) overviewAsked();
      if (/^\{ me \{/.test(body.query)) {
        // Asked ahead, the figures leave together: a second lets every one of them arrive here.
        await Promise.race([asked.then(() => new Promise((resolve) => setTimeout(resolve, 1000))), new Promise((resolve) => setTimeout(resolve, 10000))]);
        sessionAnswered = true;
      }
      await route.continue();
    });
    await page.reload();
    await page.getByRole('heading', { name: 'Registry overview' }).waitFor();
    await expectEveryChartDrawn(page);
    const figures = sent.filter((s) => s.request.startsWith('Overview') && !s.request.startsWith('OverviewAdjusted'));
    expect(figures.length).toBeGreaterThanOrEqual(10);
    // Every figure on the first screen was asked for ahead: the page took those answers and asked
    // for none itself (a figure asked for after the session check means the two disagree).
    expect(figures.filter((s) => !s.beforeSession).map((s) => s.request)).toEqual([]);
    const requests = sent.map((s) => s.request);
    expect(requests.filter((r, i) => requests.indexOf(r) !== i)).toEqual([]);
    // The first screen's figures leave before the page's code is asked for (they are not in its
    // chunk), and the charts' below the window only once the headline figures are answered.
    const at = (event: string) => events.indexOf(event);
    for (const first of ['OverviewHeadlines', 'OverviewSites', 'OverviewVolumes']) expect(at(first)).toBeLessThan(at('page code'));
    const charts = events.filter((e) => /^Overview(Trajectory|Responders|Complications|Discharge|Readmissions|Completeness|Funnel)$/.test(e));
    expect(charts.length).toBeGreaterThanOrEqual(7);
    for (const chart of charts) expect(at(chart)).toBeGreaterThan(at('headlines answered'));
  });

  it('draws the charts below the first screen once the headline figures are in, and a chart scrolled to at once', async () => {
    // A laptop's window: the headline figures fill it, the charts begin below them.
    page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/graphql', async (route) => {
      if (route.request().postData()?.includes('OverviewHeadlines')) await held;
      await route.continue();
    });
    await signIn(page, 'head.north@demo.registry');
    const funnel = page.locator('[data-chart="funnel"]');
    // The charts' figures are in (their notes shown) while the headline figures are held back:
    // no chart is drawn, the browser's idle time notwithstanding.
    for (const id of CHARTS) await page.locator(`[data-chart="${id}"] .chart-note`).waitFor({ timeout: 20000 });
    await page.waitForTimeout(1500);
    expect(await page.locator('.headlines[aria-busy="true"]').count()).toBe(1);
    expect(await page.locator('.chart-card canvas').count()).toBe(0);
    // A chart brought into sight is drawn at once, the headline figures still loading.
    await funnel.scrollIntoViewIfNeeded();
    await funnel.locator('canvas').first().waitFor({ timeout: 20000 });
    expect(await page.locator('.headlines[aria-busy="true"]').count()).toBe(1);
    expect(await page.locator('[data-chart="volumes"] canvas').count()).toBe(0);
    // The headline figures in, every other chart is drawn without being scrolled to.
    release();
    await page.locator('.headlines[aria-busy="false"]').waitFor({ timeout: 20000 });
    await expectEveryChartDrawn(page);
  });

  it('keeps the volumes title while the counts load and after they are drawn', async () => {
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    // Hold the volumes' answer back until the title shown while loading has been read.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/graphql', async (route) => {
      if (route.request().postData()?.includes('OverviewVolumes')) await held;
      await route.continue();
    });
    await signIn(page, 'head.north@demo.registry');
    const card = page.locator('[data-chart="volumes"]');
    await card.getByRole('status').waitFor();
    const loading = await card.locator('h3').textContent();
    release();
    await card.locator('canvas').first().waitFor({ timeout: 20000 });
    await card.locator('.chart-note').waitFor();
    expect(await card.locator('h3').textContent()).toBe(loading);
    expect(loading).toBe('Treatments started per period, by kind');
    // The period the counts came in is said on the axis's table and in the note instead.
    expect(await card.locator('.chart-note').textContent()).toMatch(/started in \d+ (months?|quarters?|years?)/);
  });

  it('redraws the responder rates for another definition', async () => {
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await signIn(page, 'head.north@demo.registry');
    const canvas = page.locator('[data-chart="responders"] canvas').first();
    const before = await settledDrawing(page, canvas);
    await page.locator('[data-chart="responders"]').getByLabel('Responder means').selectOption('ODI_DROP_10');
    // The new definition's rates are drawn once the picture has changed and settled again.
    await page.waitForFunction(
      (old) => {
        const c = document.querySelector<HTMLCanvasElement>('[data-chart="responders"] canvas');
        return c !== null && c.toDataURL() !== old;
      },
      before,
      { polling: 'raf', timeout: 15000 },
    );
    expect(await settledDrawing(page, canvas)).not.toBe(before);
  });

  it('tabulates the complication rates with major and minor, leakage by symptom, every kind (0 of n included) and after crossover', async () => {
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await signIn(page, 'head.north@demo.registry');
    const card = page.locator('[data-chart="complications"]');
    await settledDrawing(page, card.locator('canvas').first());
    await card.getByText('Show as table').click();
    const table = card.getByRole('table');
    await table.waitFor();
    const columns = await table.locator('thead th').allTextContents();
    expect(columns).toEqual(['Group', 'Complication', 'Rate (%)', '95% CI', 'With the event (patients)', 'n (patients)']);
    const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent ?? '')));
    const labels = rows.filter((r) => r[0] === 'Vertebroplasty').map((r) => r[1]);
    expect(labels.slice(0, 4)).toEqual(['Any', 'Major (Clavien-Dindo III+)', 'Minor (Clavien-Dindo I–II)', 'No grade recorded']);
    expect(labels).toEqual(expect.arrayContaining(['Cement leakage', 'Leakage: symptomatic', 'Leakage: asymptomatic', 'Leakage: symptom not recorded']));
    expect(labels.indexOf('Leakage: symptomatic')).toBe(labels.indexOf('Cement leakage') + 1);
    // The demo registry records no further height loss: 0 of n, not a missing row.
    const none = rows.find((r) => r[0] === 'Vertebroplasty' && r[1] === 'Further height loss')!;
    expect(none[4]).toBe('0');
    expect(Number(none[5].replace(/,/g, ''))).toBeGreaterThan(10);
    expect(rows.find((r) => r[0] === 'Conservative' && r[1] === 'After crossover')).toBeDefined();
    await expect(card.locator('.chart-note').textContent()).resolves.toMatch(/After crossover" counts those with a complication once they changed treatment/);
    await card.screenshot({ path: '/tmp/complications-card.png' });
    await screenshot(page, 'department-head-complications');
  });

  it('stacks the charts in one column at tablet width', async () => {
    page = await browser.newPage({ viewport: { width: 800, height: 1100 } });
    await signIn(page, 'head.north@demo.registry');
    await expectEveryChartDrawn(page);
    const widths = await page.locator('.chart-card').evaluateAll((cards) => cards.map((c) => c.getBoundingClientRect().width));
    for (const w of widths) expect(w).toBeGreaterThan(700);
    await screenshot(page, 'department-head-overview-tablet');
  });

  it('downloads a chart as a PNG and an SVG, and its table as CSV, cell for cell', async () => {
    page = await browser.newPage({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    await signIn(page, 'head.north@demo.registry');
    const card = page.locator('[data-chart="volumes"]');
    await settledDrawing(page, card.locator('canvas').first());

    const [png] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: 'Download PNG' }).click()]);
    expect(png.suggestedFilename()).toBe('treatments-started-per-period-by-kind.png');
    const bytes = fs.readFileSync(await png.path());
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(bytes.length).toBeGreaterThan(10_000);

    // The SVG: drawn anew by ECharts' SVG renderer (fetched at the click), the same chart in text
    // and shapes: well-formed, at the canvas's size, on white, with its axis name, its periods and
    // its withheld counts as hatched placeholders labelled "withheld", never as a number.
    const [svgFile] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: 'Download SVG' }).click()]);
    expect(svgFile.suggestedFilename()).toBe('treatments-started-per-period-by-kind.svg');
    const svg = fs.readFileSync(await svgFile.path(), 'utf8');
    expect(svg).toMatch(/^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      const root = doc.documentElement;
      return {
        error: doc.getElementsByTagName('parsererror').length > 0,
        root: root.nodeName,
        width: Number(root.getAttribute('width')),
        texts: [...doc.querySelectorAll('text')].map((t) => t.textContent ?? ''),
        background: doc.querySelector('rect')?.getAttribute('fill'),
        hatched: doc.querySelectorAll('pattern').length,
      };
    }, svg);
    expect(parsed).toMatchObject({ error: false, root: 'svg', background: '#fff' });
    const canvasWidth = await card
      .locator('canvas')
      .first()
      .evaluate((c) => Math.round(c.getBoundingClientRect().width));
    expect(Math.abs(parsed.width - canvasWidth)).toBeLessThanOrEqual(1);
    expect(parsed.texts).toContain('Treatments started');
    expect(parsed.texts.some((t) => /^\d{4}(-\d{2}|-Q\d)?$/.test(t))).toBe(true);
    expect(parsed.texts).toContain('withheld');
    expect(parsed.hatched).toBeGreaterThan(0);

    await card.getByText('Show as table').click();
    const shown = await card
      .getByRole('table')
      .locator('tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent ?? '')));
    const [csv] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: 'Download CSV' }).click()]);
    expect(csv.suggestedFilename()).toBe('treatments-started-per-period-by-kind.csv');
    const text = fs.readFileSync(await csv.path(), 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    // No cell of this table holds a comma or a quote, so a plain split reads it back.
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines.map((l) => l.split(','))).toEqual(shown);
    // The department head's small counts: withheld in the file as on the screen, never a number.
    expect(text).toMatch(/withheld/);
  });

  it('prints the department report on A4: no navigation, every chart whole and drawn at the page width', async () => {
    page = await browser.newPage({ viewport: { width: 794, height: 1123 } });
    await signIn(page, 'head.north@demo.registry');
    await expectEveryChartDrawn(page);
    await expect(page.getByRole('button', { name: 'Print report' }).isVisible()).resolves.toBe(true);
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('header nav').evaluate((n) => getComputedStyle(n).display)).resolves.toBe('none');
    await expect(page.getByRole('button', { name: 'Print report' }).isVisible()).resolves.toBe(false);
    await expect(page.getByRole('button', { name: 'Download PNG' }).first().isVisible()).resolves.toBe(false);
    const head = (await page.locator('header').innerText()).replace(/\s+/g, ' ');
    expect(head).toMatch(/Vertebral Fracture Outcomes Registry .*department head/);
    await expect(page.locator('.print-only').innerText()).resolves.toMatch(
      /^NORTH \(.+\) beside the registry; all periods; charts for the registry · printed \d{1,2} \w+ \d{4}/,
    );
    for (const id of CHARTS) {
      const card = page.locator(`[data-chart="${id}"]`);
      await expect(card.locator('.chart-note').isVisible()).resolves.toBe(true);
      // Drawn within the card, not cut off at its screen width.
      const [cardWidth, canvasWidth] = await card.evaluate((c) => [c.getBoundingClientRect().width, c.querySelector('canvas')!.getBoundingClientRect().width]);
      expect(canvasWidth).toBeLessThanOrEqual(cardWidth);
      expect(canvasWidth).toBeGreaterThan(cardWidth * 0.8);
    }
    await screenshot(page, 'department-report-print');
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length;
    expect(pages).toBeGreaterThan(1);
    fs.writeFileSync(path.join(ARTIFACTS, 'department-report.pdf'), pdf);
  });

  it("shows the head's site beside the registry in the headline figures, and narrows every figure by period and subgroup through the URL", async () => {
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await signIn(page, 'head.north@demo.registry');
    const headlines = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Registry' }) });
    await headlines.getByRole('columnheader', { name: 'NORTH' }).waitFor();
    await expect(headlines.getByRole('columnheader').allInnerTexts()).resolves.toEqual(['Figure', 'NORTH', 'Registry']);
    const cell = (figure: string, column: string) => page.locator(`[data-headline="${figure}"] [data-column="${column}"] strong`);
    await page.waitForFunction(() => !document.querySelector('.headlines td strong')?.textContent?.includes('…'));
    const rows = await page.locator('.headlines tbody tr').count();
    expect(rows).toBe(7);
    const registryPatients = Number((await cell('PATIENTS_TREATED', 'registry').innerText()).replace(/,/g, ''));
    const sitePatients = Number((await cell('PATIENTS_TREATED', 'site').innerText()).replace(/,/g, ''));
    expect(registryPatients).toBeGreaterThan(200);
    expect(sitePatients).toBeGreaterThan(30);
    expect(sitePatients).toBeLessThan(registryPatients);
    for (const f of ['FOLLOW_UP_M12', 'MAJOR_COMPLICATIONS', 'SYMPTOMATIC_LEAKAGE', 'SAME_DAY_DISCHARGE', 'MORTALITY_1_YEAR'])
      await expect(cell(f, 'registry').innerText()).resolves.toMatch(/^\d+\.\d %$|^Withheld$/);

    // A period and an age band: the link carries them, the figures shrink, the report says them.
    const last = (await page.getByLabel('Treated from').locator('option').allTextContents()).filter((t) => /Q\d/.test(t));
    const year = Number(last[last.length - 1].slice(0, 4)) - 2;
    await page.getByLabel('Treated from').selectOption({ label: `${year} Q1` });
    await page.getByLabel('Treated up to').selectOption({ label: `${year} Q4` });
    await page.getByLabel('Age', { exact: true }).selectOption({ label: '75 to 84' });
    await page.waitForURL(/from=\d{4}-01-01.*to=\d{4}-12-31.*age=75_84/);
    await page.waitForFunction((before) => {
      const t = document.querySelector('[data-headline="PATIENTS_TREATED"] [data-column="registry"] strong')?.textContent ?? '';
      return t !== '…' && t !== String(before) && t !== before.toLocaleString('en');
    }, registryPatients);
    const narrowed = await cell('PATIENTS_TREATED', 'registry').innerText();
    expect(narrowed === 'Withheld' || Number(narrowed.replace(/,/g, '')) < registryPatients).toBe(true);
    await expect(page.locator('.summary').innerText()).resolves.toMatch(new RegExp(`^Showing treated ${year} Q1 to ${year} Q4, aged 75 to 84\\.`));
    // The same link opened afresh shows the same choices.
    const link = page.url();
    const again = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await signIn(again, 'head.north@demo.registry');
    await again.getByRole('heading', { name: 'Registry overview' }).waitFor();
    await again.goto(link);
    await again.getByRole('heading', { name: 'Registry overview' }).waitFor();
    await expect(again.getByLabel('Age', { exact: true }).inputValue()).resolves.toBe('75_84');
    await again.close();

    // Charts for the site beside the registry: each chart twice, side by side.
    await page.getByLabel('Treated from').selectOption({ label: 'The start' });
    await page.getByLabel('Treated up to').selectOption({ label: 'Today' });
    await page.getByLabel('Age', { exact: true }).selectOption({ label: 'Any' });
    await page.getByLabel('Charts show').selectOption({ label: 'The site beside the registry' });
    const site = page.locator('[data-chart="volumes-site"]');
    const registry = page.locator('[data-chart="volumes-registry"]');
    await site.locator('canvas').first().waitFor({ timeout: 20000 });
    await registry.locator('canvas').first().waitFor({ timeout: 20000 });
    await expect(site.locator('h3').innerText()).resolves.toBe('Treatments started per period, by kind — NORTH');
    const [a, b] = [await site.boundingBox(), await registry.boundingBox()];
    expect(Math.abs(a!.y - b!.y)).toBeLessThan(2);
    expect(a!.x).toBeLessThan(b!.x);
    await screenshot(page, 'department-head-site-beside-registry');
  });

  it('answers which treatment did better: adjusted pain at one month and one year per treatment, with a warning that the groups differed', async () => {
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await signIn(page, 'head.north@demo.registry');
    const answer = page.locator('.adjusted-answer [data-scope="registry"]');
    await answer.locator('li').first().waitFor({ timeout: 30000 });
    const sentences = await answer.locator('li').allInnerTexts();
    // Three treatments at each of two time points, each with its interval.
    expect(sentences).toHaveLength(6);
    for (const s of sentences)
      expect(s).toMatch(/^(Conservative|Vertebroplasty|Kyphoplasty).*: mean pain at one (month|year) \d+\.\d of 10 \(95% CI \d+\.\d to \d+\.\d; n = \d+\)/);
    expect(sentences.filter((s) => /the reference\.$/.test(s))).toHaveLength(2);
    // The demo's procedures start from more pain than conservative care: the warning names it.
    await expect(answer.locator('.adjusted-warning').innerText()).resolves.toMatch(/differed before treatment, most in .*Baseline NRS pain/);
    await expect(page.locator('.adjusted-answer [data-scope="site"] li').first().innerText({ timeout: 30000 })).resolves.toMatch(/mean pain/);
    await screenshot(page, 'department-head-adjusted-answer');
  });
});
