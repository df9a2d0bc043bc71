import { readFileSync } from 'node:fs';
import { Browser, Page } from 'playwright-core';
import { launch, screenshot, signIn } from './browser';

const countOf = (text: string | null) => Number(/^(\d+) patients in the cohort/.exec(text ?? '')?.[1] ?? NaN);

describe('a researcher builds, compares, saves and reloads a cohort, in Chromium', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  });
  afterAll(async () => {
    await page?.close();
    await browser?.close();
  });

  it('narrows the cohort with filters and sees the comparison', async () => {
    await signIn(page, 'researcher@demo.registry');
    await page.getByRole('heading', { name: 'Cohort explorer' }).waitFor();
    const size = page.locator('.cohort-size');
    // The whole registry: the demo's 300 patients and any that other suites registered.
    await size.filter({ hasText: /^\d+ patients in the cohort/ }).waitFor({ timeout: 20000 });
    const all = countOf(await size.textContent());
    expect(all).toBeGreaterThanOrEqual(300);

    await page.getByLabel('Age from (years').fill('65');
    await page.getByRole('group', { name: 'Cause' }).getByLabel('Osteoporotic').check();
    await page.getByRole('button', { name: 'Show cohort' }).click();
    await page.waitForFunction(
      (whole) => {
        const m = /^(\d+) patients in the cohort/.exec(document.querySelector('.cohort-size')?.textContent ?? '');
        return m && Number(m[1]) < whole;
      },
      all,
      { timeout: 20000 },
    );
    const n = countOf(await size.textContent());
    expect(n).toBeGreaterThan(50);
    expect(n).toBeLessThan(all);

    for (const id of ['cohort-trajectory', 'cohort-responders', 'km-relief', 'ci-fracture', 'km-death', 'propensity-overlap']) {
      await page.locator(`[data-chart="${id}"] canvas`).first().waitFor({ timeout: 20000 });
    }
    await expect(page.locator('[data-chart="km-relief"] h3').textContent()).resolves.toMatch(/log-rank p [<=] 0\.\d+/);
    await expect(page.locator('[data-chart="ci-fracture"] .chart-note').textContent()).resolves.toMatch(
      /^Solid: a new fracture; dashed: death before one .* Gray's test for a new fracture p [<=] 0\.\d+/,
    );
    await expect(page.locator('[data-chart="km-death"] .chart-note').textContent()).resolves.toMatch(/^Log-rank p/);

    // Every figure links to the section of the methods that defines it, and the section is there.
    const link = page.locator('[data-chart="ci-fracture"]').getByRole('link', { name: 'How this figure is defined' });
    const href = (await link.getAttribute('href'))!;
    expect(href).toBe('/methods.html#competing-risks-cumulative-incidence-and-gray-s-test');
    const methods = await page.request.get(new URL(href, page.url()).toString());
    expect(methods.status()).toBe(200);
    expect(await methods.text()).toContain('id="competing-risks-cumulative-incidence-and-gray-s-test"');
    expect(await page.locator('section.chart-card').count()).toBe(
      await page.locator('section.chart-card').getByRole('link', { name: 'How this figure is defined' }).count(),
    );
    const adjusted = page.getByRole('table', { name: 'Differences between treatment groups' });
    await adjusted.waitFor({ timeout: 20000 });
    expect(await adjusted.locator('tbody tr').count()).toBe(2);
    await expect(adjusted.locator('tbody tr').first().textContent()).resolves.toMatch(/vs Conservative.*-?\d\.\d\d \(.*\).*-?\d\.\d\d \(/);
    await page.getByRole('table', { name: 'Covariate balance before and after weighting' }).waitFor();
    await page.getByRole('table', { name: 'Table 1: baseline characteristics' }).waitFor();
    await screenshot(page, 'researcher-cohort-comparison');

    // Per protocol: the caption says how crossovers are handled.
    await expect(page.locator('.grouping-caption').textContent()).resolves.toMatch(/^Intention to treat/);
    await page.getByLabel('Group patients by').selectOption('PER_PROTOCOL');
    await page.getByRole('button', { name: 'Show cohort' }).click();
    await page
      .locator('.grouping-caption')
      .filter({ hasText: /^Per protocol: .*crossover/ })
      .waitFor({ timeout: 10000 });
    await page.locator('[data-chart="ci-fracture"] canvas').first().waitFor({ timeout: 20000 });
    await screenshot(page, 'researcher-cohort-per-protocol');
    await page.getByLabel('Group patients by').selectOption('FIRST_TREATMENT');
    await page.getByRole('button', { name: 'Show cohort' }).click();

    // Another measure redraws the trajectory with its own axis.
    await page.getByLabel('Outcome measure').selectOption('ODI');
    await page.locator('[data-chart="cohort-trajectory"] h3').filter({ hasText: 'ODI over time' }).waitFor();
  });

  it('opens a shared link in a new page: the same cohort, settings and figures', async () => {
    // The URL holds the filter form's cohort and the settings, nothing else.
    const shared = new URL(page.url());
    expect(shared.searchParams.get('cohort')).toBe(JSON.stringify({ ageMin: 65, causes: ['OSTEOPOROTIC'] }));
    expect(shared.searchParams.get('measure')).toBe('ODI');
    expect([...shared.searchParams.keys()].sort()).toEqual(['cohort', 'measure']);
    await page.getByRole('button', { name: 'Copy link' }).click();
    await page.getByText(/^(Link copied\.|Copy this link: )/).waitFor();
    const size = await page.locator('.cohort-size').textContent();
    const differences = page.getByRole('table', { name: 'Differences between treatment groups' });
    await differences.locator('caption').filter({ hasText: 'ODI at Month 1' }).waitFor({ timeout: 20000 });
    const firstDifference = await differences.locator('tbody tr').first().textContent();

    const other = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    try {
      await signIn(other, 'researcher@demo.registry');
      await other.getByRole('heading', { name: 'Cohort explorer' }).waitFor();
      await other.goto(shared.toString());
      await other.locator('.cohort-size').filter({ hasText: size! }).waitFor({ timeout: 20000 });
      await expect(other.getByLabel('Age from (years').inputValue()).resolves.toBe('65');
      await expect(other.getByRole('group', { name: 'Cause' }).getByLabel('Osteoporotic').isChecked()).resolves.toBe(true);
      await expect(other.getByLabel('Outcome measure').inputValue()).resolves.toBe('ODI');
      const theirs = other.getByRole('table', { name: 'Differences between treatment groups' });
      await theirs.locator('caption').filter({ hasText: 'ODI at Month 1' }).waitFor({ timeout: 20000 });
      await expect(theirs.locator('tbody tr').first().textContent()).resolves.toBe(firstDifference);
      // Every difference says which way is better and whom it favours.
      await expect(theirs.locator('tbody tr').first().locator('.direction').first().textContent()).resolves.toMatch(
        /^lower is better: (favours \w+|no difference)$/,
      );
      // Table 1 and the balance rows in words from the data dictionary, no code names.
      const tableOne = other.getByRole('table', { name: 'Table 1: baseline characteristics' });
      await tableOne.waitFor({ timeout: 20000 });
      const names = await tableOne.locator('tbody tr td:first-child').allTextContents();
      expect(names.length).toBeGreaterThan(10);
      expect(names.filter((n) => /[a-z][A-Z]|_/.test(n))).toEqual([]);
      expect(names).toContain('ASA class: III or more, n (%)');
      const balance = await other
        .getByRole('table', { name: 'Covariate balance before and after weighting' })
        .locator('tbody tr td:first-child')
        .allTextContents();
      expect(balance.filter((n) => /[a-z][A-Z]/.test(n))).toEqual([]);
      await screenshot(other, 'researcher-shared-link');
      await other.locator('[data-chart="km-relief"] canvas').first().waitFor({ timeout: 20000 });
      await other
        .locator('[data-chart="km-relief"]')
        .screenshot({ path: '/tmp/researchers-km.png' })
        .catch(() => undefined);

      // A pasted link is held to the reader's granularity like any request: the server's sentence, no crash.
      const finer = new URL('/cohorts', shared);
      finer.searchParams.set('cohort', JSON.stringify({ treatedFrom: '2024-02-14' }));
      await other.goto(finer.toString());
      await other.locator('.cohort-size').filter({ hasText: 'treatedFrom must be the first day of a quarter' }).waitFor({ timeout: 20000 });
      await other.getByRole('heading', { name: 'Cohort explorer' }).waitFor();
      await screenshot(other, 'researcher-finer-link-refused');
    } finally {
      await other.close();
    }
  });

  it('exports the cohort as a CSV with the token', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Long CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('cohort-assessments-long.csv');
    const path = await download.path();
    const text = readFileSync(path, 'utf8');
    expect(text.split('\n')[0]).toMatch(/,/);
    expect(text.split('\n').length).toBeGreaterThan(10);
  });

  it('saves the cohort and loads it back after a reload', async () => {
    const name = `Older osteoporotic ${Date.now()}`;
    const before = countOf(await page.locator('.cohort-size').textContent());
    await page.getByLabel('Save this cohort as').fill(name);
    await page.getByRole('button', { name: 'Save cohort' }).click();
    await page.getByText(`Saved as “${name}”.`).waitFor();

    await page.reload();
    await page
      .locator('.cohort-size')
      .filter({ hasText: /^\d+ patients in the cohort/ })
      .waitFor({ timeout: 20000 });
    await page.getByLabel('Saved cohorts').selectOption({ label: name });
    await page.getByRole('button', { name: 'Load cohort' }).click();
    await page
      .locator('.cohort-size')
      .filter({ hasText: new RegExp(`^${before} patients in the cohort`) })
      .waitFor({ timeout: 20000 });
    await expect(page.getByLabel('Age from (years').inputValue()).resolves.toBe('65');
    await expect(page.getByRole('group', { name: 'Cause' }).getByLabel('Osteoporotic').isChecked()).resolves.toBe(true);
    await page.locator('[data-chart="ci-fracture"] canvas').first().waitFor({ timeout: 20000 });
    await page.getByRole('table', { name: 'Table 1: baseline characteristics' }).waitFor({ timeout: 20000 });
    await screenshot(page, 'researcher-cohort-loaded');

    // Renamed, then deleted after a confirmation.
    const renamed = `${name} (renamed)`;
    await page.getByRole('button', { name: 'Rename' }).click();
    await page.getByLabel('New name').fill(renamed);
    await page.getByRole('button', { name: 'Save name' }).click();
    await page.getByText(`Renamed “${name}” to “${renamed}”.`).waitFor();
    await page.getByLabel('Saved cohorts').selectOption({ label: renamed });
    await page.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('form', { name: `Confirm deleting “${renamed}”` }).waitFor();
    await screenshot(page, 'researcher-cohort-delete-confirm');
    await page.getByRole('button', { name: 'Yes, delete' }).click();
    await page.getByText(`Deleted “${renamed}”.`).waitFor();
    await expect(page.getByLabel('Saved cohorts').locator('option').allTextContents()).resolves.not.toContain(renamed);
  });

  it('downloads the complications and treatments of the cohort, with their headers', async () => {
    for (const [button, file, head] of [
      ['Complications CSV', 'cohort-complications.csv', /^registry_number,occurred_day,kind,/],
      ['Treatments CSV', 'cohort-treatments.csv', /^registry_number,index_treatment,kind,start_day,/],
    ] as const) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
      expect(download.suggestedFilename()).toBe(file);
      const text = readFileSync(await download.path(), 'utf8');
      expect(text.split('\n')[0]).toMatch(head);
      expect(text.split('\n').length).toBeGreaterThan(5);
      expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    }
  });

  it('compares procedures by anaesthesia, and the adjusted risk of a new fracture', async () => {
    await page.goto(new URL('/', page.url()).toString());
    await page.getByRole('heading', { name: 'Cohort explorer' }).waitFor();
    const size = page.locator('.cohort-size');
    await size.filter({ hasText: /^\d+ patients in the cohort/ }).waitFor({ timeout: 20000 });
    const all = countOf(await size.textContent());
    await page.getByLabel('Group patients by').selectOption('ANAESTHESIA');
    await page.getByRole('button', { name: 'Show cohort' }).click();
    await page
      .locator('.grouping-caption')
      .filter({ hasText: /^Procedures by the anaesthesia/ })
      .waitFor({ timeout: 10000 });
    // Only procedures: fewer patients, grouped as local, sedation, general; no conservative care.
    await page.waitForFunction(
      (whole) => {
        const m = /^(\d+) patients in the cohort/.exec(document.querySelector('.cohort-size')?.textContent ?? '');
        return m && Number(m[1]) < whole;
      },
      all,
      { timeout: 20000 },
    );
    const text = (await size.textContent())!;
    expect(text).toMatch(/local \d+/);
    expect(text).toMatch(/sedation \d+/);
    expect(text).not.toMatch(/conservative/);
    await page.locator('[data-chart="cohort-trajectory"] canvas').first().waitFor({ timeout: 20000 });
    const adjusted = page.getByRole('table', { name: 'Differences between treatment groups' });
    await adjusted.waitFor({ timeout: 20000 });
    await expect(adjusted.locator('tbody tr').first().textContent()).resolves.toMatch(/(Local|Sedation) vs General/);
    await screenshot(page, 'researcher-cohort-by-anaesthesia');

    await page.getByLabel('Group patients by').selectOption('FIRST_TREATMENT');
    await page.getByRole('button', { name: 'Show cohort' }).click();
    await page.getByLabel('Time point for the differences').selectOption('M12');
    await page.getByLabel('Adjusted comparison of').selectOption('NEW_FRACTURE');
    await adjusted
      .locator('caption')
      .filter({ hasText: 'the risk of a new vertebral fracture by Month 12 (group minus reference, percentage points)' })
      .waitFor({ timeout: 20000 });
    await expect(adjusted.locator('tbody tr').first().textContent()).resolves.toMatch(/vs Conservative.*-?\d+\.\d \(/);
    await screenshot(page, 'researcher-cohort-new-fracture-risk');
    await page.getByLabel('Adjusted comparison of').selectOption('SCORE');
  });

  it('reads at tablet width without sideways scrolling', async () => {
    await page.setViewportSize({ width: 800, height: 1100 });
    await page.reload();
    await page
      .locator('.cohort-size')
      .filter({ hasText: /^\d+ patients in the cohort/ })
      .waitFor({ timeout: 20000 });
    await page.locator('[data-chart="ci-fracture"] canvas').first().waitFor({ timeout: 20000 });
    await page.getByRole('table', { name: 'Table 1: baseline characteristics' }).waitFor({ timeout: 20000 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'researcher-cohort-tablet');
  });
});
