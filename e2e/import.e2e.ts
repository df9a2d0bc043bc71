import { Browser, Locator, Page } from 'playwright-core';
import { BASE_URL, launch, screenshot, signIn } from './browser';
import { apiToken, recordPatient, TREATED } from './patients.setup';

// A coordinator imports a spreadsheet: the column guide as a table, every problem of a row under
// the spreadsheet's column, and how far a large file has come while it is sent and checked.

async function visible(locator: Locator, timeout = 15000): Promise<Locator> {
  await locator.first().waitFor({ state: 'visible', timeout });
  return locator.first();
}

const day = (iso: string, offset: number) => new Date(Date.parse(iso) + offset * 86400000).toISOString().slice(0, 10);

describe('the CSV import in Chromium', () => {
  let browser: Browser;
  let page: Page;
  const unique = Date.now().toString(36).toUpperCase();

  beforeAll(async () => {
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, 'coordinator.north@demo.registry');
    await visible(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Import' }));
    await page.goto(`${BASE_URL}/import`);
    await visible(page.getByRole('heading', { name: 'Import from a spreadsheet' }));
  });
  afterAll(() => browser?.close());

  it('shows the column guide as a table, not as Markdown', async () => {
    await page.getByLabel('What the file holds').selectOption('assessments');
    await page.getByRole('button', { name: 'Show the columns' }).click();
    const guide = await visible(page.locator('.column-guide'));
    const text = (await guide.textContent()) ?? '';
    expect(text).not.toContain('|');
    expect(text).not.toContain('**');
    expect(text).not.toContain('---');
    const nrs = guide.locator('tbody tr', { hasText: 'nrs_rest' });
    expect(await nrs.locator('td').first().textContent()).toBe('nrs_restPain at rest (NRS 0-10)');
    expect(await nrs.locator('td').nth(1).textContent()).toBe('no');
    expect(await guide.locator('tbody tr').first().locator('td').nth(1).textContent()).toBe('yes');
    await screenshot(page, 'import-column-guide');
  });

  it('reports a row with NRS 11 and a visit before the treatment with both problems, under their columns', async () => {
    const patient = await recordPatient(await apiToken('coordinator.north@demo.registry'), `Imp${unique}`, { care: true });
    const before = day(TREATED, -3);
    const csv = `registry_number,time_point,visit_date,status,nrs_rest\n${patient.registryNumber},M3,${before},DONE,11\n`;
    await page.getByLabel('What the file holds').selectOption('assessments');
    await page.getByLabel('CSV file (UTF-8, commas, header row)').setInputFiles({ name: 'visits.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Check the file (dry run)' }).click();
    await visible(page.getByRole('heading', { name: 'Dry run: nothing written yet' }));
    const rows = page.locator('section[aria-labelledby="report-title"] tbody tr');
    await visible(rows);
    const cells = await rows.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    expect(cells).toHaveLength(2);
    expect(cells.map((c) => [c[0], c[1], c[2]])).toEqual([
      ['2', 'nrs_restPain at rest (NRS 0-10)', 'range'],
      ['2', 'visit_dateVisit date', 'window'],
    ]);
    expect(cells[0][3]).toBe('nrs_rest must be an integer from 0 to 10 (got 11)');
    expect(cells[1][3]).toContain(`visit_date ${before}`);
    expect(cells.flat().join(' ')).not.toMatch(/nrsRest|visitDate/);
    expect(await page.locator('.report-summary').textContent()).toContain('2 problems');
    await screenshot(page, 'import-two-problems');
  });

  it('shows how far a file of 5,000 rows has come: sent, then checked by the server', async () => {
    const header = 'registry_number,site_code,sex,birth_year,consent_status';
    const rows = Array.from({ length: 5000 }, (_, i) => `NORTH-BIG${unique}-${i},NORTH,${i % 2 ? 'MALE' : 'FEMALE'},${1930 + (i % 40)},GIVEN`);
    const csv = `${header}\n${rows.join('\n')}\n`;
    // Every text the progress line shows, as the page shows it.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { progressSeen: string[] }).progressSeen = seen;
      new MutationObserver(() => {
        const text = document.querySelector('.import-progress span')?.textContent;
        if (text && seen[seen.length - 1] !== text) seen.push(text);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    // A slow connection (about 150 KB/s up), so that the sending can be watched as a person would.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 150 * 1024 });
    await page.getByLabel('What the file holds').selectOption('patients');
    await page.getByLabel('CSV file (UTF-8, commas, header row)').setInputFiles({ name: 'patients.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Check the file (dry run)' }).click();
    const bar = await visible(page.locator('.import-progress progress'));
    await screenshot(page, 'import-progress');
    expect(await bar.getAttribute('aria-label')).toBe('Import progress');
    await visible(page.getByRole('heading', { name: 'Dry run: nothing written yet' }), 60000);
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    expect(await page.locator('.report-summary').textContent()).toContain('5000 to add');
    expect(await page.locator('.import-progress').count()).toBe(0);
    const seen = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
    // The share sent rises, then the server's part follows.
    const sent = seen.filter((s) => s.startsWith('Sending the file')).map((s) => Number(/(\d+)%/.exec(s)![1]));
    expect(sent.length).toBeGreaterThan(1);
    expect(sent.some((p) => p > 0 && p < 100)).toBe(true);
    expect(sent).toEqual([...sent].sort((a, b) => a - b));
    expect(seen.some((s) => /^File sent|^Checking rows: [\d,]+ of 5,000$/.test(s))).toBe(true);
  });
});
