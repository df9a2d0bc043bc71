import AxeBuilder from '@axe-core/playwright';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { BASE_URL, launch } from './browser';
import { apiToken, recordPatient, type RecordedPatient } from './patients.setup';

// Every page of the dashboard, as each role reaches it, checked by axe-core: a serious or critical
// violation fails the test and is printed rule by rule with the elements it names. The pages come
// from the dashboard's route tables (apps/dashboard/src/*.routes.tsx, read as text: the e2e suite
// imports no dashboard code), so a new page is checked as soon as it is in a table.

type Role = 'ADMIN' | 'COORDINATOR' | 'RESEARCHER' | 'DEPARTMENT_HEAD';

const USERS: Record<Role, string> = {
  DEPARTMENT_HEAD: 'head.north@demo.registry',
  RESEARCHER: 'researcher@demo.registry',
  COORDINATOR: 'coordinator.north@demo.registry',
  ADMIN: 'admin@demo.registry',
};

interface Route {
  path: string;
  roles: Role[];
  file: string;
}

/** Every `{ path: '...', ..., roles: [...] }` of every route table; a table entry not understood fails. */
function routeTables(dir = path.join(__dirname, '../apps/dashboard/src')): Route[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.routes.tsx'))
    .flatMap((file) => {
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      const routes = [...text.matchAll(/\{\s*path:\s*'([^']+)',[^}]*?roles:\s*\[([^\]]*)\]/g)].map((m) => ({
        path: m[1],
        roles: [...m[2].matchAll(/'([A-Z_]+)'/g)].map((r) => r[1] as Role),
        file,
      }));
      const entries = (text.match(/\bpath:\s*'/g) ?? []).length;
      if (routes.length !== entries || routes.some((r) => !r.roles.length))
        throw new Error(`${file}: ${entries} routes, ${routes.length} read; the test's reader needs updating for its format`);
      return routes;
    });
}

/**
 * Known exclusions: a violation listed here is reported but does not fail the test. Each has its
 * reason; the list is empty when nothing is known to be wrong.
 */
// Violations accepted for a stated reason (none now: every serious or critical finding fails).
const KNOWN: { rule: string; page: RegExp; reason: string }[] = [];

const SERIOUS = new Set(['serious', 'critical']);

interface Finding {
  where: string;
  text: string;
  known?: string;
}

/** Each serious or critical violation on the page, printed with its elements and what axe says to fix. */
async function scan(page: Page, where: string): Promise<Finding[]> {
  // Every "Show as table" opened: the tables behind the charts are checked too.
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => d.setAttribute('open', '')));
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => SERIOUS.has(v.impact ?? ''))
    .map((v) => {
      const known = KNOWN.find((k) => k.rule === v.id && k.page.test(where));
      const nodes = v.nodes
        .slice(0, 8)
        .map((n) => `    - ${n.target.join(' ')}\n      ${(n.failureSummary ?? '').replace(/\n/g, '\n      ')}`)
        .join('\n');
      const more = v.nodes.length > 8 ? `\n    … and ${v.nodes.length - 8} more` : '';
      return { where, known: known?.reason, text: `[${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes}${more}` };
    });
}

/** The page has answered and drawn: no request in flight, nothing left saying "Loading". */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => !document.querySelector('.loading'), undefined, { timeout: 30000 });
}

async function signIn(page: Page, role: Role): Promise<void> {
  await page.goto(BASE_URL);
  await page.getByLabel('Email').fill(USERS[role]);
  await page.getByLabel('Password').fill('demo-registry-2026');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

describe('accessibility of every page, by axe-core, in Chromium', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let patient: RecordedPatient;
  const findings: Finding[] = [];

  /** A route's address with its parameters filled; a parameter the test cannot fill fails. */
  const address = (route: string) =>
    route.replace(/:(\w+)/g, (_, name: string) => {
      if (route.startsWith('/patients/') && name === 'id') return patient.id;
      throw new Error(`no value for :${name} in ${route}: add one to the axe test`);
    });

  /** What a page shows only after a user acts, checked again in that state. */
  const STATES: Record<string, { roles: Role[]; name: string; act: (page: Page) => Promise<void> }[]> = {
    '/patients/:id': [
      {
        roles: ['COORDINATOR', 'ADMIN'],
        name: 'with the visit form open',
        act: async (p) => {
          await p.getByRole('button', { name: 'Add visit' }).click();
          await p.getByRole('button', { name: 'Save visit' }).waitFor();
        },
      },
    ],
    '/cohorts': [
      {
        roles: ['RESEARCHER', 'ADMIN'],
        name: 'with a comparison run',
        act: async (p) => {
          await p.getByRole('button', { name: 'Show cohort' }).click();
          await p.getByRole('table', { name: 'Differences between treatment groups' }).waitFor({ timeout: 30000 });
        },
      },
    ],
  };

  beforeAll(async () => {
    browser = await launch();
    patient = await recordPatient(await apiToken(USERS.COORDINATOR), `Axe${Date.now().toString(36).toUpperCase()}`, { care: true });
  });
  afterAll(async () => {
    await browser?.close();
    const known = findings.filter((f) => f.known);
    if (known.length) console.log(`Known and excluded:\n${known.map((f) => `${f.where}: ${f.text.split('\n')[0]}\n  because ${f.known}`).join('\n')}`);
  });
  // A context of its own per test: axe finishes its run in a page it opens beside this one.
  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
  });
  afterEach(() => context?.close());

  function verdict(mine: Finding[]): void {
    findings.push(...mine);
    const failing = mine.filter((f) => !f.known);
    if (failing.length)
      throw new Error(`${failing.length} serious or critical accessibility violations:\n\n${failing.map((f) => `${f.where}\n  ${f.text}`).join('\n\n')}`);
  }

  it('reads the route tables (every page of every role is below)', () => {
    const routes = routeTables();
    expect(routes.map((r) => r.path)).toEqual(expect.arrayContaining(['/overview', '/cohorts', '/patients', '/patients/:id', '/worklist', '/admin/users']));
  });

  it('the sign-in page and the methods', async () => {
    await page.goto(BASE_URL);
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    const mine = await scan(page, 'sign-in page');
    await page.goto(`${BASE_URL}/methods.html`);
    await page.waitForLoadState('networkidle');
    mine.push(...(await scan(page, '/methods.html')));
    verdict(mine);
  });

  it.each(Object.keys(USERS) as Role[])(
    'every page a %s can open',
    async (role) => {
      await signIn(page, role);
      const routes = routeTables().filter((r) => r.roles.includes(role));
      const mine: Finding[] = [];
      for (const route of [...routes.map((r) => r.path), '/account/password']) {
        await page.goto(`${BASE_URL}${address(route)}`);
        await page.getByRole('main').waitFor();
        await settle(page);
        mine.push(...(await scan(page, `${role} ${route}`)));
        for (const state of (STATES[route] ?? []).filter((s) => s.roles.includes(role))) {
          await state.act(page);
          await settle(page);
          mine.push(...(await scan(page, `${role} ${route} ${state.name}`)));
          await page.screenshot({ path: `/tmp/a11y-${role.toLowerCase()}${route.replace(/[/:]+/g, '-')}.png`, fullPage: true });
        }
      }
      verdict(mine);
    },
    480000,
  );
});
