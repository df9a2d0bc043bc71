import { Browser, Page } from 'playwright-core';
import { BASE_URL, launch, screenshot, signIn } from './browser';

// Signing in, and the layout showing each role only what it may use.
describe('signing in, in Chromium', () => {
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
    await page.getByRole('alert').filter({ hasText: 'The email or password is wrong' }).waitFor({ timeout: 10000 });
    await screenshot(page, 'login-error');
  });

  const cases: [string, string, string[]][] = [
    ['head.north@demo.registry', '/overview', ['Overview']],
    ['researcher@demo.registry', '/cohorts', ['Overview', 'Cohort explorer', 'Patients']],
    ['coordinator.north@demo.registry', '/patients', ['Patients', 'Worklist', 'Import']],
  ];
  it.each(cases)('lands %s on %s with only its screens in the nav', async (email, home, nav) => {
    await signIn(page, email);
    await page.waitForURL(`**${home}`, { timeout: 15000 });
    const links = await page.getByRole('navigation', { name: 'Main' }).getByRole('link').allTextContents();
    expect(links).toEqual(nav);
  });

  it('sends a department head to sign-in again after signing out, and refuses a screen it may not use', async () => {
    await signIn(page, 'head.north@demo.registry');
    await page.waitForURL('**/overview');
    await page.goto(`${BASE_URL}/cohorts`);
    await page.getByText('This page does not exist or your role cannot open it').waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Email').waitFor();
  });
});
