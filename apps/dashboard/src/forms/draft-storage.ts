import type { RawValues } from './form-values';

// A record form's unsaved values, kept so that a coordinator who is called away (another page, a
// reload, an ended session) finds the form as it was left. What it holds are patient data and, in
// the patient form, identifiers, so it is kept as narrowly as the session's own token:
// - sessionStorage only: this tab, gone when the tab closes, never shared with other tabs;
// - keyed by the signed-in user: another user's drafts are never restored, and are removed as soon
//   as a form opens under a different user; sign-out removes all of them (clearDrafts);
// - removed after a successful save, on Discard and on Cancel, and ignored after DRAFT_MAX_AGE_MS;
// - an edit's draft is keyed by the record's version: a record saved since by someone else is
//   never overwritten by a draft of the older version.
// Forms with secrets (passwords) keep no draft.

const PREFIX = 'vfr.draft:';
export const DRAFT_MAX_AGE_MS = 12 * 60 * 60 * 1000;

/** Which form of which record: `{ form: 'visit', record: 'new:<patientId>' }` or `{ form: 'visit', record: '<id>@<version>' }`. */
export interface DraftKey {
  form: string;
  record: string;
}

interface StoredDraft {
  savedAt: number;
  raw: RawValues;
}

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

const keyOf = (user: string, k: DraftKey) => `${PREFIX}${user}:${k.form}:${k.record}`;

function keys(store: Store): string[] {
  const out: string[] = [];
  for (let i = 0; i < store.length; i++) {
    const k = store.key(i);
    if (k?.startsWith(PREFIX)) out.push(k);
  }
  return out;
}

/** The session's store, or none where storage is refused (private modes, tests). */
export function sessionStore(): Store | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

export function saveDraft(store: Store, user: string, k: DraftKey, raw: RawValues, now = Date.now()): void {
  try {
    store.setItem(keyOf(user, k), JSON.stringify({ savedAt: now, raw } satisfies StoredDraft));
  } catch {
    // A full store loses the draft, not the form.
  }
}

/** The user's draft of this form, if one is kept and recent; drafts of other users are removed on the way. */
export function loadDraft(store: Store, user: string, k: DraftKey, now = Date.now()): RawValues | null {
  for (const other of keys(store)) if (!other.startsWith(`${PREFIX}${user}:`)) store.removeItem(other);
  const text = store.getItem(keyOf(user, k));
  if (!text) return null;
  try {
    const d = JSON.parse(text) as StoredDraft;
    if (typeof d.savedAt !== 'number' || now - d.savedAt > DRAFT_MAX_AGE_MS || !d.raw || typeof d.raw !== 'object') {
      store.removeItem(keyOf(user, k));
      return null;
    }
    return d.raw;
  } catch {
    store.removeItem(keyOf(user, k));
    return null;
  }
}

export function clearDraft(store: Store, user: string, k: DraftKey): void {
  store.removeItem(keyOf(user, k));
}

/** Every draft of every user: on sign-out. */
export function clearDrafts(store: Store | null = sessionStore()): void {
  if (store) for (const k of keys(store)) store.removeItem(k);
}

/** The forms and records the user has drafts of (a page reopens the form of one it shows). */
export function keptDrafts(store: Store, user: string): DraftKey[] {
  const mine = `${PREFIX}${user}:`;
  return keys(store)
    .filter((k) => k.startsWith(mine))
    .map((k) => {
      const [form, ...record] = k.slice(mine.length).split(':');
      return { form, record: record.join(':') };
    });
}
