import { ADMIN, describeEachDatabase, startTestApp, TestApp } from '@vfr/api-testing';

// Misspelled names sent without a token: graphql-js would answer each with "Did you mean ...?",
// naming fields, arguments, enum values and input fields of the schema to anyone who guesses.
const MISSPELLED: { query: string; variables?: Record<string, unknown>; suggests: RegExp }[] = [
  { query: '{ pateints(first: 1) { totalCount } }', suggests: /"patients"/ },
  { query: '{ patients(frist: 1) { totalCount } }', suggests: /"first"/ },
  { query: '{ cohortSize(grouping: FIRST_TREATMNT) { total } }', suggests: /"FIRST_TREATMENT"/ },
  { query: 'mutation($i: LoginInput!) { login(input: $i) { token } }', variables: { i: { email: 'a@b.c', password: 'x', emial: 'a@b.c' } }, suggests: /"email"/ },
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
