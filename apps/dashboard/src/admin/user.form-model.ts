import { Role, userCreateSchema, type UserFields } from '@vfr/domain';
import type { FieldErrors, FieldLabels } from '../forms/field-errors';
import { textOrMissing, textOrNull, type RawValues } from '../forms/form-values';

export const userSchema = userCreateSchema;

export const USER_LABELS: FieldLabels = {
  email: 'Email',
  displayName: 'Name',
  role: 'Role',
  siteId: 'Site',
  password: 'Initial password',
};

export const ROLE_LABELS: Record<string, string> = {
  ADMIN: 'Admin',
  COORDINATOR: 'Coordinator',
  RESEARCHER: 'Researcher',
  DEPARTMENT_HEAD: 'Department head',
};

/** Coordinators and department heads belong to a site; admins and researchers may not. */
export const SITE_BOUND: readonly string[] = [Role.COORDINATOR, Role.DEPARTMENT_HEAD];

export function emptyUser(): RawValues {
  return { email: '', displayName: '', role: '', siteId: '', password: '' };
}

export function userInput(raw: RawValues): UserFields {
  return {
    email: textOrMissing(raw.email),
    displayName: textOrMissing(raw.displayName),
    role: textOrMissing(raw.role),
    siteId: textOrNull(raw.siteId),
    // Passwords are taken as typed: spaces may be part of them.
    password: typeof raw.password === 'string' ? raw.password : undefined,
  } as unknown as UserFields;
}

/** A password is never echoed back on screen, even inside a rule's message. */
export function hidePassword(errors: FieldErrors): FieldErrors {
  return errors.password ? { ...errors, password: errors.password.replace(/ \(got .*\)$/, '') } : errors;
}
