import { Browser, Locator, Page } from 'playwright-core';
import { BASE_URL, launch, screenshot, signIn } from './browser';
import { apiToken, M1, recordPatient, TREATED } from './patients.setup';

// A coordinator's day: register a patient, record a fracture, a treatment and follow-up visits,
// find the patient again and read the timeline; the worklist and the CSV import; and the field
// errors of bad values, from the browser's rules and from the server. Each test signs in on a
// page of its own and records the patient it starts from (e2e/patients.setup.ts), so that any test
// runs alone.

const COORDINATOR = 'coordinator.north@demo.registry';
const day = (offset: number) => new Date(Date.now() + offset * 86400000).toISOString().slice(0, 10);
const ONSET = day(-75);
const unique = Date.now().toString(36).toUpperCase();
/** A family name of this run; the search is by prefix, so each test's name starts differently. */
const family = (word: string) => `${word}${unique}`;

async function visible(locator: Locator, timeout = 15000): Promise<Locator> {
  await locator.first().waitFor({ state: 'visible', timeout });
  return locator.first();
}

async function save(page: Page, button: string, notice: string): Promise<void> {
  await page.getByRole('button', { name: button }).click();
  await visible(page.getByRole('status').filter({ hasText: notice }));
}

describe('a coordinator records and finds a patient, in Chromium', () => {
  let browser: Browser;
  let page: Page;
  let token: string;

  /** The patient's page, opened. */
  async function open(patient: { url: string; registryNumber: string }): Promise<void> {
    await page.goto(patient.url);
    await visible(page.getByRole('heading', { name: `Patient ${patient.registryNumber}` }));
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

  it('registers a patient with identifiers', async () => {
    const familyName = family('Zeta');
    await page.getByRole('link', { name: 'Register a patient' }).click();
    await visible(page.getByRole('heading', { name: 'Register a patient' }));
    await page.getByLabel('Sex').selectOption('FEMALE');
    await page.getByLabel('Birth year').fill('1943');
    await page.getByLabel('BMI (kg/m²)').fill('22.4');
    await page.getByLabel('Consent').selectOption('GIVEN');
    await page.getByLabel('MRN').fill(`MRN-${unique}`);
    await page.getByLabel('Family name').fill(familyName);
    await page.getByLabel('Given name').fill('Erika');
    await page.getByLabel('Date of birth').fill('1943-06-15');
    await screenshot(page, 'coordinator-register-patient');
    await page.getByRole('button', { name: 'Register patient' }).click();
    const heading = await visible(page.getByRole('heading', { name: /^Patient NORTH-/ }));
    const registryNumber = (await heading.textContent())!.replace('Patient ', '').trim();
    expect(registryNumber).toMatch(/^NORTH-\d+$/);
    expect(page.url()).toMatch(/\/patients\/[0-9a-f-]{36}$/);
    expect(await page.locator('.facts').first().textContent()).toContain(`${familyName}, Erika`);
  });

  it('edits the patient and its identifiers', async () => {
    const patient = await recordPatient(token, family('Eta'));
    await open(patient);
    await page.getByRole('button', { name: 'Edit patient' }).click();
    await page.getByLabel('Given name').fill('Erika Maria');
    await page.getByLabel('T-score (SD)').fill('-3.1');
    await page.getByLabel('ASA class').fill('3');
    await save(page, 'Save changes', 'Patient saved.');
    const facts = await page.locator('.facts').first().textContent();
    expect(facts).toContain(`${patient.familyName}, Erika Maria`);
    expect(facts).toContain('-3.1 SD');
    // What the edit did not touch stays as registered.
    expect(facts).toContain('ConsentGiven');
  });

  it('records a fracture, a kyphoplasty and two follow-up visits', async () => {
    await open(await recordPatient(token, family('Theta')));
    await page.getByRole('button', { name: 'Add fracture' }).click();
    await page.getByLabel('Level', { exact: true }).selectOption('L1');
    await page.getByLabel('Onset of symptoms').fill(ONSET);
    await page.getByLabel('Cause').selectOption('OSTEOPOROTIC');
    await page.getByLabel('Genant grade').selectOption('2');
    await page.getByLabel('OF class').selectOption('OF2');
    await save(page, 'Save fracture', 'Fracture saved.');

    await page.getByRole('button', { name: 'Add treatment' }).click();
    await page.getByLabel('Treatment', { exact: true }).selectOption('KYPHOPLASTY');
    await page.getByLabel('Start date').fill(TREATED);
    await page.getByLabel('Anaesthesia').selectOption('SEDATION');
    await page.getByLabel('Approach').selectOption('BIPEDICULAR');
    await page.getByLabel('Cement volume at L1 (ml)').fill('4.5');
    await page.getByLabel('Same-day discharge').selectOption('true');
    await screenshot(page, 'coordinator-treatment-form');
    await save(page, 'Save treatment', 'Treatment saved.');

    await page.getByRole('button', { name: 'Add visit' }).click();
    await page.getByLabel('Time point').selectOption('BASELINE');
    await page.getByLabel('Visit date').fill(TREATED);
    await page.getByLabel('Pain at rest (NRS 0-10)').fill('7');
    await page.getByLabel('Pain on activity (NRS 0-10)').fill('9');
    await page.getByLabel('ODI (%)').fill('64');
    await page.getByLabel('RMDQ (0-24)').fill('17');
    await save(page, 'Save visit', 'Visit saved.');

    // The month-1 visit with the ODI questionnaire answered section by section.
    await page.getByRole('button', { name: 'Add visit' }).click();
    await page.getByLabel('Time point').selectOption('M1');
    await page.getByLabel('Visit date').fill(M1);
    await page.getByLabel('Pain at rest (NRS 0-10)').fill('2');
    await page.getByLabel('Pain on activity (NRS 0-10)').fill('3');
    await page.getByText('Oswestry Disability Index questionnaire').click();
    for (const [i, answer] of [1, 1, 2, 1, 1, 2, 1, 0, 1, 1].entries()) {
      await page.locator(`[data-field="odi.${i}"] select`).selectOption(String(answer));
    }
    await visible(page.getByText('22 %'));
    await screenshot(page, 'coordinator-visit-form');
    await save(page, 'Save visit', 'Visit saved.');

    const visits = await page.locator('section[aria-labelledby="visits-title"] tbody tr').allTextContents();
    expect(visits).toHaveLength(2);
    expect(visits[0]).toContain('BASELINE');
    expect(visits[1]).toContain('M1');
    expect(visits[1]).toContain('22');
  });

  it('finds the patient by name and by registry number and sees the timeline', async () => {
    const { registryNumber, familyName, url: patientUrl } = await recordPatient(token, family('Iota'), { care: true });
    await page.goto(patientUrl);
    await page.getByRole('link', { name: '← Patients' }).click();
    await page.getByLabel('Name or MRN').fill(familyName.toLowerCase());
    await visible(page.locator('.count').filter({ hasText: /^1 patient$/ }));
    await screenshot(page, 'coordinator-patient-search');
    await page.getByLabel('Name or MRN').fill('');
    await page.getByLabel('Search by registry number').fill(registryNumber);
    await visible(page.locator('.count').filter({ hasText: /^1 patient$/ }));
    await page.getByRole('link', { name: registryNumber }).click();
    await visible(page.getByRole('heading', { name: `Patient ${registryNumber}` }));
    expect(page.url()).toBe(patientUrl);
    // The chart is named by its one-sentence summary (its canvas is hidden from screen readers).
    await visible(
      page.getByRole('figure', {
        name: `Patient ${registryNumber}: NRS on activity went from 9 at baseline to 3 at month 1 (2 scored visits); 1 treatment, no complication.`,
      }),
    );
    const chart = await visible(page.locator('section[aria-labelledby="timeline-title"] .echart canvas'));
    expect((await chart.boundingBox())!.height).toBeGreaterThan(200);
    expect(await page.locator('section[aria-labelledby="timeline-title"]').textContent()).toContain('Dashed lines: treatments.');
    const treatments = await page.locator('section[aria-labelledby="treatments-title"] tbody tr').allTextContents();
    expect(treatments.join(' ')).toContain('Kyphoplasty (index)');
    expect(treatments.join(' ')).toContain('4.5 ml');
    await screenshot(page, 'coordinator-patient-timeline');
  });

  it("shows the browser's rule and the server's rule beside the field, and nothing is saved", async () => {
    // A kyphoplasty 65 days ago, with its baseline and month-1 visits.
    await open(await recordPatient(token, family('Kappa'), { care: true }));
    await page.getByRole('button', { name: 'Add visit' }).click();
    // W1 is days 4 to 10 after the treatment: this date is day 7.
    await page.getByLabel('Time point').selectOption('W1');
    await page.getByLabel('Visit date').fill(day(-58));
    await page.getByLabel('Pain on activity (NRS 0-10)').fill('11');
    await page.getByRole('button', { name: 'Save visit' }).click();
    const nrs = page.getByLabel('Pain on activity (NRS 0-10)');
    await visible(page.getByText('Pain on activity (NRS 0-10) must be an integer from 0 to 10 (got 11)'));
    expect(await nrs.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await nrs.getAttribute('aria-describedby'))!;
    expect(await page.locator(`[id="${describedBy.split(' ')[0]}"]`).textContent()).toMatch(/must be an integer from 0 to 10/);
    await visible(page.getByRole('alert').filter({ hasText: 'Nothing was sent: one field needs correcting.' }));
    await screenshot(page, 'coordinator-field-error-browser');

    // The window rule needs the treatment's start: the page has it, so the browser judges it too
    // (the server judges it again), beside the date.
    await nrs.fill('4');
    await page.getByLabel('Visit date').fill(day(-70));
    await page.getByRole('button', { name: 'Save visit' }).click();
    await visible(page.getByText(/Visit date .* is day -5 from the start of the treatment .* outside the window of W1, days 4 to 10/));
    expect(await page.getByLabel('Visit date').getAttribute('aria-invalid')).toBe('true');
    await visible(page.getByRole('alert').filter({ hasText: 'Nothing was sent: one field needs correcting.' }));
    await screenshot(page, 'coordinator-field-error-server');
    await page.getByRole('button', { name: 'Cancel' }).click();
    expect(await page.locator('section[aria-labelledby="visits-title"] tbody tr').count()).toBe(2);
  });

  it('explains a change someone else saved first as a sentence, and reloads their version', async () => {
    // An L1 fracture of Genant grade 2 with no height loss recorded.
    const { url: patientUrl } = await recordPatient(token, family('Lambda'), { care: true });
    const other = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await signIn(other, COORDINATOR);
    await visible(other.getByRole('heading', { name: 'Patients' }));
    await page.goto(patientUrl);
    await other.goto(patientUrl);
    await page.getByRole('button', { name: 'Edit fracture L1' }).click();
    await other.getByRole('button', { name: 'Edit fracture L1' }).click();
    await other.getByLabel('Genant grade').selectOption('3');
    await save(other, 'Save changes', 'Fracture saved.');
    await other.close();

    await page.getByLabel('Height loss (%)').fill('25');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await visible(page.getByRole('alert').filter({ hasText: 'Someone else saved this record after you opened it, so your change was not saved.' }));
    await screenshot(page, 'coordinator-stale-version');
    await page.getByRole('button', { name: 'Reload the record' }).click();
    // The form starts again from their version: grade 3, no height loss.
    await page.waitForFunction(() => document.querySelector<HTMLSelectElement>('[data-field="genantGrade"] select')?.value === '3');
    expect(await page.getByLabel('Height loss (%)').inputValue()).toBe('');
    // Grade 3 is a height loss above 40% (docs/data-rules.md): 25% would now be refused.
    await page.getByLabel('Height loss (%)').fill('45');
    await save(page, 'Save changes', 'Fracture saved.');
    const row = await page.locator('section[aria-labelledby="fractures-title"] tbody tr').first().textContent();
    expect(row).toContain('45 %');
  });

  it('records a complication and withdraws it with a reason', async () => {
    await open(await recordPatient(token, family('Mu'), { care: true }));
    await page.getByRole('button', { name: 'Add complication' }).click();
    await page.getByLabel('Kind').selectOption('CEMENT_LEAKAGE');
    await page.getByLabel('Date of the complication').fill(TREATED);
    await page.getByRole('button', { name: 'Save complication' }).click();
    // A cement leakage needs its type and whether it was symptomatic, before anything is sent.
    await visible(page.getByText('Leakage type (B, S, C or D) is required for a cement leakage'));
    await page.getByLabel('Symptomatic').selectOption('false');
    await page.getByLabel('Leakage type').selectOption('D');
    await save(page, 'Save complication', 'Complication saved.');
    await screenshot(page, 'coordinator-patient-timeline-complication');
    await page.getByRole('button', { name: 'Withdraw complication cement leakage' }).click();
    await page.getByRole('button', { name: 'Withdraw', exact: true }).click();
    await visible(page.getByText('Reason is required'));
    await page.getByLabel('Reason', { exact: true }).fill('Entered for the wrong patient');
    await page.getByRole('button', { name: 'Withdraw', exact: true }).click();
    await visible(page.getByRole('status').filter({ hasText: 'Complication cement leakage withdrawn.' }));
    // Withdrawn records leave the patient's lists (the audit trail keeps them, with the reason).
    await visible(page.locator('section[aria-labelledby="complications-title"]').getByText('No complication recorded.'));
    await screenshot(page, 'coordinator-patient-complication-withdrawn');
  });

  it('works the follow-up worklist and opens the visit form from it', async () => {
    // A kyphoplasty 65 days ago whose day-1 and week-1 visits were never recorded: both overdue
    // (the demo registry alone need not have an overdue visit at this site).
    await recordPatient(token, family('Xi'), { care: true });
    await page.goto(`${BASE_URL}/worklist`);
    await visible(page.getByRole('heading', { name: 'Follow-up worklist' }));
    await visible(page.locator('tbody tr'));
    expect(await page.locator('.count').first().textContent()).toMatch(/^\d+ visits to follow up$/);
    await page.getByLabel('Overdue').uncheck();
    await page.getByLabel('Due within 14 days').uncheck();
    await page.waitForFunction(() => [...document.querySelectorAll('tbody tr .badge')].every((b) => b.textContent === 'Due now'));
    await page.getByLabel('Overdue').check();
    await page.getByLabel('Due within 14 days').check();
    await page.getByLabel('Sort by').selectOption('DAYS_OVERDUE');
    await visible(page.locator('.badge.OVERDUE'));
    await screenshot(page, 'coordinator-worklist');
    const first = page.getByRole('link', { name: /^Record visit: \w+, patient / }).first();
    const label = (await first.getAttribute('aria-label'))!;
    const timePoint = /^Record visit: (\w+),/.exec(label)![1];
    await first.click();
    await visible(page.getByRole('heading', { name: 'Record a follow-up visit' }));
    expect(await page.getByLabel('Time point').inputValue()).toBe(timePoint);
    await screenshot(page, 'coordinator-worklist-record-visit');
  });

  it('imports patients from a CSV file: a dry run with a row error, then a clean file committed', async () => {
    await page.goto(`${BASE_URL}/import`);
    await visible(page.getByRole('heading', { name: 'Import from a spreadsheet' }));
    await page.getByLabel('What the file holds').selectOption('patients');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download the template' }).click();
    const template = await (await download).createReadStream();
    let text = '';
    for await (const chunk of template) text += chunk;
    expect(text.split('\n')[0]).toMatch(/^registry_number,site_code,birth_year,sex,/);

    const header = 'registry_number,site_code,sex,birth_year,consent_status';
    const bad = `${header}\nNORTH-E2E${unique}A,NORTH,FEMALE,1939,GIVEN\nNORTH-E2E${unique}B,NORTH,MALE,1850,GIVEN\n`;
    await page.getByLabel('CSV file (UTF-8, commas, header row)').setInputFiles({ name: 'patients.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
    await page.getByRole('button', { name: 'Check the file (dry run)' }).click();
    await visible(page.getByRole('heading', { name: 'Dry run: nothing written yet' }));
    const issues = await page.locator('section[aria-labelledby="report-title"] tbody tr').allTextContents();
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(/^3birth_year/);
    await screenshot(page, 'coordinator-import-dry-run-errors');

    const good = bad.replace(',1850,', ',1950,');
    await page.getByLabel('CSV file (UTF-8, commas, header row)').setInputFiles({ name: 'patients.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
    await page.getByRole('button', { name: 'Check the file (dry run)' }).click();
    await page.getByRole('button', { name: 'Import 2 rows' }).click();
    await visible(page.getByRole('heading', { name: 'Imported' }));
    expect(await page.locator('.report-summary').textContent()).toContain('2 added');
    await screenshot(page, 'coordinator-import-committed');
  });

  it('reads at tablet width', async () => {
    const patient = await recordPatient(token, family('Nu'), { care: true });
    await page.setViewportSize({ width: 800, height: 1100 });
    await open(patient);
    await page.locator('canvas').first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'coordinator-patient-tablet');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Worklist' }).click();
    await visible(page.locator('tbody tr'));
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await screenshot(page, 'coordinator-worklist-tablet');
  });
});
