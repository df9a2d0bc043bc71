import { changedFields } from './form-values';

/**
 * An update: the record's id and the version the user edited, the fields that differ from the
 * stored record, and the reason when one was given (required for records older than 24 hours).
 */
export function updateInput(
  record: { id: string; version: number },
  next: object,
  stored: object,
  reason: string | boolean | undefined,
  omit: readonly string[] = [],
): Record<string, unknown> {
  const changes: Record<string, unknown> = changedFields(next as Record<string, unknown>, stored as Record<string, unknown>);
  for (const key of omit) delete changes[key];
  const why = typeof reason === 'string' ? reason.trim() : '';
  return { id: record.id, version: record.version, ...changes, ...(why ? { reason: why } : {}) };
}

/** Whether an edit changed anything at all (an update without changes is not sent). */
export function hasChanges(input: Record<string, unknown>): boolean {
  return Object.keys(input).some((k) => k !== 'id' && k !== 'version' && k !== 'reason');
}
