import { ValidationError } from '@vfr/domain';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are UUIDs; anything else is refused before it reaches SQL. */
export function assertId(field: string, value: unknown, what = 'an id (a UUID) returned by the registry'): string {
  if (typeof value !== 'string' || !UUID.test(value)) {
    throw ValidationError.single(field, 'format', `${field} must be ${what}`);
  }
  return value;
}
