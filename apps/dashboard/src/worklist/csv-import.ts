// The CSV import endpoints (REST, bearer token): template, column format, dry run and commit.

export const IMPORT_KINDS = [
  { value: 'patients', label: 'Patients' },
  { value: 'fractures', label: 'Fractures' },
  { value: 'treatments', label: 'Treatments' },
  { value: 'assessments', label: 'Follow-up visits (assessments)' },
  { value: 'complications', label: 'Complications' },
  { value: 'deaths', label: 'Deaths' },
] as const;

import type { ImportFormat, ImportProgress, ImportReport } from '@vfr/domain';

export type { ImportColumn, ImportFormat, ImportReport, RowIssue } from '@vfr/domain';

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

/** The column guide of a kind, structured (shown as a table). */
export async function importFormat(token: string | null, kind: string): Promise<ImportFormat> {
  return JSON.parse(await importText(token, kind, 'format.json')) as ImportFormat;
}

export async function importText(token: string | null, kind: string, file: 'template.csv' | 'format.json'): Promise<string> {
  const res = await call(token, `/api/import/${kind}/${file}`);
  if (!res.ok) throw new ImportRefused((await res.json().catch(() => ({ error: { message: `The server answered ${res.status}` } }))) as RefusalBody);
  return res.text();
}

/** Where a running import is: the file going up (bytes), then the server checking its rows, then writing. */
export type ImportStage = { stage: 'upload'; sent: number; total: number } | { stage: 'server'; progress: ImportProgress | null };

/** How often the page asks the server how far the check has come. */
const POLL_MS = 400;

/**
 * A dry run unless `commit`; a commit refused for row errors answers 422 with the report.
 * XMLHttpRequest rather than fetch: only it reports how much of the file has been sent. Once the
 * file is up, the page polls the server's count of rows checked under an id it chose.
 */
export function runImport(
  token: string | null,
  kind: string,
  file: Blob,
  commit: boolean,
  onStage: (stage: ImportStage) => void = () => undefined,
): Promise<ImportReport> {
  const progressId = crypto.randomUUID();
  let polling: ReturnType<typeof setTimeout> | undefined;
  let finished = false;
  const poll = async () => {
    const res = await call(token, `/api/import-progress/${progressId}`).catch(() => null);
    if (finished) return;
    const progress = res?.ok ? ((await res.json().catch(() => null)) as ImportProgress | null) : null;
    // The report may have arrived while this answer was read: a late count must not bring the bar back.
    if (finished) return;
    if (progress) onStage({ stage: 'server', progress });
    if (!finished) polling = setTimeout(() => void poll(), POLL_MS);
  };
  return new Promise<ImportReport>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/import/${kind}?progress=${progressId}${commit ? '&commit=true' : ''}`);
    xhr.setRequestHeader('content-type', 'text/csv');
    if (token) xhr.setRequestHeader('authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (e) => onStage({ stage: 'upload', sent: e.loaded, total: e.lengthComputable ? e.total : file.size });
    xhr.upload.onload = () => {
      onStage({ stage: 'server', progress: null });
      polling = setTimeout(() => void poll(), POLL_MS);
    };
    const done = () => {
      finished = true;
      clearTimeout(polling);
    };
    xhr.onload = () => {
      done();
      let body: RefusalBody | ImportReport;
      try {
        body = JSON.parse(xhr.responseText) as RefusalBody | ImportReport;
      } catch {
        body = { error: { code: 'UNKNOWN', message: `The server answered ${xhr.status} without a report` } };
      }
      if ((xhr.status >= 200 && xhr.status < 300) || (xhr.status === 422 && 'issues' in body)) resolve(body as ImportReport);
      else reject(new ImportRefused(body as RefusalBody));
    };
    xhr.onerror = () => {
      done();
      reject(new ImportRefused({ error: { code: 'NETWORK', message: 'The file could not be sent: the connection to the registry failed. Try again.' } }));
    };
    xhr.send(file);
  });
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
