import { Injectable } from '@nestjs/common';
import { PreparedReads } from '@vfr/api-database';
import { Actor, SessionToken } from '@vfr/api-core';
import { Role, UnauthenticatedError } from '@vfr/domain';

/** The user's row as the check reads it (sessionUserJson). */
interface SessionRow {
  role: Role;
  site_id: string | null;
  email: string;
  usable: boolean;
  /** ms since the epoch, with its fraction; null when the user never signed out. */
  tokens_valid_after: number | null;
}

/**
 * SQL for the moment from which a user's earlier tokens are refused (tokens_valid_after): the
 * database's clock, or this process's (`param`, ms) when it is ahead, so that no token this
 * process has signed survives a sign-out, a password change or a reset.
 */
export const sessionsEndNow = (param: string) => `greatest(clock_timestamp(), to_timestamp(${param}::double precision / 1000))`;

/**
 * The user's row as one JSON value, for the user `param` (a parameter's placeholder): the one
 * statement of the check, and what a read that carries the check selects beside its data
 * (@ChecksSessionInRead). `alias` names app_user in the subquery, so the caller's own tables'
 * columns cannot be taken for the user's. The end of earlier tokens is given in ms (with its
 * fraction): a token issued at a whole ms is refused exactly when it is not after it.
 */
export const sessionUserJson = (param: string, alias = 'session_user_row') =>
  `(SELECT json_build_object('role', ${alias}.role, 'site_id', ${alias}.site_id, 'email', ${alias}.email,
     'usable', ${alias}.active AND ${alias}.withdrawn_at IS NULL,
     'tokens_valid_after', extract(epoch FROM ${alias}.tokens_valid_after) * 1000)
   FROM app_user ${alias} WHERE ${alias}.id = ${param})`;

/**
 * The actor a token stands for, from its user's row as read now: refused when the account is
 * gone or not active, or signed out since the token was issued; else the role, site and email
 * the row holds (so a changed role or a deactivated account takes effect at once, not at token
 * expiry).
 */
export function actorFromRow(token: Actor & { session: SessionToken }, value: unknown): Actor {
  const row = value as SessionRow | null | undefined;
  if (!row?.usable) throw new UnauthenticatedError('Your account is not active; ask an administrator');
  if (row.tokens_valid_after !== null && token.session.issuedAt <= Number(row.tokens_valid_after)) {
    throw new UnauthenticatedError('You have signed out; sign in again');
  }
  return { userId: token.userId, email: row.email, role: row.role, siteId: row.site_id };
}

/**
 * A valid signature is not enough: the user must still be active, must not have signed out since
 * the token was issued, and takes the role and site the database holds now.
 *
 * The user's row is read on every request, from the primary, and not cached: a sign-out, a
 * password change or reset, a deactivation in one API process must end the session in every
 * other at once, and a cache per process would leave its age as a window for a stolen token (a
 * cache checked against a revision would still cost a statement per request, and this one is a
 * primary-key read: about 0.1 ms, docs/access-control.md). Not a standby, whose lag would be
 * that window again. An operation that reads the row in its own statement
 * (@ChecksSessionInRead) reads it with this same expression, on the primary too.
 */
@Injectable()
export class SessionCheck {
  constructor(private readonly reads: PreparedReads) {}

  async current(token: Actor & { session: SessionToken }): Promise<Actor> {
    // On the primary (TypeORM's 'master'), also when standbys are configured; prepared once per connection.
    const [read] = await this.reads.query<{ user_row: SessionRow | null }>(`SELECT ${sessionUserJson('$1')} AS user_row`, [token.userId]);
    return actorFromRow(token, read?.user_row);
  }
}
