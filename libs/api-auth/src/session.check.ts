import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor, SessionToken } from '@vfr/api-core';
import { Role, UnauthenticatedError } from '@vfr/domain';

interface UserState {
  role: Role;
  siteId: string | null;
  email: string;
  usable: boolean;
  tokensValidAfter: number;
  loadedAt: number;
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

/** How long a user's state is trusted before it is read again (per process, so safe to scale out). */
const CACHE_MS = 5000;

/**
 * A valid signature is not enough: the user must still be active, must not have signed out since
 * the token was issued, and takes the role and site the database holds now (so a changed role
 * or a deactivated account takes effect within seconds, not at token expiry).
 */
@Injectable()
export class SessionCheck {
  private readonly cache = new Map<string, UserState>();

  constructor(private readonly dataSource: DataSource) {}

  async current(token: Actor & { session: SessionToken }): Promise<Actor> {
    const state = await this.state(token.userId);
    if (!state?.usable) throw new UnauthenticatedError('Your account is not active; ask an administrator');
    if (token.session.issuedAt <= state.tokensValidAfter) {
      throw new UnauthenticatedError('You have signed out; sign in again');
    }
    return { userId: token.userId, email: state.email, role: state.role, siteId: state.siteId };
  }

  forget(userId: string): void {
    this.cache.delete(userId);
  }

  private async state(userId: string): Promise<UserState | undefined> {
    const cached = this.cache.get(userId);
    if (cached && Date.now() - cached.loadedAt < CACHE_MS) return cached;
    const [row] = await this.dataSource.query<UserRow[]>(
      `SELECT role, site_id, email, active AND withdrawn_at IS NULL AS usable, tokens_valid_after FROM app_user WHERE id = $1`,
      [userId],
    );
    if (!row) return undefined;
    const state: UserState = {
      role: row.role,
      siteId: row.site_id,
      email: row.email,
      usable: row.usable,
      tokensValidAfter: row.tokens_valid_after ? new Date(row.tokens_valid_after).getTime() : 0,
      loadedAt: Date.now(),
    };
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(userId, state);
    return state;
  }
}
