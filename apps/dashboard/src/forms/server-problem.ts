import { errorsByField, type FieldErrors, type FieldLabels } from './field-errors';

// What the API answered, as something a form can show: a sentence for the top of the form and
// messages placed beside the fields named in extensions.fields / extensions.field
// (libs/api-core's error mapper). The GraphQL hooks' ApiError, a raw GraphQL response and REST
// error bodies ({ error: {...} }) all carry that same shape.

export interface ServerErrorShape {
  message: string;
  extensions?: {
    code?: string;
    field?: string;
    fields?: { field: string; message: string; rule?: string }[];
    currentVersion?: number;
    retryAfterSeconds?: number;
    existing?: { entity: string; id: string; label: string };
  } & Record<string, unknown>;
}

export interface ServerProblem {
  code: string;
  /** A sentence for the top of the form. */
  sentence: string;
  /** Messages to show beside fields. */
  fields: FieldErrors;
  /** The record changed under the user: the form should offer to reload. */
  stale: boolean;
  /** The record a conflict is with, when the user may read it (a duplicate MRN's patient). */
  existing?: { entity: string; id: string; label: string };
}

function errorsOf(error: unknown): ServerErrorShape[] {
  if (!error || typeof error !== 'object') return [];
  const e = error as { errors?: unknown; graphQLErrors?: unknown; error?: unknown };
  if (Array.isArray(e.errors)) return e.errors as ServerErrorShape[];
  if (Array.isArray(e.graphQLErrors)) return e.graphQLErrors as ServerErrorShape[];
  // REST bodies put code and fields next to the message.
  if (e.error && typeof e.error === 'object' && 'message' in e.error) {
    const { message, ...extensions } = e.error as { message: string } & Record<string, unknown>;
    return [{ message, extensions }];
  }
  return [];
}

const SENTENCES: Record<string, string> = {
  // The GraphQL hooks' ApiError for a request that never reached the server.
  NETWORK: 'The registry server cannot be reached. Check your connection; nothing was saved.',
  UNAUTHENTICATED: 'Your session has ended. Sign in again to continue.',
  FORBIDDEN: 'Your role does not allow this.',
  TOO_MANY_REQUESTS: 'Too many attempts. Wait a moment and try again.',
  DATABASE_UNAVAILABLE: 'The registry database is unavailable just now. Nothing was saved; try again in a moment.',
  PAYLOAD_TOO_LARGE: 'That is too large to send.',
};

export function serverProblem(error: unknown, labels: FieldLabels = {}): ServerProblem {
  const errors = errorsOf(error);
  if (errors.length === 0) {
    const network = error instanceof Error && /fetch|network/i.test(error.message);
    return {
      code: network ? 'NETWORK' : 'UNKNOWN',
      sentence: network ? SENTENCES.NETWORK : `Something went wrong: ${error instanceof Error ? error.message : String(error)}`,
      fields: {},
      stale: false,
    };
  }
  const first = errors[0];
  const code = first.extensions?.code ?? 'UNKNOWN';
  if (code === 'STALE_VERSION') {
    return {
      code,
      sentence:
        'Someone else saved this record after you opened it, so your change was not saved. ' + 'Reload to see their version, then make your change again.',
      fields: {},
      stale: true,
    };
  }
  const issues = errors.flatMap((e) =>
    e.extensions?.fields?.length
      ? e.extensions.fields
      : e.extensions?.field && e.extensions.field !== 'version'
        ? [{ field: e.extensions.field, message: e.message }]
        : [],
  );
  const fields = errorsByField(issues, labels);
  let sentence = SENTENCES[code] ?? errors.map((e) => e.message).join(' ');
  if (code === 'BAD_USER_INPUT' || code === 'CONFLICT') {
    const n = Object.keys(fields).length;
    sentence = n > 0 ? `Nothing was saved: ${n === 1 ? 'one field needs' : `${n} fields need`} correcting.` : `Nothing was saved: ${first.message}`;
  } else if (code === 'NOT_FOUND') {
    sentence = `Nothing was saved: ${first.message}. It may have been withdrawn, or it belongs to another site.`;
  }
  const existing = first.extensions?.existing;
  return { code, sentence, fields, stale: false, ...(existing ? { existing } : {}) };
}
