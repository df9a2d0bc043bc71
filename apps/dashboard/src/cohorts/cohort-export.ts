import { session } from '../api';
import type { CohortFilterInput } from '../gql/graphql';

/**
 * Downloads a file the API serves only with the bearer token: a plain link cannot carry the
 * header, so fetch it and hand the browser the blob.
 */
export async function downloadWithToken(url: string, filename: string): Promise<void> {
  const token = session.token;
  const res = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { message?: string; error?: { message?: string } } | null;
    const reason = body?.error?.message ?? body?.message;
    throw new Error(`The download failed${reason ? `: ${reason}` : ` (the server answered ${res.status})`}.`);
  }
  const blob = await res.blob();
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

export const assessmentsUrl = (format: 'long' | 'wide', filter: CohortFilterInput) =>
  `/api/export/assessments.csv?format=${format}&cohort=${encodeURIComponent(JSON.stringify(filter))}`;

export const recordsUrl = (file: 'complications' | 'treatments', filter: CohortFilterInput) =>
  `/api/export/${file}.csv?cohort=${encodeURIComponent(JSON.stringify(filter))}`;

export const dictionaryUrl = (format: 'long' | 'wide' | 'complications' | 'treatments') => `/api/export/dictionary.csv?format=${format}`;
