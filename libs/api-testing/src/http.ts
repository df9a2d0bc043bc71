import { TestApp, UntypedJson } from './test-app';

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
