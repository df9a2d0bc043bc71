import { Browser, Locator, Page } from 'playwright-core';
import { BASE_URL, DEMO_PASSWORD, launch, screenshot, signIn } from './browser';
import { apiToken } from './patients.setup';

// An admin runs the registry: users, sites and the audit log, where the coordinator's writes
// (this suite runs after coordinator.e2e.ts in the same registry, or makes its own) appear.

async function visible(locator: Locator, timeout = 15000): Promise<Locator> {
  await locator.first().waitFor({ state: 'visible', timeout });
  return locator.first();
}

describe('an admin manages users and sites and reads the audit log, in Chromium', () => {
  let browser: Browser;
  let page: Page;
  const unique = Date.now().toString(36);
  const email = `new.coordinator.${unique}@demo.registry`;

  beforeAll(async () => {
    browser = await launch();
    // A coordinator's write that the audit log must show, whatever ran before.
    const coordinator = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await signIn(coordinator, 'coordinator.north@demo.registry');
    await visible(coordinator.getByRole('link', { name: 'Register a patient' }));
    await coordinator.getByRole('link', { name: 'Register a patient' }).click();
    await coordinator.getByLabel('Sex').selectOption('MALE');
    await coordinator.getByLabel('Birth year').fill('1951');
    await coordinator.getByRole('button', { name: 'Register patient' }).click();
    await visible(coordinator.getByRole('heading', { name: /^Patient NORTH-/ }));
    await coordinator.close();
    // More than one page of ten events, whatever ran before: each sign-in is an audit event.
    for (let i = 0; i < 6; i++) {
      await fetch(`${BASE_URL}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: 'mutation($i: LoginInput!) { login(input: $i) { token } }',
          variables: { i: { email: 'researcher@demo.registry', password: DEMO_PASSWORD } },
        }),
      });
    }

    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await signIn(page, 'admin@demo.registry');
    await visible(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }));
  });
  afterAll(() => browser?.close());

  it('lists users, creates a coordinator, moves it to another site and deactivates it', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).click();
    await visible(page.getByRole('heading', { name: 'Users' }));
    await visible(page.locator('tbody .email', { hasText: 'coordinator.north@demo.registry' }));
    const emails = await page.locator('tbody .email').allTextContents();
    expect(emails).toEqual(expect.arrayContaining(['admin@demo.registry', 'researcher@demo.registry', 'head.north@demo.registry']));
    await screenshot(page, 'admin-users');

    await page.getByRole('button', { name: 'New user' }).click();
    await page.getByLabel('Email', { exact: true }).fill(email);
    await page.getByLabel('Name', { exact: true }).fill('New Coordinator');
    await page.getByLabel('Role', { exact: true }).selectOption('COORDINATOR');
    await page.getByLabel('Initial password').fill('short');
    await page.getByRole('button', { name: 'Create user' }).click();
    // The browser checks the rules first: a coordinator needs a site, a password 10 characters.
    await visible(page.getByText('Initial password must be at least 10 characters', { exact: true }));
    expect((await page.locator('.field-error').allTextContents()).join(' ')).not.toContain('short');
    await visible(page.getByText('Site is required for a COORDINATOR'));
    await screenshot(page, 'admin-new-user-errors');
    await page.getByLabel('Site', { exact: true }).selectOption({ label: 'NORTH' });
    await page.getByLabel('Initial password').fill('a-long-enough-password');
    await page.getByRole('button', { name: 'Create user' }).click();
    await visible(page.getByRole('status').filter({ hasText: 'User created.' }));

    await page.getByLabel(`Site of ${email}`).selectOption({ label: 'SOUTH' });
    const row = page.locator('tbody tr', { hasText: email });
    await row.getByRole('button', { name: 'Save' }).click();
    await visible(page.getByRole('status').filter({ hasText: `${email}: role and site saved.` }));
    // Deactivation asks first; cancelling keeps the user active.
    await page.locator('tbody tr', { hasText: email }).getByRole('button', { name: 'Deactivate' }).click();
    const confirm = await visible(page.getByRole('group', { name: `Confirm deactivating ${email}` }));
    expect(await confirm.textContent()).toContain('signed out everywhere');
    await screenshot(page, 'admin-deactivate-confirm');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    expect(await page.getByRole('group', { name: `Confirm deactivating ${email}` }).count()).toBe(0);
    // Still active (a new account also says it must choose its password at first sign-in).
    const status = await page.locator('tbody tr', { hasText: email }).locator('td').nth(3).textContent();
    expect(status).toMatch(/^active/);
    expect(status).toContain('must choose a password');
    const [user] = (
      await (
        await fetch(`${BASE_URL}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${await apiToken('admin@demo.registry')}` },
          body: JSON.stringify({ query: '{ users { email active } }' }),
        })
      ).json()
    ).data.users.filter((u: { email: string }) => u.email === email);
    expect(user).toEqual({ email, active: true });
    await page.locator('tbody tr', { hasText: email }).getByRole('button', { name: 'Deactivate' }).click();
    await page
      .getByRole('group', { name: `Confirm deactivating ${email}` })
      .getByRole('button', { name: 'Yes, deactivate' })
      .click();
    await visible(page.getByRole('status').filter({ hasText: `${email} deactivated` }));
    expect(await page.locator('tbody tr', { hasText: email }).textContent()).toContain('deactivated');
  });

  it('lists the sites', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sites' }).click();
    await visible(page.getByRole('heading', { name: 'Sites' }));
    await visible(page.locator('tbody tr'));
    expect(await page.locator('tbody tr td:first-child').allTextContents()).toEqual(expect.arrayContaining(['CENTRAL', 'NORTH', 'SOUTH']));
    await screenshot(page, 'admin-sites');
  });

  it("reads the audit log with the coordinator's writes and its own, filtered and paged", async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit log' }).click();
    await visible(page.getByRole('heading', { name: 'Audit log' }));
    await visible(page.locator('tbody tr'));
    await screenshot(page, 'admin-audit-log');
    await page.getByLabel('User email begins with').fill('coordinator.north');
    await page.getByLabel('Record type').selectOption('Patient');
    await page.waitForFunction(() => {
      const rows = [...document.querySelectorAll('tbody tr')];
      return (
        rows.length > 0 && rows.every((r) => r.children[1].textContent === 'coordinator.north@demo.registry' && r.children[3].textContent.startsWith('Patient'))
      );
    });
    expect(await page.locator('tbody tr td:nth-child(3)').allTextContents()).toContain('Created');
    // The patient by its registry number, not an id.
    const records = await page.locator('tbody tr td:nth-child(4) .record-name').allTextContents();
    expect(records.some((r) => /^NORTH-\d+$/.test(r))).toBe(true);
    expect(records.join(' ')).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}|[0-9a-f]{8}…/);
    await screenshot(page, 'admin-audit-log-coordinator');

    await page.getByLabel('User email begins with').fill('admin');
    await page.getByLabel('Record type').selectOption('User');
    await page.waitForFunction((email) => [...document.querySelectorAll('tbody tr')].some((r) => r.textContent.includes(email)), email);
    const changes = await page.locator('tbody tr td.changes').allTextContents();
    expect(changes.join(' ')).toContain('active true → false');
    // A user by their email, a site by its code.
    expect(await page.locator('tbody tr', { hasText: 'active true → false' }).first().locator('.record-name').textContent()).toBe(email);
    expect(changes.join(' ')).toMatch(/siteId (NORTH|SOUTH) → (NORTH|SOUTH)/);
    await screenshot(page, 'admin-audit-log-users');

    // Access, not only changes: the admin's own sign-in, and the coordinator's identifier reads.
    await page.getByLabel('Record type').selectOption('');
    await page.getByLabel('Action').selectOption({ label: 'Sign-in' });
    await page.waitForFunction(() => {
      const rows = [...document.querySelectorAll('tbody tr')];
      return rows.length > 0 && rows.every((r) => r.children[2].textContent === 'Sign-in' && r.children[3].textContent.startsWith('Session'));
    });
    expect((await page.locator('tbody tr td.changes').allTextContents()).join(' ')).toContain('address');
    await screenshot(page, 'admin-audit-log-sign-ins');
    await page.getByLabel('User email begins with').fill('coordinator.north');
    await page.getByLabel('Action').selectOption({ label: 'Identifiers read' });
    await page.waitForFunction(() => {
      const rows = [...document.querySelectorAll('tbody tr')];
      return (
        rows.length > 0 && rows.every((r) => r.children[2].textContent === 'Identifiers read' && r.children[3].textContent.startsWith('PatientIdentifier'))
      );
    });
    expect((await page.locator('tbody tr td.changes').allTextContents()).join(' ')).toContain('registryNumbers');

    await page.getByLabel('Action').selectOption('');
    await page.getByLabel('User email begins with').fill('');
    await page.getByLabel('Record type').selectOption('');
    await page.getByLabel('Events per page').selectOption('10');
    await page.waitForFunction(() => document.querySelectorAll('tbody tr').length === 10);
    const newest = await page.locator('tbody tr').first().textContent();
    await page.getByRole('button', { name: 'Older' }).click();
    await visible(page.locator('.page-of').filter({ hasText: 'Page 2' }));
    await page.waitForFunction((first) => document.querySelector('tbody tr')?.textContent !== first, newest);
    await page.getByRole('button', { name: 'Newer' }).click();
    await page.waitForFunction((first) => document.querySelector('tbody tr')?.textContent === first, newest);
  });

  it('narrows the audit log to a range of days and downloads it as CSV', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit log' }).click();
    await visible(page.locator('tbody tr'));
    const today = new Date().toISOString().slice(0, 10);
    const yesterday = new Date(Date.now() - 86400000).toISOString().slice(0, 10);
    // Everything in this registry happened today (UTC): a range ending yesterday holds nothing.
    await page.getByLabel('To (UTC day, included)').fill(yesterday);
    await visible(page.getByText('No audit event matches these filters.'));
    await page.getByLabel('To (UTC day, included)').fill(today);
    await page.getByLabel('From (UTC day)').fill(today);
    await visible(page.locator('tbody tr'));
    await page.getByLabel('Record type').selectOption('User');
    await page.waitForFunction(() => {
      const rows = [...document.querySelectorAll('tbody tr')];
      return rows.length > 0 && rows.every((r) => r.children[3].textContent.startsWith('User'));
    });
    const shown = await page.locator('tbody tr').count();
    await screenshot(page, 'admin-audit-log-range');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download CSV (all pages)' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`audit-log-${today}-to-${today}.csv`);
    let text = '';
    for await (const chunk of await file.createReadStream()) text += chunk;
    const [header, ...lines] = text.trim().split('\n');
    expect(header).toBe('id,occurred_at,user,action,record_type,record_id,record,names,before,after,reason');
    expect(lines.length).toBe(shown);
    expect(lines.some((l) => l.includes(email))).toBe(true);
    // The download is itself in the log, as an export.
    await page.getByLabel('Record type').selectOption('Export');
    await page.waitForFunction(() => [...document.querySelectorAll('tbody tr')].some((r) => r.textContent.includes('audit-log')));
    expect(await page.locator('tbody tr').first().locator('td').nth(2).textContent()).toBe('Export');
    await page.getByLabel('Record type').selectOption('');
    await page.getByLabel('From (UTC day)').fill('');
    await page.getByLabel('To (UTC day, included)').fill('');
  });

  it("keeps the admin's navigation on one line at 1440 px", async () => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).click();
    await visible(page.getByRole('heading', { name: 'Users' }));
    const nav = await page.getByRole('navigation', { name: 'Main' }).evaluate((el) => {
      const links = [...el.querySelectorAll('a')].map((a) => a.getBoundingClientRect());
      return {
        height: el.getBoundingClientRect().height,
        count: links.length,
        tops: new Set(links.map((r) => Math.round(r.top))).size,
        linkHeight: links[0].height,
      };
    });
    expect(nav.count).toBe(11);
    expect(nav.tops).toBe(1);
    expect(nav.height).toBeLessThan(nav.linkHeight * 1.5);
    await screenshot(page, 'admin-nav-1440');
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('reads at tablet width', async () => {
    await page.setViewportSize({ width: 800, height: 1000 });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).click();
    await visible(page.locator('tbody .email', { hasText: 'admin@demo.registry' }));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'admin-users-tablet');
  });
});
