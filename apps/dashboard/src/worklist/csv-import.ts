// The CSV import endpoints (REST, bearer token): template, column format, dry run and commit.

export const IMPORT_KINDS = [
  { value: 'patients', label: 'Patients' },
  { value: 'fractures', label: 'Fractures' },
  { value: 'treatments', label: 'Treatments' },
  { value: 'assessments', label: 'Follow-up visits (assessments)' },
  { value: 'complications', label: 'Complications' },
  { value: 'deaths', label: 'Deaths' },
] as const;

import type { ImportReport } from '@vfr/domain';

export type { ImportReport, RowIssue } from '@vfr/domain';

/** Thrown with the server's error body ({ error: { code, message, fields } }) so serverProblem can read it. */
type RefusalBody = { error?: { code?: string; message: string } & Record<string, unknown> };

export class ImportRefused extends Error {
  constructor(readonly body: RefusalBody) {
    super(body.error?.message ?? 'The import was refused');
  }
  get error() {
    return this.body.error;
  }
}

async function call(token: string | null, path: string, init: RequestInit = {}): Promise<Response> {
  const res = await fetch(path, { ...init, headers: { ...(init.headers ?? {}), ...(token ? { authorization: `Bearer ${token}` } : {}) } });
  return res;
}

export async function importText(token: string | null, kind: string, file: 'template.csv' | 'format.md'): Promise<string> {
  const res = await call(token, `/api/import/${kind}/${file}`);
  if (!res.ok) throw new ImportRefused((await res.json().catch(() => ({ error: { message: `The server answered ${res.status}` } }))) as RefusalBody);
  return res.text();
}

/** A dry run unless `commit`; a commit refused for row errors answers 422 with the report. */
export async function runImport(token: string | null, kind: string, file: Blob, commit: boolean): Promise<ImportReport> {
  const res = await call(token, `/api/import/${kind}${commit ? '?commit=true' : ''}`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: file });
  const body = (await res.json().catch(() => ({ error: { code: 'UNKNOWN', message: `The server answered ${res.status} without a report` } }))) as
    RefusalBody | ImportReport;
  if (res.ok || (res.status === 422 && 'issues' in body)) return body as ImportReport;
  throw new ImportRefused(body as RefusalBody);
}

/** Saves text as a file in the browser (the template needs the token, so a plain link will not do). */
export function saveText(name: string, text: string, type = 'text/csv'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
