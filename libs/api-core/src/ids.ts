import { ValidationError } from '@vfr/domain';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are UUIDs; anything else is refused before it reaches SQL. */
export function assertId(field: string, value: unknown, what = 'an id (a UUID) returned by the registry'): string {
  if (typeof value !== 'string' || !UUID.test(value)) {
    throw ValidationError.single(field, 'format', `${field} must be ${what}`);
  }
  return value;
}

/** The `requestId` field of every create input (and of no update input). */
export const REQUEST_ID_FIELD = {
  nullable: true,
  description:
    'A UUID the client makes once for this create (per opened form). Sending the same request again, after an answer was lost, returns the record already created instead of creating a second one; the same requestId with other values is refused.',
} as const;
