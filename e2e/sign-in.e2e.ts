import { Browser, Page } from 'playwright-core';
import { BASE_URL, DEMO_PASSWORD, launch, screenshot, signIn } from './browser';

interface Answer {
  data?: Record<string, any> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

async function api(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<Answer> {
  const res = await fetch(`${BASE_URL}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as Answer;
}

const me = (token: string) => api('{ me { email } }', {}, token);

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
    // Every role also has the methods document (a page beside the app).
    ['head.north@demo.registry', '/overview', ['Overview', 'Matched outcomes', 'Methods']],
    ['researcher@demo.registry', '/cohorts', ['Overview', 'Cohort explorer', 'Matched outcomes', 'Patients', 'Methods']],
    ['coordinator.north@demo.registry', '/patients', ['Matched outcomes', 'Patients', 'Worklist', 'Import', 'Data issues', 'Methods']],
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
    const token = await page.evaluate(() => sessionStorage.getItem('vfr.token'));
    expect(token).toBeTruthy();
    expect((await me(token!)).data?.me.email).toBe('head.north@demo.registry');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Email').waitFor();
    expect(await page.evaluate(() => sessionStorage.getItem('vfr.token'))).toBeNull();
    // Signing out ended the session on the server: a copy of the old token is refused.
    const after = await me(token!);
    expect(after.errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' }, message: expect.stringMatching(/signed out/) });
  });

  it('lets a user change their own password from the header, with the rule shown beside the field', async () => {
    // A user of its own, so that the demo accounts keep their password.
    const admin = await api('mutation($i: LoginInput!) { login(input: $i) { token } }', { i: { email: 'admin@demo.registry', password: DEMO_PASSWORD } });
    const email = `changer.${Date.now()}@demo.registry`;
    await api(
      'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }',
      { i: { email, displayName: 'Pat Changer', role: 'RESEARCHER', password: 'first walk by the river' } },
      admin.data!.login.token,
    );
    await page.goto(BASE_URL);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('first walk by the river');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'Change password' }).click();
    await page.waitForURL('**/account/password');
    const before = await page.evaluate(() => sessionStorage.getItem('vfr.token'));

    // The patterns are checked in the browser, the common-password list on the server: both beside the field.
    await page.getByLabel('Current password').fill('first walk by the river');
    await page.getByLabel('New password', { exact: true }).fill('aaaaaaaaaa');
    await page.getByLabel('New password again').fill('aaaaaaaaaa');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.locator('[data-field="newPassword"] .field-error').filter({ hasText: 'New password is too easy to guess' }).waitFor();
    await page.getByLabel('New password', { exact: true }).fill('Password2024!');
    await page.getByLabel('New password again').fill('Password2024!');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.locator('[data-field="newPassword"] .field-error').filter({ hasText: 'common password' }).waitFor();
    await screenshot(page, 'change-password-refused');

    await page.getByLabel('New password', { exact: true }).fill('second walk past the mill');
    await page.getByLabel('New password again').fill('second walk past the mill');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByRole('status').filter({ hasText: 'Your password is changed' }).waitFor();
    const current = await page.evaluate(() => sessionStorage.getItem('vfr.token'));
    expect(current).not.toBe(before);
    expect((await me(before!)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await me(current!)).data?.me.email).toBe(email);
  });
});
