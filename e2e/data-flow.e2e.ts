import { Browser, Page } from 'playwright-core';
import { BASE_URL, launch, screenshot, signIn } from './browser';

// The data flow end to end: a coordinator imports a year of follow-ups from spreadsheets (the
// patients, their fractures, their vertebroplasties and every visit up to month 12), sees on the
// worklist exactly the visits still missing, marks one missed by a second import, and the
// department head's overview and the researcher's cohort explorer count the imported patients.

const day = (offset: number) => new Date(Date.now() + offset * 86400000).toISOString().slice(0, 10);
const unique = Date.now().toString(36).toUpperCase();
const PREFIX = `NORTH-IMP${unique}`;
const TREATED = -400; // day 400 of follow-up: month 12's window (days 305 to 425) is open
const PATIENTS = 12;
const COMPLETE = 6; // the first six have their month-12 visit; the others do not yet
const numbers = Array.from({ length: PATIENTS }, (_, i) => `${PREFIX}-${String(i + 1).padStart(2, '0')}`);
const VISITS: [string, number, number][] = [
  // time point, day from treatment, NRS on activity
  ['BASELINE', 0, 8],
  ['D1', 1, 5],
  ['W1', 7, 4],
  ['M1', 30, 3],
  ['M3', 90, 3],
  ['M6', 180, 2],
  ['M12', 365, 2],
];

const csv = (header: string[], rows: (string | number)[][]) => [header.join(','), ...rows.map((r) => r.join(','))].join('\n') + '\n';

const files = {
  patients: csv(
    ['registry_number', 'site_code', 'sex', 'birth_year', 'consent_status'],
    numbers.map((rn, i) => [rn, 'NORTH', i % 3 === 0 ? 'MALE' : 'FEMALE', 1935 + i, 'GIVEN']),
  ),
  fractures: csv(
    ['registry_number', 'level', 'onset_date', 'cause', 'genant_grade'],
    numbers.map((rn, i) => [rn, i % 2 ? 'L1' : 'T12', day(TREATED - 12), 'OSTEOPOROTIC', 1 + (i % 3)]),
  ),
  treatments: csv(
    [
      'registry_number',
      'kind',
      'start_date',
      'levels',
      'cement_volumes_ml',
      'cement_type',
      'anaesthesia',
      'approach',
      'imaging_guidance',
      'same_day_discharge',
      'length_of_stay_days',
    ],
    numbers.map((rn, i) => [rn, 'VERTEBROPLASTY', day(TREATED), i % 2 ? 'L1' : 'T12', '4.2', 'PMMA', 'LOCAL', 'BIPEDICULAR', 'FLUOROSCOPY', 'true', 0]),
  ),
  assessments: csv(
    ['registry_number', 'time_point', 'visit_date', 'status', 'nrs_rest', 'nrs_activity', 'odi'],
    numbers.flatMap((rn, i) =>
      VISITS.filter(([tp]) => tp !== 'M12' || i < COMPLETE)
        // ODI totals a questionnaire can give (even numbers): the import refuses others.
        .map(([tp, d, nrs]) => [rn, tp, day(TREATED + d), 'DONE', Math.max(0, nrs - 2), nrs, nrs * 8]),
    ),
  ),
};
// The worklist's own table, not the completeness table below it.
const WORKLIST_ROWS = 'section[aria-labelledby="worklist-title"] > .table-wrap tbody tr';
const ASSESSMENT_ROWS = PATIENTS * (VISITS.length - 1) + COMPLETE;

async function importFile(page: Page, kind: keyof typeof files | 'assessments-missed', body: string, rows: number): Promise<void> {
  await page.getByLabel('What the file holds').selectOption(kind === 'assessments-missed' ? 'assessments' : kind);
  await page.getByLabel('CSV file (UTF-8, commas, header row)').setInputFiles({ name: `${kind}.csv`, mimeType: 'text/csv', buffer: Buffer.from(body) });
  await page.getByRole('button', { name: 'Check the file (dry run)' }).click();
  await page.getByRole('heading', { name: 'Dry run: nothing written yet' }).waitFor();
  await page.getByRole('button', { name: `Import ${rows} rows` }).click();
  await page.getByRole('heading', { name: 'Imported' }).waitFor({ timeout: 30000 });
  expect(await page.locator('.report-summary').textContent()).toContain(`${rows} added`);
}

/** The department head's "N patients in the registry by first treatment: ..., vertebroplasty M, ..." line. */
async function overviewCounts(page: Page): Promise<{ total: number; vertebroplasty: number }> {
  await page.goto(BASE_URL);
  const summary = page.locator('.overview .summary');
  await summary.filter({ hasText: /patients in the registry by first treatment/ }).waitFor({ timeout: 30000 });
  const text = (await summary.textContent())!;
  return { total: Number(/([\d,]+) patients in the registry/.exec(text)![1].replace(/,/g, '')), vertebroplasty: Number(/vertebroplasty (\d+)/.exec(text)![1]) };
}

/** The first and last day of a date's quarter. */
function quarterOf(iso: string): [string, string] {
  const q = Math.floor((Number(iso.slice(5, 7)) - 1) / 3);
  const last = new Date(Date.UTC(Number(iso.slice(0, 4)), q * 3 + 3, 0)).getUTCDate();
  return [`${iso.slice(0, 4)}-${String(q * 3 + 1).padStart(2, '0')}-01`, `${iso.slice(0, 4)}-${String(q * 3 + 3).padStart(2, '0')}-${last}`];
}

/**
 * The researcher's cohort of vertebroplasties started in the imported patients' treatment quarter:
 * its size, or null when it is under the suppression threshold (then the threshold is returned too).
 */
async function cohortOnTreatmentDay(page: Page): Promise<{ n: number | null; threshold: number }> {
  await page.goto(BASE_URL);
  await page.getByRole('heading', { name: 'Cohort explorer' }).waitFor();
  const size = page.locator('.cohort-size');
  await size.filter({ hasText: /patients in the cohort/ }).waitFor({ timeout: 30000 });
  const whole = await size.textContent();
  // Researchers choose whole quarters: the imported patients' treatment quarter.
  const [from, to] = quarterOf(day(TREATED));
  await page.locator('select[name="treatedFrom"]').selectOption(from);
  await page.locator('select[name="treatedTo"]').selectOption(to);
  await page.getByRole('group', { name: 'Treatment kind' }).getByLabel('Vertebroplasty').check();
  await page.getByRole('button', { name: 'Show cohort' }).click();
  await page.waitForFunction(
    (w) => {
      const t = document.querySelector('.cohort-size')?.textContent ?? '';
      return t !== w && /patients in the cohort|suppressed/.test(t);
    },
    whole,
    { timeout: 30000 },
  );
  const text = (await size.textContent())!;
  const n = /^(\d+) patients in the cohort/.exec(text);
  const threshold = /fewer than (\d+) patients/.exec(text);
  return { n: n ? Number(n[1]) : null, threshold: threshold ? Number(threshold[1]) : 0 };
}

describe('a year of follow-ups imported from spreadsheets reaches the worklist and the dashboards, in Chromium', () => {
  let browser: Browser;
  let head: Page;
  let researcher: Page;
  let coordinator: Page;
  let before: { total: number; vertebroplasty: number };
  let cohortBefore: { n: number | null; threshold: number };

  beforeAll(async () => {
    browser = await launch();
    head = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    researcher = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    coordinator = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await signIn(head, 'head.north@demo.registry');
    await head.getByRole('heading', { name: 'Registry overview' }).waitFor();
    await signIn(researcher, 'researcher@demo.registry');
    await researcher.getByRole('heading', { name: 'Cohort explorer' }).waitFor();
    await signIn(coordinator, 'coordinator.north@demo.registry');
    await coordinator.getByRole('heading', { name: 'Patients' }).waitFor();
    before = await overviewCounts(head);
    cohortBefore = await cohortOnTreatmentDay(researcher);
  });
  afterAll(() => browser?.close());

  it('imports the patients, fractures, treatments and a year of visits, each file whole', async () => {
    await coordinator.goto(`${BASE_URL}/import`);
    await coordinator.getByRole('heading', { name: 'Import from a spreadsheet' }).waitFor();
    await importFile(coordinator, 'patients', files.patients, PATIENTS);
    await importFile(coordinator, 'fractures', files.fractures, PATIENTS);
    await importFile(coordinator, 'treatments', files.treatments, PATIENTS);
    await importFile(coordinator, 'assessments', files.assessments, ASSESSMENT_ROWS);
    await screenshot(coordinator, 'data-flow-import-year-of-visits');

    // The same file again adds nothing: every visit is already in the registry.
    await coordinator
      .getByLabel('CSV file (UTF-8, commas, header row)')
      .setInputFiles({ name: 'assessments.csv', mimeType: 'text/csv', buffer: Buffer.from(files.assessments) });
    await coordinator.getByRole('button', { name: 'Check the file (dry run)' }).click();
    await coordinator.getByRole('heading', { name: 'Dry run: nothing written yet' }).waitFor();
    const summary = await coordinator.locator('.report-summary').textContent();
    expect(summary).toContain('0 to add');
    expect(summary).toContain(`${ASSESSMENT_ROWS} already in the registry`);
    expect(await coordinator.getByRole('button', { name: 'Import 0 rows' }).isDisabled()).toBe(true);
  });

  it('lists on the worklist only the month-12 visits still missing, and a visit marked missed leaves it', async () => {
    await coordinator.goto(`${BASE_URL}/worklist`);
    await coordinator.getByRole('heading', { name: 'Follow-up worklist' }).waitFor();
    await coordinator.getByLabel('Registry number').fill(PREFIX);
    const count = coordinator.locator('.count').first();
    await count.filter({ hasText: `${PATIENTS - COMPLETE} visits to follow up` }).waitFor();
    const rows = await coordinator.locator(WORKLIST_ROWS).allTextContents();
    expect(rows).toHaveLength(PATIENTS - COMPLETE);
    for (const [i, row] of rows.entries()) {
      expect(row).toContain(numbers[COMPLETE + i]);
      expect(row).toContain('M12');
      expect(row).toContain('Due now');
      expect(row).toContain(`Vertebroplasty ${day(TREATED)}`);
    }
    await screenshot(coordinator, 'data-flow-worklist-after-import');

    // The first of them cannot come: the month-12 visit is imported as missed.
    await coordinator.goto(`${BASE_URL}/import`);
    await coordinator.getByRole('heading', { name: 'Import from a spreadsheet' }).waitFor();
    await importFile(coordinator, 'assessments-missed', csv(['registry_number', 'time_point', 'status'], [[numbers[COMPLETE], 'M12', 'MISSED']]), 1);
    await coordinator.goto(`${BASE_URL}/worklist`);
    await coordinator.getByLabel('Registry number').fill(PREFIX);
    await count.filter({ hasText: `${PATIENTS - COMPLETE - 1} visits to follow up` }).waitFor();
    expect((await coordinator.locator(WORKLIST_ROWS).allTextContents()).join(' ')).not.toContain(numbers[COMPLETE]);
  });

  it("counts the imported patients in the department head's overview", async () => {
    const after = await overviewCounts(head);
    // A department head's counts are perturbed by at most 3 each (cell-key method, docs/privacy.md):
    // the difference of two is the true 12 give or take 6.
    expect(Math.abs(after.total - before.total - PATIENTS)).toBeLessThanOrEqual(6);
    expect(Math.abs(after.vertebroplasty - before.vertebroplasty - PATIENTS)).toBeLessThanOrEqual(6);
    await head.waitForFunction(
      () => {
        const cards = [...document.querySelectorAll('.chart-card')];
        return cards.length === 8 && !document.querySelector('.chart-card .loading') && cards.every((c) => c.querySelector('canvas, .empty'));
      },
      null,
      { timeout: 30000 },
    );
    await screenshot(head, 'data-flow-overview-after-import');
  });

  it("finds the imported patients in the researcher's cohort, with their year of pain scores", async () => {
    const after = await cohortOnTreatmentDay(researcher);
    if (cohortBefore.n !== null) expect(after.n).toBe(cohortBefore.n + PATIENTS);
    else {
      // Before, the day's cohort was suppressed: fewer than the threshold, so somewhere in between.
      expect(after.n).toBeGreaterThanOrEqual(PATIENTS);
      expect(after.n).toBeLessThan(PATIENTS + cohortBefore.threshold);
    }
    await researcher.locator('[data-chart="cohort-trajectory"] canvas').first().waitFor({ timeout: 30000 });
    await screenshot(researcher, 'data-flow-cohort-after-import');
  });
});
