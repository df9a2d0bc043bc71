import { serverAudits } from 'graphql-http';
import { describeEachDatabase, RESEARCHER } from '@vfr/api-testing';

// The GraphQL-over-HTTP specification's server audits (the graphql-http package's own suite),
// sent as a signed-in client sends them: every operation but login needs a token here.
describeEachDatabase('GraphQL over HTTP', (t) => {
  it('passes every MUST audit of the graphql-http server audits', async () => {
    const token = await t().login(RESEARCHER);
    const audits = serverAudits({
      url: `${t().url}/graphql`,
      fetchFn: (input: RequestInfo | URL, init?: RequestInit) => {
        const headers = new Headers(init?.headers);
        headers.set('authorization', `Bearer ${token}`);
        return fetch(input, { ...init, headers });
      },
    });
    const failures: string[] = [];
    let must = 0;
    for (const audit of audits) {
      const result = await audit.fn();
      if (!audit.name.startsWith('MUST')) continue;
      must++;
      if (result.status !== 'ok') failures.push(`${audit.id} ${audit.name}: ${result.reason}`);
    }
    expect(must).toBeGreaterThan(10);
    expect(failures).toEqual([]);
  });
});
