import AxeBuilder from '@axe-core/playwright';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Browser, Locator, Page } from 'playwright-core';
import { ARTIFACTS, BASE_URL, launch, screenshot, signIn } from './browser';
import { apiToken, recordPatient } from './patients.setup';

// A questionnaire from link to figure: the coordinator issues a link on the patient's page, then
// again on the worklist (the first stops working) and opens its letter, the patient answers on a
// phone-sized page (no account, axe-core clean), the coordinator reviews the answers in the visit
// form, corrects one and confirms, and the visit is then recorded and counted.

const COORDINATOR = 'coordinator.north@demo.registry';
const unique = Date.now().toString(36).toUpperCase();
const day = (offset: number) => new Date(Date.now() + offset * 86400000).toISOString().slice(0, 10);

async function visible(locator: Locator, timeout = 15000): Promise<Locator> {
  await locator.first().waitFor({ state: 'visible', timeout });
  return locator.first();
}

async function gql<T>(query: string, variables: Record<string, unknown>, token: string): Promise<T> {
  const res = await fetch(`${BASE_URL}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length || !body.data) throw new Error(`setting up the test failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** The one message the test run's SMTP server received for this address, quoted-printable undone. */
function mailTo(address: string): string {
  const dir = process.env.E2E_MAIL_DIR;
  if (!dir) throw new Error('E2E_MAIL_DIR is not set: run the e2e tests with npm run e2e');
  const mails = fs
    .readdirSync(dir)
    .map((f) =>
      fs
        .readFileSync(path.join(dir, f), 'utf8')
        .replace(/=\r?\n/g, '')
        .replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
    )
    .filter((m) => m.includes(`To: ${address}`));
  expect(mails).toHaveLength(1);
  return mails[0];
}

/** Serious and critical axe-core findings of the page, as lines. */
async function axeProblems(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** The patients of the registry's NRS trajectory at one month under conservative care, as an administrator sees them. */
async function conservativeM1(): Promise<number> {
  const { outcomeTrajectory } = await gql<{ outcomeTrajectory: { group: string; timePoint: string; n: number | null }[] }>(
    'query { outcomeTrajectory { group timePoint n } }',
    {},
    await apiToken('admin@demo.registry'),
  );
  return outcomeTrajectory.find((p) => p.group === 'CONSERVATIVE' && p.timePoint === 'M1')?.n ?? 0;
}

describe('a questionnaire answered by the patient, in Chromium', () => {
  let browser: Browser;
  let token: string;

  beforeAll(async () => {
    browser = await launch();
    token = await apiToken(COORDINATOR);
  });
  afterAll(() => browser?.close());

  it('is issued on the patient page and the worklist, answered on a 360 px phone page, corrected on review, confirmed, and then counted', async () => {
    // A patient treated 30 days ago: the one-month visit's window is open today.
    const patient = await recordPatient(token, `Quest${unique}`);
    const { createFracture: fracture } = await gql<{ createFracture: { id: string } }>(
      'mutation($i: CreateFractureInput!) { createFracture(input: $i) { id } }',
      { i: { patientId: patient.id, level: 'T12', onsetDate: day(-40), cause: 'OSTEOPOROTIC', genantGrade: 2 } },
      token,
    );
    await gql(
      'mutation($i: CreateTreatmentInput!) { createTreatment(input: $i) { id } }',
      { i: { patientId: patient.id, kind: 'CONSERVATIVE', startDate: day(-30), levels: [{ fractureId: fracture.id }] } },
      token,
    );

    // The coordinator first issues a link from the patient's page (the visit whose window is open today)...
    const desk = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(desk, COORDINATOR);
    await visible(desk.getByRole('heading', { name: 'Patients' }));
    await desk.goto(patient.url);
    // ... and emails it (the registry under test sends mail to a real SMTP server the test run started).
    const links = desk.locator('section[aria-labelledby="questionnaires-title"]');
    const address = `quest.${unique.toLowerCase()}@patients.example`;
    await (await visible(links.getByLabel('Email the link to'))).fill(address);
    await (await visible(links.getByRole('button', { name: 'Questionnaire link for M1' }))).click();
    const firstLetter = (await (await visible(links.getByRole('link', { name: 'Print the questionnaire letter' }))).getAttribute('href'))!;
    await visible(links.getByText('Link issued for M1 and emailed'));
    await visible(links.getByText(/^M1: Open, issued .* \(emailed\)/));
    await screenshot(desk, 'questionnaire-patient-page-issued');
    const mail = mailTo(address);
    expect(mail).toMatch(/^Subject: Your follow-up questionnaire/m);
    expect(mail).toContain(firstLetter.replace(/\/letter$/, ''));
    expect(mail).not.toContain(`Quest${unique}`);

    // ...then again from the worklist (a lost letter, say): the new link replaces the first.
    await desk.goto(`${BASE_URL}/worklist`);
    await desk.getByLabel('Registry number').fill(patient.registryNumber);
    const button = await visible(desk.getByRole('button', { name: `Questionnaire link: M1, patient ${patient.registryNumber}` }));
    await button.click();
    const letterLink = await visible(desk.getByRole('link', { name: 'Print the questionnaire letter' }));
    await visible(desk.getByText(`Questionnaire link issued for ${patient.registryNumber} M1.`));
    const letterUrl = (await letterLink.getAttribute('href'))!;
    expect(letterUrl).toMatch(/\/q\/[A-Za-z0-9_-]{43}\/letter$/);
    await screenshot(desk, 'questionnaire-worklist-issued');
    const letter = await browser.newPage({ viewport: { width: 800, height: 1100 } });
    await letter.goto(letterUrl);
    await visible(letter.locator('.qr svg'));
    const link = letterUrl.replace(/\/letter$/, '');
    expect(await letter.locator('.url').textContent()).toBe(link);
    expect(await letter.content()).not.toContain(`Quest${unique}`);
    await screenshot(letter, 'questionnaire-letter');
    // The replaced link works no more.
    expect(firstLetter).not.toBe(letterUrl);
    const replaced = await letter.goto(firstLetter.replace(/\/letter$/, ''));
    expect(replaced?.status()).toBe(404);
    await visible(letter.getByRole('heading', { name: 'This link is not valid' }));
    await letter.close();

    // The patient answers on a phone.
    const phoneContext = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    const phone = await phoneContext.newPage();
    await phone.goto(link);
    await visible(phone.getByRole('heading', { name: 'Your follow-up questionnaire' }));
    expect(await phone.content()).not.toContain(`Quest${unique}`);
    expect(await axeProblems(phone)).toEqual([]);
    // Usable at 360 px: nothing wider than the screen, every answer at least 44 px high.
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const heights = await phone.locator('label.option').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
    expect(Math.min(...heights)).toBeGreaterThanOrEqual(44);
    await screenshot(phone, 'questionnaire-phone-form');
    // What the phone shows: the top, and the pain scale.
    await phone.screenshot({ path: `${ARTIFACTS}/questionnaire-phone-top.png` });
    await phone.getByRole('group', { name: /at rest/ }).scrollIntoViewIfNeeded();
    await phone.screenshot({ path: `${ARTIFACTS}/questionnaire-phone-nrs.png` });
    await phone.getByRole('radio', { name: 'I am the patient' }).check();
    await phone
      .getByRole('group', { name: /at rest/ })
      .getByRole('radio', { name: '3', exact: true })
      .check();
    await phone
      .getByRole('group', { name: /when moving/ })
      .getByRole('radio', { name: '5', exact: true })
      .check();
    for (let s = 1; s <= 10; s++) await phone.locator(`input[name="odi${s}"][value="${s % 3}"]`).check();
    await phone.locator('input[name="rmdq2"]').check();
    for (let d = 1; d <= 5; d++) await phone.locator(`input[name="eq5d${d}"][value="2"]`).check();
    await phone.locator('#eq5dVas-input').fill('70');
    await phone.getByRole('button', { name: 'Send my answers' }).click();
    await visible(phone.getByRole('heading', { name: 'Thank you' }));
    expect(await axeProblems(phone)).toEqual([]);
    await screenshot(phone, 'questionnaire-phone-thanks');
    // Once: the link now only thanks.
    await phone.goto(link);
    await visible(phone.getByRole('heading', { name: 'Thank you' }));
    await phoneContext.close();

    // Not counted yet: the visit is still expected on the worklist, and the patient page has none.
    const painAtOneMonth = await conservativeM1();
    await desk.goto(`${BASE_URL}/worklist`);
    const review = await visible(desk.locator('li', { hasText: `${patient.registryNumber} M1: NRS rest 3, activity 5 (answered ${day(0)} by the patient)` }));
    await screenshot(desk, 'questionnaire-awaiting-review');
    // The coordinator reviews the answers in the visit form, corrects the pain at rest (the patient
    // said on the phone it was 4) and confirms.
    await review.getByRole('link', { name: `Review and correct: M1, patient ${patient.registryNumber}` }).click();
    const form = await visible(desk.getByRole('form', { name: "Review the patient's M1 answers" }));
    // No new link for a visit whose answers await review.
    expect(await links.getByRole('button', { name: 'Questionnaire link for M1' }).count()).toBe(0);
    expect(await form.getByLabel('Pain at rest').inputValue()).toBe('3');
    await form.getByLabel('Pain at rest').fill('4');
    await screenshot(desk, 'questionnaire-review-form');
    await form.getByRole('button', { name: 'Confirm the answers' }).click();
    await visible(desk.getByText('The M1 answers were confirmed into the visit.'));
    await visible(links.getByText(/^M1: Confirmed, issued .* answered .* by the patient/));

    // Counted: the visit is recorded with the patient's answers, and left the worklist.
    await desk.goto(`${BASE_URL}/worklist`);
    await desk.getByLabel('Registry number').fill(patient.registryNumber);
    await desk.getByRole('button', { name: `Questionnaire link: M1, patient ${patient.registryNumber}` }).waitFor({ state: 'detached' });
    await desk.goto(patient.url);
    const visits = desk.locator('section[aria-labelledby="visits-title"]');
    const row = await visible(visits.locator('tbody tr', { hasText: 'M1' }));
    expect(await row.textContent()).toContain(day(0));
    expect(await row.locator('td:nth-child(4)').textContent()).toBe('4');
    await screenshot(desk, 'questionnaire-confirmed-visit');
    const analysed = await gql<{ patient: { assessments: { timePoint: string; status: string; nrsActivity: number; odi: number; eq5dVas: number }[] } }>(
      'query($id: ID!) { patient(id: $id) { assessments { timePoint status nrsActivity odi eq5dVas } } }',
      { id: patient.id },
      token,
    );
    expect(analysed.patient.assessments).toEqual([{ timePoint: 'M1', status: 'DONE', nrsActivity: 5, odi: 20, eq5dVas: 70 }]);
    // The correction is audited: the patient's 3 before, the confirmed 4 after.
    const { questionnaireInvitations } = await gql<{ questionnaireInvitations: { state: string; corrected: boolean; id: string }[] }>(
      'query($p: ID!) { questionnaireInvitations(patientId: $p) { id state corrected } }',
      { p: patient.id },
      token,
    );
    expect(questionnaireInvitations.filter((q) => q.state === 'CONFIRMED').map((q) => q.corrected)).toEqual([true]);
    // And in the figures: the registry's pain trajectory (an administrator's exact counts) has one
    // more conservatively treated patient at one month, who was not there while awaiting review.
    expect(await conservativeM1()).toBe(painAtOneMonth + 1);
    await desk.close();
    // Three browser pages and some forty steps: longer than the suite's default on a busy machine.
  }, 180_000);
});
