import { Browser, Locator, Page } from 'playwright-core';
import { BASE_URL, launch, screenshot, signIn } from './browser';
import { apiToken, recordPatient, type RecordedPatient } from './patients.setup';

// The record forms as a coordinator meets them: a draft kept when the form is left and restored on
// return, a question before leaving unsaved changes, Enter that does not save a half-filled visit,
// the ODI's statements as its answers, required fields marked (also those the other values make
// required), every problem shown on the first Save and the banner gone once they are fixed, a
// duplicate MRN with a link to its patient, a similar patient warned of before registering,
// registry numbers that continue the site's series, and the focus on the result after a save.

const COORDINATOR = 'coordinator.north@demo.registry';
const day = (offset: number) => new Date(Date.now() + offset * 86400000).toISOString().slice(0, 10);
const unique = Date.now().toString(36).toUpperCase();
const family = (word: string) => `${word}${unique}`;

async function visible(locator: Locator, timeout = 15000): Promise<Locator> {
  await locator.first().waitFor({ state: 'visible', timeout });
  return locator.first();
}

describe('the record forms, in Chromium', () => {
  let browser: Browser;
  let page: Page;
  let token: string;

  async function open(patient: RecordedPatient): Promise<void> {
    await page.goto(patient.url);
    await visible(page.getByRole('heading', { name: `Patient ${patient.registryNumber}` }));
  }
  const visitForm = () => page.locator('form[aria-labelledby="assessment-form-title"]');
  const registerForm = async () => {
    await page.goto(`${BASE_URL}/patients/new`);
    await visible(page.getByRole('heading', { name: 'Register a patient' }));
  };

  beforeAll(async () => {
    browser = await launch();
    token = await apiToken(COORDINATOR);
  });
  afterAll(() => browser?.close());
  beforeEach(async () => {
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, COORDINATOR);
    await visible(page.getByRole('heading', { name: 'Patients' }));
  });
  afterEach(() => page?.close());

  it('asks before leaving a changed form by a link or the Back button, keeps a draft, and restores it on return', async () => {
    const patient = await recordPatient(token, family('Draft'), { care: true });
    // Reached inside the app, so that Back is the app's own navigation (not the browser loading
    // another document, which only the beforeunload question covers).
    await open(patient);
    await page.getByRole('link', { name: '← Patients' }).click();
    await page.getByLabel('Search by registry number').fill(patient.registryNumber);
    await page.getByRole('link', { name: patient.registryNumber }).click();
    await visible(page.getByRole('heading', { name: `Patient ${patient.registryNumber}` }));
    await page.getByRole('button', { name: 'Add visit' }).click();
    await visitForm().getByLabel('Time point').selectOption('M3');
    await visitForm().getByLabel('Pain at rest (NRS 0-10)').fill('4');

    // Every question is the app's own (a confirm, not the browser's beforeunload), answered by `answer`.
    const questions: string[] = [];
    let answer: 'accept' | 'dismiss' = 'dismiss';
    page.on('dialog', (d) => {
      questions.push(`${d.type()}: ${d.message()}`);
      void (answer === 'accept' ? d.accept() : d.dismiss());
    });
    const stillOnTheForm = async () => {
      await page.waitForTimeout(300);
      expect(page.url()).toBe(patient.url);
      expect(await visitForm().getByLabel('Time point').inputValue()).toBe('M3');
      expect(await visitForm().getByLabel('Pain at rest (NRS 0-10)').inputValue()).toBe('4');
    };
    // A link of the main navigation asks; declining stays, with the values.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Patients' }).click();
    await stillOnTheForm();
    expect(questions).toHaveLength(1);
    expect(questions[0]).toMatch(/^confirm: .*not saved/);
    // So does the browser's Back button.
    await page.goBack({ waitUntil: 'commit' });
    await stillOnTheForm();
    expect(questions).toHaveLength(2);
    expect(questions[1]).toBe(questions[0]);
    await screenshot(page, 'forms-leave-declined');

    // Accepting leaves; the draft stays in the tab.
    answer = 'accept';
    await page.goBack({ waitUntil: 'commit' });
    await page.waitForURL(`${BASE_URL}/patients`);
    await visible(page.getByLabel('Search by registry number'));
    expect(questions).toHaveLength(3);
    await open(patient);
    await visible(page.getByText('Draft restored'));
    expect(await visitForm().getByLabel('Pain at rest (NRS 0-10)').inputValue()).toBe('4');
    expect(await visitForm().getByLabel('Time point').inputValue()).toBe('M3');
    await screenshot(page, 'forms-draft-restored');
    // Discard: the values the form opened with.
    await page.getByRole('button', { name: 'Discard the draft' }).click();
    expect(await visitForm().getByLabel('Pain at rest (NRS 0-10)').inputValue()).toBe('');
    expect(await page.getByText('Draft restored').count()).toBe(0);

    // The form's own ways out do not ask: Cancel gives the values up.
    await registerForm();
    await page.getByLabel('MRN').fill(`CANCEL-${unique}`);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.waitForURL(`${BASE_URL}/patients`);
    expect(questions).toHaveLength(3);
  });

  it('does not save a half-filled visit on Enter, offers the ODI statements, and moves the focus to the result after Save', async () => {
    const patient = await recordPatient(token, family('Enter'), { care: true });
    await open(patient);
    await page.getByRole('button', { name: 'Add visit' }).click();
    await visitForm().getByLabel('Time point').selectOption('UNSCHEDULED');
    await visitForm().getByLabel('Visit date').fill(day(-5));
    await visitForm().getByLabel('Pain at rest (NRS 0-10)').fill('3');
    await visitForm().getByLabel('Pain at rest (NRS 0-10)').press('Enter');
    await page.waitForTimeout(500);
    expect(await page.getByRole('status').filter({ hasText: 'Visit saved.' }).count()).toBe(0);
    expect(await visitForm().count()).toBe(1);
    // The ODI's answers are its statements; the score is the value sent.
    await visitForm().getByText('Oswestry Disability Index questionnaire').click();
    const pain = visitForm().getByLabel('1. Pain intensity');
    await visible(pain.locator('option', { hasText: 'No pain at the moment' }), 15000).catch(() => undefined);
    const options = await pain.locator('option').allTextContents();
    expect(options).toEqual([
      'Not answered',
      'No pain at the moment',
      'Very mild pain at the moment',
      'Moderate pain at the moment',
      'Fairly severe pain at the moment',
      'Very severe pain at the moment',
      'The worst pain imaginable at the moment',
    ]);
    await pain.selectOption({ label: 'Moderate pain at the moment' });
    expect(await pain.inputValue()).toBe('2');
    await screenshot(page, 'forms-odi-statements');
    await page.getByRole('button', { name: 'Save visit' }).click();
    const notice = await visible(page.getByRole('status').filter({ hasText: 'Visit saved.' }));
    expect(await notice.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await page.getByRole('row').filter({ hasText: 'UNSCHEDULED' }).count()).toBe(1);
  });

  it('marks required fields, also those the other values make required', async () => {
    await registerForm();
    const dob = page.getByLabel('Date of birth');
    expect(await dob.getAttribute('aria-required')).toBeNull();
    expect(await page.getByLabel('Birth year').getAttribute('aria-required')).toBe('true');
    await page.getByLabel('MRN').fill(`REQ-${unique}`);
    expect(await dob.getAttribute('aria-required')).toBe('true');
    expect(await page.locator('[data-field="dateOfBirth"] .req').isVisible()).toBe(true);
    await screenshot(page, 'forms-required-markers');

    const patient = await recordPatient(token, family('Leak'), { care: true });
    await open(patient);
    await page.getByRole('button', { name: 'Add complication' }).click();
    await page.getByLabel('Kind').selectOption('CEMENT_LEAKAGE');
    const symptomatic = page.getByLabel('Symptomatic');
    expect(await symptomatic.getAttribute('aria-required')).toBe('true');
    const choices = await symptomatic.locator('option').allTextContents();
    expect(choices).not.toContain('Not recorded');
    await page.getByLabel('Date of the complication').fill(day(-10));
    await page.getByRole('button', { name: 'Save complication' }).click();
    const message = await visible(page.locator('[data-field="symptomatic"] .field-error'));
    expect(await message.textContent()).toContain('choose yes or no');
    expect(await page.locator('body').textContent()).not.toContain('true or false');
  });

  it('shows every problem at once, the visit before its treatment included, and clears the banner once they are fixed', async () => {
    const patient = await recordPatient(token, family('Once'), { care: true });
    await open(patient);
    await page.getByRole('button', { name: 'Add visit' }).click();
    await visitForm().getByLabel('Time point').selectOption('UNSCHEDULED');
    await visitForm().getByLabel('Visit date').fill(day(-70));
    await page.getByRole('button', { name: 'Save visit' }).click();
    const banner = await visible(visitForm().getByRole('alert').filter({ hasText: 'Nothing was sent' }));
    expect(await banner.textContent()).toContain('2 fields need correcting');
    expect(await visitForm().locator('[data-field="visitDate"] .field-error').textContent()).toContain('before');
    expect(await visitForm().locator('[data-field="nrsRest"] .field-error').count()).toBe(1);
    await screenshot(page, 'forms-all-problems');
    await visitForm().getByLabel('Visit date').fill(day(-5));
    expect(await visitForm().locator('[data-field="visitDate"] .field-error').count()).toBe(0);
    expect(await banner.textContent()).toContain('one field needs correcting');
    await visitForm().getByLabel('Pain at rest (NRS 0-10)').fill('2');
    expect(await visitForm().getByRole('alert').filter({ hasText: 'Nothing was sent' }).count()).toBe(0);
  });

  it('links a duplicate MRN to its patient, and warns of a similar patient before registering', async () => {
    const existing = await recordPatient(token, family('Twin'));
    await registerForm();
    await page.getByLabel('Sex').selectOption('FEMALE');
    await page.getByLabel('Birth year').fill('1943');
    await page.getByLabel('MRN').fill(`MRN-${existing.familyName}`);
    await page.getByLabel('Family name').fill(existing.familyName.toUpperCase());
    await page.getByLabel('Given name').fill('Erika');
    await page.getByLabel('Date of birth').fill('1943-06-15');
    // The same birth date and name: the patient is named before anything is sent.
    const warning = await visible(page.locator('#similar-patients'));
    expect(await warning.textContent()).toContain(existing.registryNumber);
    await page.getByRole('button', { name: 'Register patient' }).click();
    await visible(page.getByRole('button', { name: 'Register anyway' }));
    await screenshot(page, 'forms-similar-warning');
    await page.getByRole('button', { name: 'Register anyway' }).click();
    // Registered anyway, the MRN is the existing patient's: refused, with the way to that patient.
    const link = await visible(page.getByRole('link', { name: `Open patient ${existing.registryNumber}` }));
    await screenshot(page, 'forms-duplicate-mrn');
    page.once('dialog', (d) => void d.accept());
    await link.click();
    await page.waitForURL(existing.url);
  });

  it('numbers a new patient after the last of the site series, and focuses the result', async () => {
    const first = await recordPatient(token, family('SeriesA'));
    const n = Number(first.registryNumber.split('-')[1]);
    expect(first.registryNumber).toMatch(/^NORTH-0\d{5}$/);
    await registerForm();
    await page.getByLabel('Sex').selectOption('MALE');
    await page.getByLabel('Birth year').fill('1950');
    await page.getByRole('button', { name: 'Register patient' }).click();
    const notice = await visible(page.getByRole('status').filter({ hasText: 'Patient registered.' }));
    expect(await notice.evaluate((el) => el === document.activeElement)).toBe(true);
    const heading = await visible(page.getByRole('heading', { name: /^Patient NORTH-/ }));
    const registryNumber = (await heading.textContent())!.replace('Patient ', '').trim();
    // The next of the series (other tests may register at the same moment), not a jump out of it.
    const m = Number(registryNumber.split('-')[1]);
    expect(registryNumber).toMatch(/^NORTH-\d{6}$/);
    expect(m).toBeGreaterThan(n);
    expect(m).toBeLessThan(n + 20);
    await screenshot(page, 'forms-registered-focus');
  });
});
