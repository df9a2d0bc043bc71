import { deathCreateSchema, type DeathFields } from '@vfr/domain';
import type { FieldLabels } from '../forms/field-errors';
import { rawOf, textOrMissing, textOrNull, type RawValues } from '../forms/form-values';

export const deathSchema = deathCreateSchema;

export const DEATH_LABELS: FieldLabels = {
  diedOn: 'Date of death',
  cause: 'Cause',
  source: 'Source',
  notes: 'Notes',
  reason: 'Reason for the change',
};

export interface StoredDeath {
  diedOn: string | null;
  cause: string;
  source: string;
  notes: string | null;
}

export function emptyDeath(): RawValues {
  return { diedOn: '', cause: '', source: '', notes: '', reason: '' };
}

export function deathRaw(d: StoredDeath): RawValues {
  return { diedOn: rawOf(d.diedOn), cause: d.cause, source: d.source, notes: rawOf(d.notes), reason: '' };
}

export function deathInput(raw: RawValues, patientId: string): DeathFields {
  return {
    patientId,
    diedOn: textOrMissing(raw.diedOn),
    cause: textOrMissing(raw.cause),
    source: textOrMissing(raw.source),
    notes: textOrNull(raw.notes),
  } as unknown as DeathFields;
}
