import * as nodeHttp from 'node:http';
import { GraphQLResponse, TestApp, UntypedJson } from './test-app';

export interface HttpAnswer {
  status: number;
  text: string;
  /** The parsed body, or null when it is not JSON (a CSV file). */
  json: UntypedJson;
  headers: Headers;
}

/**
 * A plain HTTP request to the test app (the CSV import and export endpoints), with the user's
 * token. A string as `init` is a CSV file POSTed; the answer's JSON is parsed when it is JSON.
 */
export async function http(
  t: TestApp,
  path: string,
  token: string,
  init: string | { method?: string; body?: string | Buffer; type?: string } = {},
): Promise<HttpAnswer> {
  const request = typeof init === 'string' ? { method: 'POST', body: init } : init;
  const res = await fetch(`${t.url}${path}`, {
    method: request.method ?? 'GET',
    headers: { authorization: `Bearer ${token}`, ...(request.body !== undefined ? { 'content-type': request.type ?? 'text/csv' } : {}) },
    body: request.body as BodyInit | undefined,
  });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    // CSV
  }
  return { status: res.status, text, json, headers: res.headers };
}

/**
 * A GraphQL request sent from a given local address: every 127.x.y.z is this machine, so the
 * server sees a different client address for each, as it would for clients elsewhere.
 */
export function gqlFrom(
  t: TestApp,
  from: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphQLResponse> {
  const url = new URL(`${t.url}/graphql`);
  const body = JSON.stringify({ query, variables });
  return new Promise((resolve, reject) => {
    const req = nodeHttp.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        localAddress: from,
        agent: false,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers },
      },
      (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve(JSON.parse(text) as GraphQLResponse));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
