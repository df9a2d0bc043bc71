import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessAudit } from '@vfr/api-audit';
import { Actor, SessionToken } from '@vfr/api-core';
import { AuditAction, passwordChangeSchema, TooManyRequestsError, UnauthenticatedError, validate, ValidationError } from '@vfr/domain';
import { LoginThrottle } from './login-throttle';
import { Passwords } from './passwords';
import { sessionsEndNow } from './session.check';
import { TokenService } from './token.service';
import { UserEntity } from './user.entity';

const WRONG = 'The email or password is wrong';

/** The row a password change returns: from when the account's tokens are valid. */
interface Stamp {
  tokens_valid_after: Date;
}

/** The account a sign-in names: the email as typed, trimmed and lower-cased, bounded. */
function accountOf(email: string | null | undefined): string {
  return (email ?? '').trim().toLowerCase().slice(0, 254);
}

@Injectable()
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tokens: TokenService,
    private readonly throttle: LoginThrottle,
    private readonly passwords: Passwords,
    private readonly audit: AccessAudit,
  ) {}

  /**
   * Every attempt is audited: LOGIN, LOGIN_FAILED, or LOCKOUT (the first refusal of each wait).
   * Events for an email that matches no usable account name no account and keep neither the
   * email nor the password typed; the answer, and the time it takes (a password hash is checked
   * either way), are the same as for a wrong password.
   */
  async login(email: string, password: string, address: string | undefined) {
    const account = accountOf(email);
    const from = address ?? 'unknown';
    const gate = await this.throttle.attempt(account, from);
    if (!gate.allowed) {
      if (gate.firstRefusal) {
        const user = await this.find(account);
        await this.audit.record({
          action: AuditAction.LOCKOUT,
          entityType: 'Session',
          entityId: user?.id ?? 'unknown',
          actor: user && { userId: user.id, email: user.email },
          siteId: user?.siteId,
          details: {
            address: from,
            waitSeconds: gate.retryAfterSeconds,
            cause: gate.scope === 'address' ? 'too many failures from this address' : 'repeated failures for this account from this address',
          },
        });
      }
      throw new TooManyRequestsError(`Too many failed sign-in attempts; try again in ${wait(gate.retryAfterSeconds)}`, gate.retryAfterSeconds);
    }
    const user = await this.find(account);
    const ok = await this.passwords.verify(user?.passwordHash, password);
    if (!user || !ok) {
      // Counted already: the throttle counts an attempt as a failure when it lets it through.
      await this.audit.record({
        action: AuditAction.LOGIN_FAILED,
        entityType: 'Session',
        entityId: user?.id ?? 'unknown',
        actor: user && { userId: user.id, email: user.email },
        siteId: user?.siteId,
        details: { address: from, cause: user ? 'wrong password' : 'no active account with this email' },
      });
      throw new UnauthenticatedError(WRONG);
    }
    await this.throttle.succeed(account, from, gate.admittedAt);
    if (user.mustChangePassword && !(await this.useTemporaryPassword(user))) {
      // The right password, so no failure counted against the address; but its one use is spent.
      await this.audit.record({
        action: AuditAction.LOGIN_FAILED,
        entityType: 'Session',
        entityId: user.id,
        actor: { userId: user.id, email: user.email },
        siteId: user.siteId,
        details: { address: from, cause: 'temporary password already used' },
      });
      throw new UnauthenticatedError('This password set by an administrator has already been used to sign in; ask an administrator to reset it again');
    }
    const signed = this.tokens.sign(
      { userId: user.id, email: user.email, role: user.role, siteId: user.siteId },
      { mustChangePassword: user.mustChangePassword },
    );
    await this.audit.record({
      action: AuditAction.LOGIN,
      entityType: 'Session',
      entityId: user.id,
      actor: { userId: user.id, email: user.email },
      siteId: user.siteId,
      details: { address: from, ...(user.mustChangePassword ? { passwordChangeRequired: true } : {}) },
    });
    return { ...signed, mustChangePassword: user.mustChangePassword, user };
  }

  /**
   * The same session with a fresh idle limit (never past the absolute limit from its sign-in).
   * The token it replaces is not ended: it keeps working until its own expiry, which is never
   * later than the new one's.
   */
  refresh(actor: Actor, session: SessionToken) {
    return { ...this.tokens.renew(actor, session), mustChangePassword: session.mustChangePassword };
  }

  /** Spends the one sign-in a password set by an administrator opens; false when it was spent before (or just now, by a racing sign-in). */
  private async useTemporaryPassword(user: UserEntity): Promise<boolean> {
    const result = await this.dataSource.query<[unknown[], number] | unknown[]>(
      `UPDATE app_user SET temporary_password_used_at = clock_timestamp() WHERE id = $1 AND must_change_password AND temporary_password_used_at IS NULL RETURNING id`,
      [user.id],
    );
    const rows = Array.isArray(result[0]) ? result[0] : result;
    return rows.length === 1;
  }

  /** Ends every session of the user: tokens issued until now are refused from now on. */
  async logout(actor: Actor, address?: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`UPDATE app_user SET tokens_valid_after = ${sessionsEndNow('$2')} WHERE id = $1`, [actor.userId, this.tokens.now()]);
      await this.audit.record(
        { action: AuditAction.LOGOUT, entityType: 'Session', entityId: actor.userId, actor, siteId: actor.siteId, details: { address: address ?? 'unknown' } },
        manager,
      );
    });
  }

  /**
   * A user's own change of password: the current one is checked (wrong ones count as failed
   * sign-ins), the new one must pass the password rule, and every session of the user ends; the
   * answer carries a fresh token so that this one goes on.
   */
  async changePassword(actor: Actor, input: { currentPassword: string; newPassword: string }, address: string | undefined) {
    const { currentPassword, newPassword } = validate(passwordChangeSchema, input);
    const from = address ?? 'unknown';
    const user = await this.find(actor.email);
    if (!user || user.id !== actor.userId) throw new UnauthenticatedError('Your account is not active; ask an administrator');
    const gate = await this.throttle.attempt(actor.email, from);
    if (!gate.allowed) throw new TooManyRequestsError(`Too many wrong passwords; try again in ${wait(gate.retryAfterSeconds)}`, gate.retryAfterSeconds);
    if (!(await this.passwords.verify(user.passwordHash, currentPassword))) {
      // Counted already, as a failed sign-in is.
      await this.audit.record({
        action: AuditAction.LOGIN_FAILED,
        entityType: 'Session',
        entityId: user.id,
        actor,
        siteId: user.siteId,
        details: { address: from, cause: 'wrong current password when changing the password' },
      });
      throw ValidationError.single('currentPassword', 'mismatch', 'currentPassword is not your current password');
    }
    await this.throttle.succeed(actor.email, from, gate.admittedAt);
    if (newPassword === currentPassword) throw ValidationError.single('newPassword', 'different', 'newPassword must differ from your current password');
    this.passwords.assertAcceptable('newPassword', newPassword, { email: user.email, displayName: user.displayName });
    const passwordHash = await this.passwords.hash(newPassword);
    const validAfter = await this.dataSource.transaction(async (manager) => {
      const result = await manager.query<[Stamp[], number] | Stamp[]>(
        `UPDATE app_user SET password_hash = $2, tokens_valid_after = ${sessionsEndNow('$3')}, updated_at = now(),
           must_change_password = false, temporary_password_used_at = NULL
         WHERE id = $1 RETURNING tokens_valid_after`,
        [user.id, passwordHash, this.tokens.now()],
      );
      // TypeORM answers an UPDATE with [rows, count].
      const [row] = Array.isArray(result[0]) ? result[0] : (result as Stamp[]);
      await this.audit.record(
        {
          action: AuditAction.PASSWORD_CHANGE,
          entityType: 'User',
          entityId: user.id,
          actor,
          siteId: user.siteId,
          details: { address: from, sessionsEnded: true, ...(user.mustChangePassword ? { replacedPasswordSetByAdministrator: true } : {}) },
        },
        manager,
      );
      return new Date(row.tokens_valid_after).getTime();
    });
    const signed = this.tokens.sign({ userId: user.id, email: user.email, role: user.role, siteId: user.siteId }, { issuedAfterMs: validAfter + 1 });
    return { ...signed, mustChangePassword: false, user: { ...user, mustChangePassword: false, temporaryPasswordUsedAt: null } };
  }

  /** A usable account (active, not withdrawn) by email, with its password hash. */
  private find(account: string): Promise<UserEntity | null> {
    return this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email AND u.active AND u.withdrawn_at IS NULL', { email: account })
      .getOne();
  }
}

function wait(seconds: number): string {
  return seconds < 90 ? `${seconds} second${seconds === 1 ? '' : 's'}` : `${Math.ceil(seconds / 60)} minutes`;
}
