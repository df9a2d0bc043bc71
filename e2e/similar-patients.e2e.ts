import { Browser, Page } from 'playwright-core';
import { launch, screenshot, signIn } from './browser';

describe('patients like this one, in Chromium', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());
  afterEach(() => page?.close());

  it("opens from a patient's page with the profile pre-filled, and shows each path's outcomes with n and how the match was made", async () => {
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, 'coordinator.north@demo.registry');
    await page.getByRole('heading', { name: 'Patients', exact: true }).waitFor();
    // The first patient of the site's list.
    await page.locator('main table tbody a').first().click();
    await page.getByRole('heading', { name: /^Patient / }).waitFor();
    const registryNumber = ((await page.getByRole('heading', { name: /^Patient / }).textContent()) ?? '').replace('Patient ', '').trim();
    await page.locator('main').getByRole('link', { name: 'Patients like this one' }).click();

    await page.getByRole('heading', { name: 'Patients like this one' }).waitFor();
    await page.getByText(`patient ${registryNumber}`).waitFor();
    // Pre-filled from the record: age and sex at least.
    expect(Number(await page.getByLabel('Age (years)').inputValue())).toBeGreaterThan(17);
    expect(await page.getByLabel('Sex').inputValue()).toMatch(/FEMALE|MALE/);
    expect(await page.getByText(/do not replace\s+clinical judgement/).count()).toBe(1);

    const table = page.getByRole('table', { name: 'Outcomes of the matched patients per path' });
    await table.waitFor({ timeout: 20000 });
    for (const path of ['Conservative care', 'Vertebroplasty', 'Kyphoplasty']) {
      const header = table.getByRole('columnheader', { name: new RegExp(path) });
      expect(await header.textContent()).toMatch(/n = (\d+|withheld)/);
    }
    // Every path has a count shown in the seeded registry, and says how far the match widened.
    const heads = await table.locator('thead th').allTextContents();
    expect(heads.filter((h) => /n = \d+/.test(h)).length).toBeGreaterThanOrEqual(2);
    const how = await page.getByRole('list', { name: 'How the match was made' }).textContent();
    expect(how).toMatch(/widened to step \d of 5 \(/);
    for (const row of [
      'Pain NRS at 1 week',
      'Pain NRS at 12 months',
      'Crossover to another treatment within a year',
      'Death within a year',
      'Same-day discharge',
    ])
      expect(await table.getByRole('rowheader', { name: new RegExp(row) }).count()).toBe(1);
    expect(await table.textContent()).toMatch(/\d\.\d \(\d\.\d–\d+\.\d\)/);
    await screenshot(page, 'patients-like-this-coordinator');

    // Changing the profile and searching again asks anew.
    await page.getByLabel('Active cancer').selectOption('true');
    await page.getByLabel('Cause').selectOption('METASTASIS');
    await page.getByRole('button', { name: 'Find patients like this one' }).click();
    await page.waitForFunction(() => /widened to step/.test(document.body.textContent ?? ''));
    await screenshot(page, 'patients-like-this-changed');
  });

  it('is open to a department head, who types a profile in', async () => {
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, 'head.north@demo.registry');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Matched outcomes' }).click();
    await page.getByLabel('Age (years)').fill('81');
    await page.getByLabel('Sex').selectOption('FEMALE');
    await page.getByLabel('Baseline pain NRS (0-10)').fill('8');
    await page.getByRole('button', { name: 'Find patients like this one' }).click();
    await page.getByRole('table', { name: 'Outcomes of the matched patients per path' }).waitFor({ timeout: 20000 });
    expect(await page.getByText('OF-Score from the record').count()).toBe(0);
    await screenshot(page, 'patients-like-this-department-head');
  });
});
