import { SetMetadata } from '@nestjs/common';
import { Role } from './graphql-enums';

export const ROLES_KEY = 'vfr:roles';
export const PUBLIC_KEY = 'vfr:public';
export const PASSWORD_CHANGE_KEY = 'vfr:open-during-password-change';
export const SESSION_IN_READ_KEY = 'vfr:checks-session-in-read';

/** The roles allowed to run an operation. An operation without @Roles or @Public is refused. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** Operations open to anonymous callers (login only). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/**
 * Operations a user whose password was set by an administrator may run before changing it
 * (changing it, signing out, reading who they are, keeping the session alive); every other one
 * answers PASSWORD_CHANGE_REQUIRED.
 */
export const OpenDuringPasswordChange = () => SetMetadata(PASSWORD_CHANGE_KEY, true);

export const ALL_ROLES: Role[] = [Role.ADMIN, Role.COORDINATOR, Role.RESEARCHER, Role.DEPARTMENT_HEAD];

/**
 * Operations that read the user's row in their own statement (readConfirmingSession) instead of
 * a statement of the guard's before them: one round trip to the database less per request. The
 * guard still verifies the token and the claimed role first; the operation's answer is given
 * only once the row confirms the claim.
 */
export const ChecksSessionInRead = () => SetMetadata(SESSION_IN_READ_KEY, true);
