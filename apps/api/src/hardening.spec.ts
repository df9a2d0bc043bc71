import * as fs from 'node:fs';
import { IncomingMessage, request } from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { NestExpressApplication } from '@nestjs/platform-express';
import { ADMIN, COORD_NORTH, describeEachDatabase, openTestDatabase, RESEARCHER, startTestApp, TestApp, TestDatabase } from '@vfr/api-testing';
import { createApp } from '@vfr/api-app';

// Misspelled names sent without a token: graphql-js would answer each with "Did you mean ...?",
// naming fields, arguments, enum values and input fields of the schema to anyone who guesses.
const MISSPELLED: { query: string; variables?: Record<string, unknown>; suggests: RegExp }[] = [
  { query: '{ pateints(first: 1) { totalCount } }', suggests: /"patients"/ },
  { query: '{ patients(frist: 1) { totalCount } }', suggests: /"first"/ },
  { query: '{ cohortSize(grouping: FIRST_TREATMNT) { total } }', suggests: /"FIRST_TREATMENT"/ },
  {
    query: 'mutation($i: LoginInput!) { login(input: $i) { token } }',
    variables: { i: { email: 'a@b.c', password: 'x', emial: 'a@b.c' } },
    suggests: /"email"/,
  },
];

async function misspelledAnswers(app: TestApp): Promise<string[]> {
  const messages: string[] = [];
  for (const { query, variables } of MISSPELLED) {
    const r = await app.gql(query, variables);
    expect(r.data ?? null).toBeNull();
    messages.push(r.errors!.map((e) => e.message).join(' | '));
  }
  return messages;
}

describeEachDatabase('GraphQL hardening', (t) => {
  it('refuses a query nested deeper than the limit, before running it', async () => {
    const token = await t().login(ADMIN);
    const r = await t().gql(`{ patients(first: 1) { edges { node { site { id } treatments { levels { fractureId } } } } } }`, {}, token);
    expect(r.errors).toBeUndefined();
    // The schema has no cycles, so depth beyond the limit can only be asked for by a hostile client.
    const deep = `{ me { a { b { c { d { e { f { g { h { i { j { k } } } } } } } } } } } }`;
    const refused = await t().gql(deep, {}, token);
    expect(refused.errors!.every((e) => e.extensions!.code === 'GRAPHQL_VALIDATION_FAILED')).toBe(true);
    expect(refused.errors!.some((e) => /depth/i.test(e.message))).toBe(true);
  });

  it('refuses an alias flood and an over-costly query', async () => {
    const token = await t().login(ADMIN);
    const aliases = `{ ${Array.from({ length: 30 }, (_, i) => `a${i}: me { email }`).join(' ')} }`;
    const r = await t().gql(aliases, {}, token);
    expect(r.errors![0].message).toMatch(/alias/i);
    const costly = `{ ${Array.from({ length: 19 }, (_, i) => `p${i}: patients(first: 200) { edges { node { fractures { id level onsetDate } treatments { id kind levels { fractureId cementVolumeMl } } assessments { id nrsRest odi rmdq } } } }`).join(' ')} }`;
    const c = await t().gql(costly, {}, token);
    expect(c.errors![0].message).toMatch(/cost/i);
  });

  it('refuses batched operations in one HTTP request', async () => {
    const res = await fetch(`${t().url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
    });
    expect(res.status).toBe(400);
    expect(await res.text()).not.toMatch(/at .*\.js:\d+/);
  });

  it('sends security headers and no framework banner', async () => {
    const res = await fetch(`${t().url}/health`);
    expect(res.headers.get('x-powered-by')).toBeNull();
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(res.headers.get('strict-transport-security')).toBeTruthy();
  });

  it('answers a request body too large for any form with a clear JSON error', async () => {
    const res = await fetch(`${t().url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }', variables: { x: 'y'.repeat(3_000_000) } }),
    });
    expect(res.status).toBe(413);
    expect(await res.text()).not.toMatch(/at .*\.js:\d+|node_modules/);
  });

  it('lets no browser or proxy keep a copy of any answer with patient data: GraphQL, exports, import reports, errors', async () => {
    const coordinator = await t().login(COORD_NORTH);
    const researcher = await t().login(RESEARCHER);
    const get = (p: string, token?: string, init: RequestInit = {}) =>
      fetch(`${t().url}${p}`, { ...init, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(init.headers as Record<string, string>) } });
    const csv = {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: 'registry_number,site_code,sex,birth_year\nNORTH-CACHE-1,NORTH,FEMALE,1944\n',
    };
    const answers: [string, Response][] = [
      [
        'patients over GraphQL',
        await fetch(`${t().url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${coordinator}` },
          body: JSON.stringify({ query: '{ patients(first: 5) { edges { node { registryNumber } } } }' }),
        }),
      ],
      [
        'a GraphQL error without a token',
        await fetch(`${t().url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ patients(first: 5) { totalCount } }' }),
        }),
      ],
      ['identified records', await get('/api/export/records/patients.csv', coordinator)],
      ['the de-identified export', await get('/api/export/assessments.csv?format=wide', researcher)],
      ['the data dictionary', await get('/api/export/dictionary.csv', researcher)],
      ['an import template', await get('/api/import/patients/template.csv', coordinator)],
      ['an import report', await get('/api/import/patients', coordinator, csv)],
      ['an export refused without a token', await get('/api/export/records/patients.csv')],
      ['an export of a kind that does not exist', await get('/api/export/records/nothing.csv', coordinator)],
      ['health', await get('/health')],
    ];
    for (const [what, res] of answers) {
      expect({ what, status: res.status, cacheControl: res.headers.get('cache-control') }).toEqual({ what, status: res.status, cacheControl: 'no-store' });
      await res.arrayBuffer().catch(() => undefined);
    }
    expect(answers.find(([w]) => w === 'identified records')![1].status).toBe(200);
    expect(answers.find(([w]) => w === 'an import report')![1].status).toBe(201);
    // A file announced as too large is refused from its headers alone.
    const tooLarge = await new Promise<IncomingMessage>((resolve, reject) => {
      const req = request(
        `${t().url}/api/import/patients`,
        { method: 'POST', headers: { authorization: `Bearer ${coordinator}`, 'content-type': 'text/csv', 'content-length': 60 * 1024 * 1024 } },
        resolve,
      );
      req.on('error', reject);
      req.flushHeaders();
    });
    tooLarge.socket.destroy();
    expect([tooLarge.statusCode, tooLarge.headers['cache-control']]).toEqual([413, 'no-store']);
  });

  it('suggests the names meant for a misspelled field, argument, enum value or input field outside production', async () => {
    const messages = await misspelledAnswers(t());
    for (const [i, { suggests }] of MISSPELLED.entries()) {
      expect(messages[i]).toMatch(/Did you mean/);
      expect(messages[i]).toMatch(suggests);
    }
  });
});

describe('in production (NODE_ENV=production)', () => {
  let app: import('@vfr/api-testing').TestApp;
  const previous = process.env.NODE_ENV;
  beforeAll(async () => {
    process.env.NODE_ENV = 'production';
    app = await startTestApp('embedded');
  });
  afterAll(async () => {
    process.env.NODE_ENV = previous;
    await app?.close();
  });

  it('turns introspection and the landing page off', async () => {
    const r = await app.gql('{ __schema { queryType { name } } }', {}, await app.login(ADMIN));
    expect(r.errors![0].message).toMatch(/introspection/i);
    const page = await fetch(`${app.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(await page.text()).not.toMatch(/apollo.*sandbox|embeddable/i);
  });

  it('suggests no names for misspelled fields, arguments, enum values or input fields, and still says what is wrong', async () => {
    const messages = await misspelledAnswers(app);
    for (const [i, message] of messages.entries()) {
      expect(message).not.toMatch(/Did you mean|suggestion/i);
      expect(message).not.toMatch(MISSPELLED[i].suggests);
    }
    expect(messages[0]).toBe('Cannot query field "pateints" on type "Query".');
    expect(messages[1]).toMatch(/^Unknown argument "frist"/);
    expect(messages[3]).toMatch(/Field "emial" is not defined by type "LoginInput"\.$/);
  });
});

describe('the dashboard files', () => {
  let db: TestDatabase;
  let app: NestExpressApplication;
  let url: string;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vfr-dashboard-'));
  beforeAll(async () => {
    fs.mkdirSync(path.join(dir, 'assets'));
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Registry</title>');
    fs.writeFileSync(path.join(dir, 'assets', 'app.js'), 'console.log(1)');
    db = await openTestDatabase('embedded');
    app = await createApp(db, { logger: false, closeDatabaseOnShutdown: false, dashboardDir: dir });
    await app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('keep their caching (they hold no patient data); the API beside them does not', async () => {
    const script = await fetch(`${url}/assets/app.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get('cache-control')).toBe('public, max-age=3600');
    const page = await fetch(`${url}/patients/some-page`);
    expect(await page.text()).toContain('<title>Registry</title>');
    expect(page.headers.get('cache-control')).toBeNull();
    const api = await fetch(`${url}/api/export/dictionary.csv`);
    expect(api.headers.get('cache-control')).toBe('no-store');
    const gql = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
    expect(gql.headers.get('cache-control')).toBe('no-store');
    // No ETag on an answer no client keeps; the page's lets a browser revalidate it.
    expect(gql.headers.get('etag')).toBeNull();
    const tag = page.headers.get('etag');
    expect(tag).toMatch(/^W\/"/);
    // As a browser's reload asks (fetch would otherwise add no-cache, which asks for the page anew).
    const again = await fetch(`${url}/patients/other-page`, { headers: { 'if-none-match': tag!, 'cache-control': 'max-age=0' } });
    expect(again.status).toBe(304);
  });
});
