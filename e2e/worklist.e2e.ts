import { Browser, Locator, Page } from 'playwright-core';
import { BASE_URL, launch, signIn } from './browser';
import { apiToken, recordPatient } from './patients.setup';

// The follow-up worklist as a coordinator works it: in target-date order, with the demo's
// overdue visits, the visit form opened in view from "Record visit", the call list printed and
// downloaded, and visits that will not happen marked missed together with a reason.

const COORDINATOR = 'coordinator.north@demo.registry';
const unique = Date.now().toString(36).toUpperCase();
/** The worklist's own table, not the completeness table below it. */
const ROWS = 'section[aria-labelledby="worklist-title"] > .table-wrap tbody tr';

async function visible(locator: Locator, timeout = 15000): Promise<Locator> {
  await locator.first().waitFor({ state: 'visible', timeout });
  return locator.first();
}

/** Whether the element lies wholly within the window's visible area. */
function inViewport(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.top >= 0 && r.left >= 0 && r.bottom <= window.innerHeight && r.right <= window.innerWidth;
  });
}

describe('the follow-up worklist, in Chromium', () => {
  let browser: Browser;
  let page: Page;
  let token: string;

  async function openWorklist(): Promise<void> {
    await page.goto(`${BASE_URL}/worklist`);
    await visible(page.getByRole('heading', { name: 'Follow-up worklist' }));
    await visible(page.locator(ROWS));
  }

  beforeAll(async () => {
    browser = await launch();
    token = await apiToken(COORDINATOR);
  });
  afterAll(() => browser?.close());
  beforeEach(async () => {
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await signIn(page, COORDINATOR);
    await visible(page.getByRole('heading', { name: 'Patients' }));
  });
  afterEach(() => page?.close());

  it('lists the target dates it shows in ascending order when sorted by target date', async () => {
    await openWorklist();
    expect(await page.getByLabel('Sort by').inputValue()).toBe('DUE_DATE');
    // The fifth cell is the target date (after the checkbox, the state, the registry number and the time point).
    const dates = await page.locator(`${ROWS} td:nth-child(5)`).allTextContents();
    expect(dates.length).toBeGreaterThan(5);
    expect(dates.every((d) => /^\d{4}-\d{2}-\d{2}$/.test(d))).toBe(true);
    expect(dates).toEqual([...dates].sort());
    await page.screenshot({ path: '/tmp/worklist-sorted.png', fullPage: false });
  });

  it("shows the demo registry's overdue visits", async () => {
    await openWorklist();
    await page.getByLabel('Due now').uncheck();
    await page.getByLabel('Due within 14 days').uncheck();
    await page.waitForFunction(() => [...document.querySelectorAll('tbody tr .badge')].every((b) => b.textContent === 'Overdue'));
    const overdue = page.locator(`${ROWS} .badge.OVERDUE`);
    expect(await overdue.count()).toBeGreaterThan(0);
    const days = await page.locator(`${ROWS} td:nth-child(7)`).allTextContents();
    expect(days.every((d) => Number(d) > 0)).toBe(true);
    await page.screenshot({ path: '/tmp/worklist-overdue.png', fullPage: false });
  });

  it('opens the visit form in view from "Record visit", with the focus in its first field', async () => {
    await openWorklist();
    const link = page.getByRole('link', { name: /^Record visit: \w+, patient / }).first();
    await link.click();
    const form = page.locator('form[aria-labelledby="assessment-form-title"]');
    await visible(page.getByRole('heading', { name: 'Record a follow-up visit' }));
    const first = form.locator('input, select, textarea').first();
    await page.waitForFunction(() => document.activeElement?.closest('form[aria-labelledby="assessment-form-title"]') != null);
    expect(await first.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await first.evaluate((el) => el.id)).toBeTruthy();
    expect(await inViewport(first)).toBe(true);
    expect(await inViewport(page.getByRole('heading', { name: 'Record a follow-up visit' }))).toBe(true);
    await page.screenshot({ path: '/tmp/worklist-record-visit.png', fullPage: false });
  });

  it('downloads the call list as CSV and prints it without the navigation', async () => {
    await openWorklist();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download call list (CSV)' }).click();
    let text = '';
    for await (const chunk of await (await download).createReadStream()) text += chunk;
    const [header, ...rows] = text.trim().split('\n');
    expect(header).toBe('registry_number,family_name,given_name,time_point,target_date,window_start,window_end,state,days_overdue');
    expect(rows.length).toBe(Number(/^(\d+)/.exec((await page.locator('.count').first().textContent())!)![1]));

    await page.getByRole('link', { name: 'Print call list' }).click();
    await visible(page.getByRole('heading', { name: 'Call list: follow-up visits' }));
    await visible(page.locator('.call-list tbody tr'));
    const firstRow = await page.locator('.call-list tbody tr').first().locator('td').allTextContents();
    expect(firstRow[0]).toMatch(/^NORTH-/);
    expect(firstRow[1]).toMatch(/^\S.*, \S/);
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Print' }).isVisible()).toBe(false);
    await page.screenshot({ path: '/tmp/worklist-call-list-print.png', fullPage: true });
    await page.emulateMedia({ media: 'screen' });
    expect(await page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(true);
  });

  it('marks the selected visits missed with a reason: they leave the list and show on the patient page', async () => {
    // A kyphoplasty 65 days ago whose day-1 and week-1 visits were never recorded: both overdue.
    const patient = await recordPatient(token, `Missed${unique}`, { care: true });
    await openWorklist();
    await page.getByLabel('Registry number').fill(patient.registryNumber);
    await page
      .locator('.count')
      .filter({ hasText: /^\d visits? to follow up$/ })
      .waitFor();
    const points = await page.locator(`${ROWS} td:nth-child(4)`).allTextContents();
    expect(points.slice(0, 2)).toEqual(['D1', 'W1']);
    await page.getByRole('checkbox', { name: `Select the D1 visit of ${patient.registryNumber}` }).check();
    await page.getByRole('checkbox', { name: `Select the W1 visit of ${patient.registryNumber}` }).check();
    await page.getByLabel('Reason the visits were missed').selectOption('NOT_REACHED');
    await page.screenshot({ path: '/tmp/worklist-mark-missed-selected.png', fullPage: false });
    await page.getByRole('button', { name: 'Mark missed (2 selected)' }).click();
    await visible(page.getByRole('status').filter({ hasText: '2 visits marked missed (Patient could not be reached).' }));
    // D1 and W1 are gone; the month-3 visit, due within 14 days, is still to come.
    await page
      .locator('.count')
      .filter({ hasText: /^1 visits? to follow up$/ })
      .waitFor();
    const left = await page.locator(`${ROWS} td:nth-child(4)`).allTextContents();
    expect(left).not.toContain('D1');
    expect(left).not.toContain('W1');
    await page.screenshot({ path: '/tmp/worklist-mark-missed-done.png', fullPage: false });

    await page.goto(patient.url);
    await visible(page.getByRole('heading', { name: `Patient ${patient.registryNumber}` }));
    const visits = page.locator('section[aria-labelledby="visits-title"] tbody tr');
    await visible(visits);
    const byPoint = Object.fromEntries(
      (await visits.evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((c) => c.textContent ?? '')))).map((cells) => [cells[0], cells[2]]),
    );
    // The reason is the visits' own, so the patient page says why they were missed.
    expect(byPoint).toMatchObject({
      D1: 'Missed — Patient could not be reached',
      W1: 'Missed — Patient could not be reached',
      BASELINE: 'Done',
      M1: 'Done',
    });
    await page.screenshot({ path: '/tmp/worklist-patient-missed.png', fullPage: true });
    // The visit's form holds it, and offers it for a missed visit only.
    await page.getByRole('button', { name: 'Edit D1 visit' }).click();
    const reason = page.getByLabel('Why it was missed');
    await visible(reason);
    expect(await reason.inputValue()).toBe('NOT_REACHED');
    await page.screenshot({ path: '/tmp/worklist-patient-missed-form.png', fullPage: false });
    await page.getByLabel('Status', { exact: true }).selectOption('DONE');
    expect(await reason.count()).toBe(0);
  });
});
