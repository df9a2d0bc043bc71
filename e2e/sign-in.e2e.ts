import { Browser, Page } from 'playwright-core';
import { BASE_URL, launch, screenshot, signIn } from './browser';

describe('signing in and finding patients, in Chromium', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());
  beforeEach(async () => {
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  });
  afterEach(() => page?.close());

  it('refuses a wrong password with a sentence', async () => {
    await page.goto(BASE_URL);
    await page.getByLabel('Email').fill('coordinator.north@demo.registry');
    await page.getByLabel('Password').fill('wrong-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expectText(page.getByRole('alert'), 'The email or password is wrong');
    await screenshot(page, 'login-error');
  });

  it('shows a coordinator its own site\'s patients and finds one by registry number', async () => {
    await signIn(page, 'coordinator.north@demo.registry');
    await page.getByRole('heading', { name: 'Patients' }).waitFor();
    await page.locator('tbody tr').first().waitFor();
    const sites = await page.locator('tbody tr td:nth-child(2)').allTextContents();
    expect(sites.length).toBe(25);
    expect(new Set(sites)).toEqual(new Set(['NORTH']));
    await screenshot(page, 'coordinator-patients');
    const first = (await page.locator('tbody tr td:first-child').first().textContent())!;
    await page.getByLabel('Search by registry number').fill(first);
    await expectText(page.locator('.count'), '1 patients');
    await expect(page.locator('tbody tr')).toHaveCountOf(1);
  });

  it('shows a department head the registry overview', async () => {
    await signIn(page, 'head.north@demo.registry');
    await page.getByRole('heading', { name: 'Registry overview' }).waitFor();
    const rows = await page.locator('table').first().locator('tbody tr td:first-child').allTextContents();
    expect(rows).toEqual(['Conservative', 'Kyphoplasty', 'Vertebroplasty']);
    const sites = await page.locator('table').nth(1).locator('tbody tr td:first-child').allTextContents();
    expect(sites).toEqual(['CENTRAL', 'NORTH', 'SOUTH']);
    await screenshot(page, 'department-head-overview');
  });

  it('shows a researcher every site', async () => {
    await signIn(page, 'researcher@demo.registry');
    await page.locator('tbody tr').first().waitFor();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.waitForFunction(() => document.querySelectorAll('tbody tr').length === 25);
    await screenshot(page, 'researcher-patients');
    const count = await page.locator('.count').textContent();
    expect(count).toBe('300 patients');
    // De-identified: treatment dates appear as days from the index treatment, never as dates.
    const treatments = await page.locator('tbody tr td:nth-child(7)').allTextContents();
    expect(treatments.join(' ')).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(treatments.join(' ')).toMatch(/day 0/);
  });
});

async function expectText(locator: import('playwright-core').Locator, text: string): Promise<void> {
  await locator.filter({ hasText: text }).first().waitFor({ timeout: 10000 });
}

// A tiny matcher for locator counts (playwright-core has no expect of its own).
expect.extend({
  async toHaveCountOf(locator: import('playwright-core').Locator, n: number) {
    const deadline = Date.now() + 10000;
    let count = await locator.count();
    while (count !== n && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      count = await locator.count();
    }
    return { pass: count === n, message: () => `expected ${n} elements, found ${count}` };
  },
});

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace jest {
    interface Matchers<R> {
      toHaveCountOf(n: number): Promise<R>;
    }
  }
}
