import { Injectable } from '@nestjs/common';
import { PreparedReads } from '@vfr/api-database';
import { Actor, SessionToken } from '@vfr/api-core';
import { Role, UnauthenticatedError } from '@vfr/domain';

interface UserState {
  role: Role;
  siteId: string | null;
  email: string;
  usable: boolean;
  tokensValidAfter: number;
}

/** The app_user columns the check reads. */
interface UserRow {
  role: Role;
  site_id: string | null;
  email: string;
  usable: boolean;
  tokens_valid_after: Date | null;
}

/**
 * SQL for the moment from which a user's earlier tokens are refused (tokens_valid_after): the
 * database's clock, or this process's (`param`, ms) when it is ahead, so that no token this
 * process has signed survives a sign-out, a password change or a reset.
 */
export const sessionsEndNow = (param: string) => `greatest(clock_timestamp(), to_timestamp(${param}::double precision / 1000))`;

/**
 * A valid signature is not enough: the user must still be active, must not have signed out since
 * the token was issued, and takes the role and site the database holds now (so a changed role
 * or a deactivated account takes effect at once, not at token expiry).
 *
 * The user's row is read on every request, from the primary, and not cached: a sign-out, a
 * password change or reset, a deactivation in one API process must end the session in every
 * other at once, and a cache per process would leave its age as a window for a stolen token (a
 * cache checked against a revision would still cost a statement per request, and this one is a
 * primary-key read: about 0.1 ms, docs/access-control.md). Not a standby, whose lag would be
 * that window again.
 */
@Injectable()
export class SessionCheck {
  constructor(private readonly reads: PreparedReads) {}

  async current(token: Actor & { session: SessionToken }): Promise<Actor> {
    const state = await this.state(token.userId);
    if (!state?.usable) throw new UnauthenticatedError('Your account is not active; ask an administrator');
    if (token.session.issuedAt <= state.tokensValidAfter) {
      throw new UnauthenticatedError('You have signed out; sign in again');
    }
    return { userId: token.userId, email: state.email, role: state.role, siteId: state.siteId };
  }

  private async state(userId: string): Promise<UserState | undefined> {
    // On the primary (TypeORM's 'master'), also when standbys are configured; prepared once per connection.
    const [row] = await this.reads.query<UserRow>(
      `SELECT role, site_id, email, active AND withdrawn_at IS NULL AS usable, tokens_valid_after FROM app_user WHERE id = $1`,
      [userId],
    );
    if (!row) return undefined;
    return {
      role: row.role,
      siteId: row.site_id,
      email: row.email,
      usable: row.usable,
      tokensValidAfter: row.tokens_valid_after ? new Date(row.tokens_valid_after).getTime() : 0,
    };
  }
}
