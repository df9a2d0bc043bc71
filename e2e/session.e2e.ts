import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { Browser, Locator, Page } from 'playwright-core';
import { DEMO_PASSWORD, launch, screenshot } from './browser';

// Sessions in the browser: an expired session is resumed in place (the sign-in dialog over the
// form, the visit then saved with what was typed), input keeps a session alive past the idle
// limit, and an admin's reset leads the user through the change of the temporary password.
// These run against a registry of their own, started here with a 30-second idle limit
// (TEST_TOKEN_TTL_SECONDS), so that the shared one keeps its ordinary limits.

const IDLE_SECONDS = 30;
const COORDINATOR = 'coordinator.north@demo.registry';
const root = path.join(__dirname, '..');
const day = (offset: number) => new Date(Date.now() + offset * 86400000).toISOString().slice(0, 10);

let url = '';
let server: ChildProcess | undefined;
let dataDir = '';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function startRegistry(): Promise<void> {
  const port = await freePort();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vfr-e2e-session-'));
  url = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    DEMO_PATIENTS: '10',
    TEST_TOKEN_TTL_SECONDS: String(IDLE_SECONDS),
  };
  delete env.DATABASE_URL;
  const log = fs.openSync(path.join(dataDir, 'app.log'), 'w');
  server = spawn(process.execPath, [path.join(root, 'dist/server/apps/api/src/main.js')], { cwd: root, env, stdio: ['ignore', log, log] });
  fs.closeSync(log); // the registry holds its own copy
  const deadline = Date.now() + 150_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the registry exited: ${fs.readFileSync(path.join(dataDir, 'app.log'), 'utf8').slice(-2000)}`);
    if (
      await fetch(`${url}/health`)
        .then((r) => r.ok)
        .catch(() => false)
    )
      return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the registry did not start in time');
}

async function api<T>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length || !body.data) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

const tokenOf = async (email: string, password = DEMO_PASSWORD) =>
  (await api<{ login: { token: string } }>('mutation($i: LoginInput!) { login(input: $i) { token } }', { i: { email, password } })).login.token;

async function visible(locator: Locator, timeout = 20000): Promise<Locator> {
  await locator.first().waitFor({ state: 'visible', timeout });
  return locator.first();
}

async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** A patient of the north site with a fracture and a kyphoplasty, ready for a follow-up visit. */
async function patientWithTreatment(token: string): Promise<{ id: string; registryNumber: string }> {
  const { me } = await api<{ me: { siteId: string } }>('{ me { siteId } }', {}, token);
  const { createPatient: patient } = await api<{ createPatient: { id: string; registryNumber: string } }>(
    'mutation($i: CreatePatientInput!) { createPatient(input: $i) { id registryNumber } }',
    { i: { siteId: me.siteId, sex: 'FEMALE', birthYear: 1944, consentStatus: 'GIVEN' } },
    token,
  );
  const { createFracture: fracture } = await api<{ createFracture: { id: string } }>(
    'mutation($i: CreateFractureInput!) { createFracture(input: $i) { id } }',
    { i: { patientId: patient.id, level: 'L2', onsetDate: day(-75), cause: 'OSTEOPOROTIC', genantGrade: 2, ofClass: 'OF2' } },
    token,
  );
  await api(
    'mutation($i: CreateTreatmentInput!) { createTreatment(input: $i) { id } }',
    { i: { patientId: patient.id, kind: 'CONSERVATIVE', startDate: day(-65), levels: [{ fractureId: fracture.id }] } },
    token,
  );
  return patient;
}

describe('sessions: resumed in place, kept alive by activity, and a reset password changed, in Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    await startRegistry();
    browser = await launch();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    if (server && server.exitCode === null) {
      server.kill('SIGTERM');
      await Promise.race([new Promise((r) => server!.once('exit', r)), new Promise((r) => setTimeout(r, 15000))]);
    }
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('opens the sign-in dialog over a half-filled visit form when the session expired, then saves the visit with everything typed', async () => {
    const page = await browser.newPage();
    const patient = await patientWithTreatment(await tokenOf(COORDINATOR));
    await signIn(page, COORDINATOR);
    await visible(page.getByRole('link', { name: 'Patients' }));
    await page.goto(`${url}/patients/${patient.id}`);
    await visible(page.getByRole('heading', { name: `Patient ${patient.registryNumber}` }));
    await page.getByRole('button', { name: 'Add visit' }).click();
    await page.getByLabel('Time point').selectOption('M1');
    await page.getByLabel('Visit date').fill(day(-35));
    await page.getByLabel('Pain at rest (NRS 0-10)').fill('3');
    await page.getByLabel('Pain on activity (NRS 0-10)').fill('5');
    await page.getByLabel('ODI (%)').fill('28');

    // The user leaves the form alone past the idle limit.
    await page.waitForTimeout((IDLE_SECONDS + 3) * 1000);
    await page.getByRole('button', { name: 'Save visit' }).click();
    const dialog = await visible(page.getByRole('dialog', { name: 'Sign in to continue' }));
    await visible(dialog.getByText(`Your session expired after ${IDLE_SECONDS} seconds without activity; sign in again`));
    // The page stays as it was behind the dialog.
    expect(await page.getByLabel('Pain at rest (NRS 0-10)').inputValue()).toBe('3');
    expect(await dialog.getByLabel('Email').inputValue()).toBe(COORDINATOR);
    await screenshot(page, 'session-expired-dialog');
    await page.screenshot({ path: '/tmp/session-expired-dialog.png' });

    // A wrong password is answered inside the dialog; the right one sends the pending save.
    await dialog.getByLabel('Password').fill('not-my-password');
    await dialog.getByRole('button', { name: 'Sign in' }).click();
    await visible(dialog.getByText('The email or password is wrong'));
    await dialog.getByLabel('Password').fill(DEMO_PASSWORD);
    await dialog.getByRole('button', { name: 'Sign in' }).click();
    await visible(page.getByRole('status').filter({ hasText: 'Visit saved.' }));
    expect(await page.getByRole('dialog').count()).toBe(0);
    await page.screenshot({ path: '/tmp/session-after-resume.png', fullPage: true });

    const { patient: saved } = await api<{
      patient: { assessments: { timePoint: string; visitDate: string; nrsRest: number; nrsActivity: number; odi: number }[] };
    }>('query($id: ID!) { patient(id: $id) { assessments { timePoint visitDate nrsRest nrsActivity odi } } }', { id: patient.id }, await tokenOf(COORDINATOR));
    expect(saved.assessments).toEqual([{ timePoint: 'M1', visitDate: day(-35), nrsRest: 3, nrsActivity: 5, odi: 28 }]);
    await page.close();
  }, 120_000);

  it("keeps a user who is typing signed in past the idle limit, with the token renewed on the user's input", async () => {
    const page = await browser.newPage();
    const patient = await patientWithTreatment(await tokenOf(COORDINATOR));
    await signIn(page, COORDINATOR);
    await visible(page.getByRole('link', { name: 'Patients' }));
    await page.goto(`${url}/patients/${patient.id}`);
    await visible(page.getByRole('heading', { name: `Patient ${patient.registryNumber}` }));
    const first = await page.evaluate(() => sessionStorage.getItem('vfr.token'));
    await page.getByRole('button', { name: 'Add visit' }).click();
    await page.getByLabel('Time point').selectOption('M1');
    await page.getByLabel('Visit date').fill(day(-35));
    // Typing into the form, which sends no request, for twice the idle limit.
    const until = Date.now() + IDLE_SECONDS * 2 * 1000;
    for (let i = 0; Date.now() < until; i++) {
      await page.getByLabel('Pain at rest (NRS 0-10)').fill(String(i % 10));
      await page.waitForTimeout(4000);
    }
    await page.getByLabel('Pain at rest (NRS 0-10)').fill('2');
    await page.getByRole('button', { name: 'Save visit' }).click();
    await visible(page.getByRole('status').filter({ hasText: 'Visit saved.' }));
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(await page.evaluate(() => sessionStorage.getItem('vfr.token'))).not.toBe(first);
    await page.screenshot({ path: '/tmp/session-alive.png', fullPage: true });
    await page.close();
  }, 150_000);

  it('lets an admin reset a password: the user signs in with the temporary one, must change it, then works', async () => {
    const admin = await browser.newPage();
    admin.on('dialog', (d) => void d.accept());
    await signIn(admin, 'admin@demo.registry');
    await visible(admin.getByRole('link', { name: 'Users' }));
    await admin.getByRole('link', { name: 'Users' }).click();
    const row = admin.locator('tr').filter({ hasText: 'coordinator.south@demo.registry' });
    await (await visible(row.getByRole('button', { name: 'Reset password' }))).click();
    const temporary = (await (await visible(admin.locator('.temporary-password'))).textContent())!;
    expect(temporary).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    await visible(row.getByText('must choose a password'));
    await admin.screenshot({ path: '/tmp/session-reset.png', fullPage: true });

    const context = await browser.newContext();
    const user = await context.newPage();
    await signIn(user, 'coordinator.south@demo.registry', DEMO_PASSWORD);
    await visible(user.getByText('The email or password is wrong'));
    await signIn(user, 'coordinator.south@demo.registry', temporary);
    await visible(user.getByRole('heading', { name: 'Choose your own password' }));
    expect(user.url()).toMatch(/\/account\/password$/);
    expect(await user.getByRole('link', { name: 'Patients' }).count()).toBe(0);
    // Nothing else opens until it is changed.
    await user.goto(`${url}/patients`);
    await visible(user.getByRole('heading', { name: 'Choose your own password' }));
    await user.screenshot({ path: '/tmp/session-forced-change.png', fullPage: true });
    await user.getByLabel('Current password').fill(temporary);
    await user.getByLabel('New password', { exact: true }).fill('south harbour evening walk');
    await user.getByLabel('New password again').fill('south harbour evening walk');
    await user.getByRole('button', { name: 'Change password' }).click();
    await visible(user.getByRole('status').filter({ hasText: 'Your password is changed' }));
    await (await visible(user.getByRole('link', { name: 'Patients' }))).click();
    await visible(user.getByRole('heading', { name: 'Patients' }));
    await user.screenshot({ path: '/tmp/session-after-change.png', fullPage: true });
    await context.close();
    await admin.close();
  }, 120_000);
});
