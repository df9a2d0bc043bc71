import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessAudit } from '@vfr/api-audit';
import { Actor } from '@vfr/api-core';
import { AuditAction, passwordChangeSchema, TooManyRequestsError, UnauthenticatedError, validate, ValidationError } from '@vfr/domain';
import { LoginThrottle } from './login-throttle';
import { Passwords } from './passwords';
import { SessionCheck } from './session.check';
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
    private readonly sessions: SessionCheck,
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
    const gate = this.throttle.check(account, from);
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
      this.throttle.fail(account, from);
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
    this.throttle.succeed(account, from);
    const { token, expiresAt } = this.tokens.sign({ userId: user.id, email: user.email, role: user.role, siteId: user.siteId });
    await this.audit.record({
      action: AuditAction.LOGIN,
      entityType: 'Session',
      entityId: user.id,
      actor: { userId: user.id, email: user.email },
      siteId: user.siteId,
      details: { address: from },
    });
    return { token, expiresAt, user };
  }

  /** Ends every session of the user: tokens issued until now are refused from now on. */
  async logout(actor: Actor, address?: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`UPDATE app_user SET tokens_valid_after = clock_timestamp() WHERE id = $1`, [actor.userId]);
      await this.audit.record(
        { action: AuditAction.LOGOUT, entityType: 'Session', entityId: actor.userId, actor, siteId: actor.siteId, details: { address: address ?? 'unknown' } },
        manager,
      );
    });
    this.sessions.forget(actor.userId);
  }

  /**
   * A user's own change of password: the current one is checked (wrong ones count as failed
   * sign-ins), the new one must pass the password rule, and every session of the user ends; the
   * answer carries a fresh token so that this one goes on.
   */
  async changePassword(actor: Actor, input: { currentPassword: string; newPassword: string }, address: string | undefined) {
    const { currentPassword, newPassword } = validate(passwordChangeSchema, input);
    const from = address ?? 'unknown';
    const gate = this.throttle.check(actor.email, from);
    if (!gate.allowed) throw new TooManyRequestsError(`Too many wrong passwords; try again in ${wait(gate.retryAfterSeconds)}`, gate.retryAfterSeconds);
    const user = await this.find(actor.email);
    if (!user || user.id !== actor.userId) throw new UnauthenticatedError('Your account is not active; ask an administrator');
    if (!(await this.passwords.verify(user.passwordHash, currentPassword))) {
      this.throttle.fail(actor.email, from);
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
    this.throttle.succeed(actor.email, from);
    if (newPassword === currentPassword) throw ValidationError.single('newPassword', 'different', 'newPassword must differ from your current password');
    this.passwords.assertAcceptable('newPassword', newPassword, { email: user.email, displayName: user.displayName });
    const passwordHash = await this.passwords.hash(newPassword);
    const validAfter = await this.dataSource.transaction(async (manager) => {
      const result = await manager.query<[Stamp[], number] | Stamp[]>(
        `UPDATE app_user SET password_hash = $2, tokens_valid_after = clock_timestamp(), updated_at = now() WHERE id = $1 RETURNING tokens_valid_after`,
        [user.id, passwordHash],
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
          details: { address: from, sessionsEnded: true },
        },
        manager,
      );
      return new Date(row.tokens_valid_after).getTime();
    });
    this.sessions.forget(user.id);
    return { ...this.tokens.sign({ userId: user.id, email: user.email, role: user.role, siteId: user.siteId }, validAfter + 1), user };
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
