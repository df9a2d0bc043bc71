import * as nodeHttp from 'node:http';
import { createHash, randomBytes } from 'node:crypto';
import { SMTPServer } from 'smtp-server';
import { ADMIN, COORD_NORTH, COORD_SOUTH, describeEachDatabase, freePort, RESEARCHER, startAnotherApp, TestApp } from '@vfr/api-testing';
import { addDays, Role, timePointOrdinal, todayIso } from '@vfr/domain';
import { WorklistService } from '@vfr/api-follow-up';

// The questionnaire patients answer by link, attacked from outside (the public /q/<token> path:
// guessing, reuse, expiry, revocation, oversized and out-of-range answers, limits across two API
// processes) and from inside (site and role scoping of the coordinators' mutations, the review
// audited, nothing in the figures before it).

const ISSUE = `mutation($i: IssueQuestionnaireLinkInput!) { issueQuestionnaireLink(input: $i) { url qrSvg invitation { id version state timePoint registryNumber } } }`;
const CONFIRM = `mutation($i: ConfirmQuestionnaireInput!) { confirmQuestionnaireAnswers(input: $i) { id state corrected assessmentId respondent answers { nrsRest nrsActivity } } }`;
const REVOKE = `mutation($i: RevokeQuestionnaireLinkInput!) { revokeQuestionnaireLink(input: $i) { id state } }`;
const LIST = `query($p: ID, $a: Boolean) { questionnaireInvitations(patientId: $p, awaitingReview: $a) { id version state respondent registryNumber answers { nrsRest } } }`;

interface Answer {
  status: number;
  text: string;
  headers: nodeHttp.IncomingHttpHeaders;
}

/** A request to the public path from a given local address (each 127.x.y.z is another client to the server). */
function pub(t: TestApp, path: string, init: { method?: string; body?: string; from?: string; headers?: Record<string, string> } = {}): Promise<Answer> {
  const url = new URL(`${t.url}${path}`);
  return new Promise((resolve, reject) => {
    const req = nodeHttp.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method: init.method ?? 'GET',
        localAddress: init.from ?? '127.0.0.1',
        agent: false,
        headers: {
          ...(init.body !== undefined ? { 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(Buffer.byteLength(init.body)) } : {}),
          ...init.headers,
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode!, text, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}

/** A complete, valid form: every instrument answered. */
function form(over: Record<string, string | null> = {}): string {
  const values: Record<string, string | null> = { respondent: 'PATIENT', nrsRest: '6', nrsActivity: '8', eq5dVas: '55' };
  for (let i = 1; i <= 10; i++) values[`odi${i}`] = String(i % 6);
  for (let i = 1; i <= 5; i++) values[`eq5d${i}`] = String(1 + (i % 5));
  values.rmdq3 = 'yes';
  values.rmdq7 = 'yes';
  Object.assign(values, over);
  return new URLSearchParams(Object.entries(values).filter((e): e is [string, string] => e[1] !== null)).toString();
}

const tokenOf = (url: string) => url.split('/q/')[1];

describeEachDatabase(
  'questionnaires patients answer by link',
  (t) => {
    let north: string;
    let south: string;
    const gql = async (token: string, q: string, v: Record<string, unknown>) => {
      const r = await t().gql(q, v, token);
      expect(r.errors).toBeUndefined();
      return r.data!;
    };
    const sql = (q: string, p: unknown[] = []) => t().db.dataSource.query(q, p);
    const today = todayIso();
    let n = 0;

    /** A NORTH patient (with name and birth date) treated 30 days ago: the M1 window is open today. */
    const patient = async (site = 'NORTH', token = north) => {
      const [s] = await sql(`SELECT id, code, name FROM site WHERE code = $1`, [site]);
      const registryNumber = `${site}-Q-${++n}`;
      const created = await gql(token, `mutation($i: CreatePatientInput!) { createPatient(input: $i) { id } }`, {
        i: {
          siteId: s.id,
          sex: 'FEMALE',
          birthYear: 1938,
          registryNumber,
          consentStatus: 'GIVEN',
          identifiers: { mrn: `MRN-Q-${n}`, familyName: `Quibbleworth${n}`, givenName: 'Henrietta', dateOfBirth: '1938-04-17' },
        },
      });
      const patientId = created.createPatient.id;
      const fractureId = (
        await gql(token, `mutation($i: CreateFractureInput!) { createFracture(input: $i) { id } }`, {
          i: { patientId, level: 'L1', onsetDate: addDays(today, -40), cause: 'OSTEOPOROTIC', genantGrade: 2 },
        })
      ).createFracture.id;
      const treatmentId = (
        await gql(token, `mutation($i: CreateTreatmentInput!) { createTreatment(input: $i) { id } }`, {
          i: { patientId, kind: 'CONSERVATIVE', startDate: addDays(today, -30), levels: [{ fractureId }] },
        })
      ).createTreatment.id;
      return { patientId, treatmentId, registryNumber, site: s };
    };
    const issue = async (p: { patientId: string; treatmentId: string }, token = north, extra: Record<string, unknown> = {}) =>
      (await gql(token, ISSUE, { i: { patientId: p.patientId, treatmentId: p.treatmentId, timePoint: 'M1', ...extra } })).issueQuestionnaireLink;
    const invitationRow = async (id: string) => (await sql(`SELECT * FROM questionnaire_invitation WHERE id = $1`, [id]))[0];
    const auditCount = async () => Number((await sql(`SELECT count(*)::int AS n FROM audit_event`))[0].n);

    beforeAll(async () => {
      north = await t().login(COORD_NORTH);
      south = await t().login(COORD_SOUTH);
    });

    it('seeds the demo with questionnaires patients answered: confirmed into done visits, and some awaiting review', async () => {
      const rows = await sql(`
        SELECT q.reviewed_at IS NOT NULL AS confirmed, q.respondent, a.status, a.nrs_rest = (q.answers->>'nrsRest')::int AS same_nrs,
               q.answers->>'nrsRest' AS nrs
        FROM questionnaire_invitation q LEFT JOIN assessment a ON a.id = q.assessment_id`);
      const confirmed = rows.filter((r: any) => r.confirmed);
      expect(confirmed.length).toBeGreaterThan(0);
      expect(confirmed.every((r: any) => r.status === 'DONE' && r.same_nrs)).toBe(true);
      const waiting = rows.filter((r: any) => !r.confirmed);
      expect(waiting.every((r: any) => r.status === null && r.nrs !== null)).toBe(true);
    });

    it('issues a link whose token is 256 random bits, stored only as its SHA-256, with a QR code of the link', async () => {
      const p = await patient();
      const issued = await issue(p);
      const token = tokenOf(issued.url);
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(token, 'base64url')).toHaveLength(32);
      expect(issued.invitation).toMatchObject({ state: 'OPEN', timePoint: 'M1', registryNumber: p.registryNumber });
      expect(issued.qrSvg).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
      const row = await invitationRow(issued.invitation.id);
      expect(Buffer.from(row.token_hash).equals(createHash('sha256').update(token).digest())).toBe(true);
      // The token itself is nowhere in the database: not in the row, not in the audit trail.
      const [{ found }] = await sql(
        `SELECT (SELECT count(*) FROM questionnaire_invitation i WHERE i::text LIKE '%' || $1 || '%') + (SELECT count(*) FROM audit_event e WHERE e::text LIKE '%' || $1 || '%') AS found`,
        [token],
      );
      expect(Number(found)).toBe(0);
      // Expires at the end of the M1 window (day 44) or 28 days on, whichever is sooner.
      expect(new Date(row.expires_at).toISOString().slice(0, 10)).toBe(addDays(today, 14));
    });

    it('serves a form with its own strict CSP that names no patient, site or birth date, and no script', async () => {
      const p = await patient();
      const issued = await issue(p, north, { language: 'de' });
      const page = await pub(t(), `/q/${tokenOf(issued.url)}`, { from: '127.0.1.1' });
      expect(page.status).toBe(200);
      expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
      const csp = String(page.headers['content-security-policy']);
      expect(csp).toMatch(
        /^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; img-src 'none'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'$/,
      );
      expect(page.headers['referrer-policy']).toBe('no-referrer');
      expect(page.headers['cache-control']).toBe('no-store');
      expect(page.text).toContain('<html lang="de">');
      expect(page.text).not.toMatch(/<script/i);
      for (const secret of [`Quibbleworth${n}`, 'Henrietta', '1938', `MRN-Q-${n}`, p.registryNumber, p.site.code, p.site.name, p.patientId, p.treatmentId]) {
        expect(page.text).not.toContain(secret);
      }
      // Labelled radio groups: one fieldset with a legend per question, every control inside a label.
      expect(page.text.match(/<fieldset/g)!.length).toBe(1 + 2 + 10 + 1 + 5);
      expect(page.text.match(/<legend>/g)!.length).toBe(1 + 2 + 10 + 1 + 5);
      expect(page.text).toContain('[Platzhalter]');
      // The style the CSP allows is exactly the page's own.
      const style = /<style>([\s\S]*?)<\/style>/.exec(page.text)![1];
      expect(csp).toContain(`'sha256-${createHash('sha256').update(style).digest('base64')}'`);
      // The language follows ?lang=, then the browser's Accept-Language.
      expect((await pub(t(), `/q/${tokenOf(issued.url)}?lang=en`, { from: '127.0.1.1' })).text).toContain('<html lang="en">');
      expect((await pub(t(), `/q/${tokenOf(issued.url)}`, { from: '127.0.1.1', headers: { 'accept-language': 'en-GB,de;q=0.5' } })).text).toContain(
        '<html lang="en">',
      );
    });

    it('prints a letter of the link with its QR code, nothing of the patient, and only while the link can be used', async () => {
      const p = await patient();
      const issued = await issue(p);
      const letter = await pub(t(), `/q/${tokenOf(issued.url)}/letter`, { from: '127.0.1.6' });
      expect(letter.status).toBe(200);
      expect(letter.headers['content-security-policy']).toMatch(/^default-src 'none'/);
      expect(letter.text).toMatch(/<div class="qr" role="img" aria-label="QR code"><svg[^>]*viewBox/);
      expect(letter.text).toContain(issued.url);
      expect(letter.text).toContain(addDays(today, 14));
      for (const secret of [`Quibbleworth${n}`, 'Henrietta', '1938', p.registryNumber, p.site.code, p.site.name]) expect(letter.text).not.toContain(secret);
      // Opening the letter does not use the link; a used link has no letter.
      await pub(t(), `/q/${tokenOf(issued.url)}`, { method: 'POST', body: form(), from: '127.0.1.6' });
      const after = await pub(t(), `/q/${tokenOf(issued.url)}/letter`, { from: '127.0.1.6' });
      expect(after.status).toBe(404);
      expect(after.text).toContain('This link is not valid');
    });

    it('answers unknown, malformed, expired, revoked and replaced links alike: same status, same page', async () => {
      const expired = await issue(await patient());
      await sql(`UPDATE questionnaire_invitation SET expires_at = now() - interval '1 second' WHERE id = $1`, [expired.invitation.id]);
      const revoked = await issue(await patient());
      await gql(north, REVOKE, { i: { id: revoked.invitation.id, version: revoked.invitation.version } });
      const p = await patient();
      const replaced = await issue(p);
      const current = await issue(p);
      expect((await invitationRow(replaced.invitation.id)).withdrawn_reason).toBe('Replaced by a new link');
      const paths = [
        `/q/${randomBytes(32).toString('base64url')}`,
        '/q/not-a-token',
        `/q/${'A'.repeat(500)}`,
        `/q/${tokenOf(expired.url)}`,
        `/q/${tokenOf(revoked.url)}`,
        `/q/${tokenOf(replaced.url)}`,
      ];
      const answers: Answer[] = [];
      for (const path of paths) answers.push(await pub(t(), path, { from: '127.0.1.2' }));
      expect(answers.map((a) => a.status)).toEqual(paths.map(() => 404));
      expect(new Set(answers.map((a) => a.text)).size).toBe(1);
      expect(answers[0].text).toContain('This link is not valid');
      // Posting answers to them writes nothing and says the same.
      const before = await auditCount();
      const posted: Answer[] = [];
      for (const path of paths.slice(3)) posted.push(await pub(t(), path, { method: 'POST', body: form(), from: '127.0.1.2' }));
      expect(posted.map((a) => [a.status, a.text])).toEqual(posted.map(() => [404, answers[0].text]));
      expect(await auditCount()).toBe(before);
      const [{ answered }] = await sql(`SELECT count(*)::int AS answered FROM questionnaire_invitation WHERE id = ANY($1) AND answered_at IS NOT NULL`, [
        [expired.invitation.id, revoked.invitation.id, replaced.invitation.id],
      ]);
      expect(answered).toBe(0);
      // The current link works.
      expect((await pub(t(), `/q/${tokenOf(current.url)}`, { from: '127.0.1.2' })).status).toBe(200);
    });

    it('refuses out-of-range, unknown, repeated and oversized answers, writing nothing', async () => {
      const issued = await issue(await patient());
      const path = `/q/${tokenOf(issued.url)}?lang=en`;
      const before = await auditCount();
      const bad = [
        form({ nrsRest: '11' }),
        form({ nrsActivity: '-1' }),
        form({ odi3: '6' }),
        form({ eq5d2: '0' }),
        form({ eq5d4: null }),
        form({ eq5dVas: '101' }),
        form({ rmdq5: 'no' }),
        form({ respondent: 'DOCTOR' }),
        form({ respondent: null }),
        form({ nrsRest: null }),
        form({ patientId: '00000000-0000-0000-0000-000000000000' }),
        `${form()}&nrsRest=2`,
        form({ nrsRest: '5'.repeat(20) }),
      ];
      for (const body of bad) {
        const r = await pub(t(), path, { method: 'POST', body, from: '127.0.1.3' });
        expect([body.slice(0, 60), r.status]).toEqual([body.slice(0, 60), 400]);
        expect(r.text).toContain('Please check these answers');
      }
      // A body over the limit is refused from its length.
      const huge = `${form()}&${'x'.repeat(20_000)}=1`;
      const r = await pub(t(), path, { method: 'POST', body: huge, from: '127.0.1.3' });
      expect(r.status).toBe(413);
      // Another type of body is not read.
      const json = await pub(t(), path, {
        method: 'POST',
        body: JSON.stringify({ nrsRest: 3 }),
        from: '127.0.1.3',
        headers: { 'content-type': 'application/json' },
      });
      expect(json.status).toBe(413);
      const row = await invitationRow(issued.invitation.id);
      expect([row.answered_at, row.answers, row.respondent]).toEqual([null, null, null]);
      expect(await auditCount()).toBe(before);
      // A problem shows the form again with what was given.
      const again = await pub(t(), path, { method: 'POST', body: form({ nrsRest: '11', nrsActivity: '4' }), from: '127.0.1.3' });
      expect(again.text).toContain('name="nrsActivity" value="4" checked');
      expect(again.text).toContain('id="nrsRest-error"');
    });

    it('takes answers once: a second submission is refused and changes nothing, the link then thanks', async () => {
      const p = await patient();
      const other = await patient();
      const issued = await issue(p);
      const otherIssued = await issue(other);
      const path = `/q/${tokenOf(issued.url)}`;
      const first = await pub(t(), path, { method: 'POST', body: form({ respondent: 'PROXY' }), from: '127.0.1.4' });
      expect(first.status).toBe(200);
      expect(first.text).toContain('Thank you');
      const row = await invitationRow(issued.invitation.id);
      expect(row.respondent).toBe('PROXY');
      expect(row.answers).toMatchObject({ nrsRest: 6, nrsActivity: 8, eq5dVas: 55, odiItems: [1, 2, 3, 4, 5, 0, 1, 2, 3, 4] });
      expect(row.answers.rmdqItems.filter(Boolean)).toHaveLength(2);
      const audits = await auditCount();
      const second = await pub(t(), path, { method: 'POST', body: form({ nrsRest: '0' }), from: '127.0.1.4' });
      expect(second.status).toBe(200);
      expect(second.text).toContain('Thank you');
      expect((await invitationRow(issued.invitation.id)).answers.nrsRest).toBe(6);
      expect(await auditCount()).toBe(audits);
      expect((await pub(t(), path, { from: '127.0.1.4' })).text).toContain('Thank you');
      // One patient's token wrote one patient's questionnaire: the other's is untouched.
      expect((await invitationRow(otherIssued.invitation.id)).answered_at).toBeNull();
      // Two submissions at once: one is stored.
      const both = await issue(await patient());
      const bothPath = `/q/${tokenOf(both.url)}`;
      await Promise.all([
        pub(t(), bothPath, { method: 'POST', body: form({ nrsRest: '1' }), from: '127.0.1.4' }),
        pub(t(), bothPath, { method: 'POST', body: form({ nrsRest: '2' }), from: '127.0.1.4' }),
      ]);
      const [{ n: events }] = await sql(`SELECT count(*)::int AS n FROM audit_event WHERE entity_id = $1 AND reason LIKE 'Answered through%'`, [
        both.invitation.id,
      ]);
      expect(events).toBe(1);
    });

    it('keeps answers out of the figures until a coordinator confirms them; confirming with corrections is audited and counted', async () => {
      const p = await patient();
      const issued = await issue(p);
      await pub(t(), `/q/${tokenOf(issued.url)}`, { method: 'POST', body: form(), from: '127.0.1.5' });
      const m1 = timePointOrdinal('M1');
      const status = async () => (await sql(`SELECT visit_status[$2] AS s FROM analysis_patient WHERE patient_id = $1`, [p.patientId, m1]))[0].s;
      expect(await status()).toBeNull();
      expect((await sql(`SELECT count(*)::int AS n FROM assessment WHERE patient_id = $1`, [p.patientId]))[0].n).toBe(0);
      const waiting = (await gql(north, LIST, { a: true })).questionnaireInvitations.filter((i: any) => i.id === issued.invitation.id);
      expect(waiting).toEqual([
        expect.objectContaining({ state: 'AWAITING_REVIEW', respondent: 'PATIENT', registryNumber: p.registryNumber, answers: { nrsRest: 6 } }),
      ]);
      // Another site's coordinator neither sees nor confirms nor revokes it.
      expect((await gql(south, LIST, { a: true })).questionnaireInvitations.map((i: any) => i.id)).not.toContain(issued.invitation.id);
      const foreign = await t().gql(CONFIRM, { i: { id: issued.invitation.id, version: waiting[0].version } }, south);
      expect(foreign.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      const foreignRevoke = await t().gql(REVOKE, { i: { id: issued.invitation.id, version: waiting[0].version } }, south);
      expect(foreignRevoke.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      // An answer out of range is refused on review too, and nothing is written.
      const wrong = await t().gql(CONFIRM, { i: { id: issued.invitation.id, version: waiting[0].version, corrections: { nrsRest: 12 } } }, north);
      expect(wrong.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(wrong.errors?.[0].message).toMatch(/nrsRest/);
      expect(await status()).toBeNull();
      const done = (await gql(north, CONFIRM, { i: { id: issued.invitation.id, version: waiting[0].version, corrections: { nrsRest: 5 } } }))
        .confirmQuestionnaireAnswers;
      expect(done).toMatchObject({ state: 'CONFIRMED', corrected: true, respondent: 'PATIENT', answers: { nrsRest: 5, nrsActivity: 8 } });
      const [visit] = await sql(`SELECT status, visit_date::text AS d, nrs_rest, nrs_activity, odi, rmdq, eq5d_vas FROM assessment WHERE id = $1`, [
        done.assessmentId,
      ]);
      expect(visit).toEqual({ status: 'DONE', d: today, nrs_rest: 5, nrs_activity: 8, odi: 50, rmdq: 2, eq5d_vas: 55 });
      expect(await status()).toBe('DONE');
      // Completeness counts it among the visits done, and as answered by a patient, once its window has closed
      // (the other answered questionnaires of this suite were not confirmed, and do not count).
      const admin = { userId: '00000000-0000-0000-0000-000000000000', email: ADMIN, role: Role.ADMIN, siteId: null };
      const rows = await t().app.get(WorklistService).completeness(admin, p.site.id, addDays(today, 15));
      expect(rows.find((r) => r.time_point === 'M1')).toMatchObject({ answered_by_patients: 1 });
      expect(rows.find((r) => r.time_point === 'M1')!.done).toBeGreaterThanOrEqual(1);
      const events = await sql(`SELECT entity_type, action, actor_email, before, after, reason FROM audit_event WHERE entity_id IN ($1, $2) ORDER BY id`, [
        issued.invitation.id,
        done.assessmentId,
      ]);
      expect(events.map((e: any) => [e.entity_type, e.action, e.actor_email])).toEqual([
        ['QuestionnaireInvitation', 'CREATE', COORD_NORTH],
        ['QuestionnaireInvitation', 'UPDATE', null],
        ['Assessment', 'CREATE', COORD_NORTH],
        ['QuestionnaireInvitation', 'UPDATE', COORD_NORTH],
        ['QuestionnaireInvitation', 'UPDATE', COORD_NORTH],
      ]);
      expect(events[2].reason).toBe('Answered by the patient through a questionnaire link; confirmed with corrections by the coordinator');
      expect(events[3]).toMatchObject({ before: { nrsRest: 6 }, after: { nrsRest: 5 }, reason: 'Answers corrected on review' });
      // Confirmed once only; and a confirmed questionnaire is not revoked.
      const again = await t().gql(CONFIRM, { i: { id: issued.invitation.id, version: waiting[0].version + 1 } }, north);
      expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');
    });

    it('scopes issuing to the coordinator site and the roles that enter visits, and to open windows', async () => {
      const p = await patient();
      const foreign = await t().gql(ISSUE, { i: { patientId: p.patientId, treatmentId: p.treatmentId, timePoint: 'M1' } }, south);
      expect(foreign.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      const researcher = await t().login(RESEARCHER);
      const refused = await t().gql(ISSUE, { i: { patientId: p.patientId, treatmentId: p.treatmentId, timePoint: 'M1' } }, researcher);
      expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await t().gql(LIST, {}, researcher)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const closed = await t().gql(ISSUE, { i: { patientId: p.patientId, treatmentId: p.treatmentId, timePoint: 'M6' } }, north);
      expect(closed.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(closed.errors?.[0].message).toMatch(/window is open/);
      const admin = await t().login(ADMIN);
      expect((await t().gql(ISSUE, { i: { patientId: p.patientId, treatmentId: p.treatmentId, timePoint: 'M1' } }, admin)).errors).toBeUndefined();
      const [{ n }] = await sql(`SELECT count(*)::int AS n FROM questionnaire_invitation WHERE patient_id = $1`, [p.patientId]);
      expect(n).toBe(1);
    });

    it('emails the link with SMTP_URL set, through a real SMTP server, and the link in the mail opens the form', async () => {
      const mails: string[] = [];
      const port = await freePort();
      const smtp = new SMTPServer({
        authOptional: true,
        disabledCommands: ['STARTTLS'],
        logger: false,
        onData(stream, _session, done) {
          let raw = '';
          stream.setEncoding('utf8');
          stream.on('data', (c: string) => (raw += c));
          stream.on('end', () => {
            mails.push(raw);
            done();
          });
        },
      });
      await new Promise<void>((resolve) => smtp.listen(port, '127.0.0.1', resolve));
      const mailing = await startAnotherApp(t(), {
        env: {
          SMTP_URL: `smtp://127.0.0.1:${port}`,
          SMTP_FROM: 'registry@hospital.example',
          PUBLIC_URL: t().url,
          QUESTIONNAIRE_LIMIT_PER_ADDRESS: '40',
          QUESTIONNAIRE_LIMIT_TOTAL: '400',
        },
      });
      try {
        const p = await patient();
        const coordinator = await mailing.login(COORD_NORTH);
        const address = `henrietta.${n}@patients.example`;
        const r = await mailing.gql(ISSUE, { i: { patientId: p.patientId, treatmentId: p.treatmentId, timePoint: 'M1', email: address } }, coordinator);
        expect(r.errors).toBeUndefined();
        expect(mails).toHaveLength(1);
        // Quoted-printable undone: the message as the patient reads it.
        const mail = mails[0].replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
        expect(mail).toMatch(new RegExp(`^To: ${address.replace(/\./g, '\\.')}`, 'm'));
        expect(mail).toMatch(/^Subject: Your follow-up questionnaire/m);
        const link = new RegExp(`${t().url.replace(/[.:/]/g, (c) => `\\${c}`)}/q/[A-Za-z0-9_-]{43}`).exec(mail)![0];
        expect(link).toBe(r.data!.issueQuestionnaireLink.url);
        for (const secret of [`Quibbleworth${n}`, 'Henrietta', p.registryNumber, p.site.name]) expect(mail).not.toContain(secret);
        // The address was used for the send and is kept nowhere.
        const [{ found }] = await sql(
          `SELECT (SELECT count(*) FROM questionnaire_invitation i WHERE i::text LIKE '%' || $1 || '%') + (SELECT count(*) FROM audit_event e WHERE e::text LIKE '%' || $1 || '%') AS found`,
          [address],
        );
        expect(Number(found)).toBe(0);
        // Sent again: a reminder, with a new link; the first one stops working.
        const again = await mailing.gql(ISSUE, { i: { patientId: p.patientId, treatmentId: p.treatmentId, timePoint: 'M1', email: address } }, coordinator);
        expect(mails).toHaveLength(2);
        expect(mails[1]).toMatch(/^Subject: Reminder: your follow-up questionnaire/m);
        expect((await pub(t(), new URL(link).pathname, { from: '127.0.1.7' })).status).toBe(404);
        const link2 = again.data!.issueQuestionnaireLink.url as string;
        // Followed from the mail: the form, then the answers.
        const path = new URL(link2).pathname;
        expect((await pub(t(), path, { from: '127.0.1.7' })).status).toBe(200);
        expect((await pub(t(), path, { method: 'POST', body: form(), from: '127.0.1.7' })).text).toContain('Thank you');
        // Without SMTP_URL, an address is refused rather than silently not sent.
        const q = await patient();
        const refused = await t().gql(ISSUE, { i: { patientId: q.patientId, treatmentId: q.treatmentId, timePoint: 'M1', email: address } }, north);
        expect(refused.errors?.[0].extensions?.fields?.[0]).toMatchObject({ field: 'email', rule: 'unavailable' });
        // The dashboard offers the address field only where a mail can be sent.
        expect((await mailing.gql('{ questionnaireEmail }', {}, coordinator)).data).toEqual({ questionnaireEmail: true });
        expect((await t().gql('{ questionnaireEmail }', {}, north)).data).toEqual({ questionnaireEmail: false });
      } finally {
        await mailing.close();
        await new Promise<void>((resolve) => smtp.close(() => resolve()));
      }
    });

    it('limits guessing per client address, counted across API processes', async () => {
      const second = await startAnotherApp(t(), { env: { QUESTIONNAIRE_LIMIT_PER_ADDRESS: '40', QUESTIONNAIRE_LIMIT_TOTAL: '400' } });
      try {
        const statuses: number[] = [];
        for (let i = 0; i < 45; i++) {
          const app = i % 2 ? second : t();
          statuses.push((await pub(app, `/q/${randomBytes(32).toString('base64url')}`, { from: '127.0.2.1' })).status);
        }
        // 40 allowed in all (QUESTIONNAIRE_LIMIT_PER_ADDRESS), however the two processes shared them.
        expect(statuses.slice(0, 40)).toEqual(Array(40).fill(404));
        expect(statuses.slice(40)).toEqual(Array(5).fill(429));
        const refused = await pub(second, `/q/${randomBytes(32).toString('base64url')}`, { from: '127.0.2.1' });
        expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
        expect(refused.headers['content-security-policy']).toMatch(/^default-src 'none'/);
        // Another address is not held up by it.
        expect((await pub(second, `/q/${randomBytes(32).toString('base64url')}`, { from: '127.0.2.2' })).status).toBe(404);
      } finally {
        await second.close();
      }
    });

    it('limits all addresses together, without counting the requests refused per address', async () => {
      // QUESTIONNAIRE_LIMIT_TOTAL is 400: fresh addresses each stay under their own limit.
      let total429 = 0;
      for (let a = 1; a <= 14 && total429 === 0; a++) {
        for (let i = 0; i < 35; i++) {
          const r = await pub(t(), `/q/${randomBytes(32).toString('base64url')}`, { from: `127.0.3.${a}` });
          if (r.status === 429) total429++;
        }
      }
      expect(total429).toBeGreaterThan(0);
    });
  },
  { env: { QUESTIONNAIRE_LIMIT_PER_ADDRESS: '40', QUESTIONNAIRE_LIMIT_TOTAL: '400' } },
);
