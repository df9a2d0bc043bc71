import { Injectable } from '@nestjs/common';
import { verify } from '@node-rs/argon2';
import { DataSource } from 'typeorm';
import { AuditedWriter } from '@vfr/api-audit';
import { Actor } from '@vfr/api-core';
import { AuditAction, ConflictError, NotFoundError, userCreateSchema, userUpdateSchema, validate } from '@vfr/domain';
import { CreateUserInput, UpdateUserInput } from './dto/user.input';
import { Passwords } from './passwords';
import { sessionsEndNow } from './session.check';
import { SiteEntity } from './site.entity';
import { TokenService } from './token.service';
import { UserEntity } from './user.entity';

@Injectable()
export class UsersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writer: AuditedWriter,
    private readonly passwords: Passwords,
    private readonly tokens: TokenService,
  ) {}

  list(): Promise<UserEntity[]> {
    return this.dataSource.getRepository(UserEntity).find({ order: { email: 'ASC' } });
  }

  async get(id: string): Promise<UserEntity> {
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id });
    if (!user) throw new NotFoundError('User', id);
    return user;
  }

  async create(actor: Actor, input: CreateUserInput): Promise<UserEntity> {
    const { password, ...values } = validate(userCreateSchema, input);
    this.passwords.assertAcceptable('password', password, { email: values.email, displayName: values.displayName });
    const passwordHash = await this.passwords.hash(password);
    const user = { ...values, email: values.email.toLowerCase() };
    return this.writer.run(actor, async (tx) => {
      if (values.siteId && !(await tx.manager.existsBy(SiteEntity, { id: values.siteId }))) throw new NotFoundError('Site', values.siteId, 'siteId');
      // Each hash has its own salt: a retry's password is compared with the stored hash instead.
      const stored = async (earlier: UserEntity) => {
        const row = await tx.manager.createQueryBuilder(UserEntity, 'u').addSelect('u.passwordHash').where('u.id = :id', { id: earlier.id }).getOneOrFail();
        return { password: (await verify(row.passwordHash, password)) ? password : null };
      };
      return tx.createOnce(UserEntity, { requestId: input.requestId, entityType: 'User', values: { ...user, password }, stored }, (requestId) =>
        tx.create(UserEntity, { ...user, passwordHash, requestId, mustChangePassword: true }, { entityType: 'User', siteId: values.siteId ?? null }),
      );
    });
  }

  /** An admin's change to a user's name, role, site or activity; a deactivation ends every session at once. */
  async update(actor: Actor, input: UpdateUserInput): Promise<UserEntity> {
    const { id, version, reason, ...changes } = input;
    const values = validate(userUpdateSchema, changes);
    return this.writer.run(actor, async (tx) => {
      const user = await tx.lock(UserEntity, id, 'User');
      if (values.siteId && !(await tx.manager.existsBy(SiteEntity, { id: values.siteId }))) throw new NotFoundError('Site', values.siteId, 'siteId');
      return tx.update(UserEntity, user, version, values, { entityType: 'User', siteId: user.siteId, reason });
    });
  }

  /**
   * An admin's reset of a user's password: a generated temporary password, answered this once,
   * that opens a single sign-in into the change of it. Every session of the user ends; audited
   * as PASSWORD_RESET (never with the password).
   */
  async resetPassword(actor: Actor, input: { id: string; reason?: string | null }): Promise<{ user: UserEntity; temporaryPassword: string }> {
    const current = await this.get(input.id);
    const temporaryPassword = this.passwords.temporary({ email: current.email, displayName: current.displayName });
    const passwordHash = await this.passwords.hash(temporaryPassword);
    const user = await this.writer.run(actor, async (tx) => {
      const locked = await tx.lock(UserEntity, input.id, 'User');
      if (locked.withdrawnAt) throw new ConflictError('id', 'withdrawn', `User ${locked.id} has been withdrawn`);
      await tx.manager.query(
        `UPDATE app_user SET password_hash = $3, tokens_valid_after = ${sessionsEndNow('$2')}, must_change_password = true,
             temporary_password_used_at = NULL, version = version + 1, updated_at = now() WHERE id = $1`,
        [locked.id, this.tokens.now(), passwordHash],
      );
      await tx.audit({
        entityType: 'User',
        entityId: locked.id,
        siteId: locked.siteId,
        action: AuditAction.PASSWORD_RESET,
        before: null,
        after: { password: '(temporary, to be changed at the next sign-in)', mustChangePassword: true, sessionsEnded: true },
        reason: input.reason?.trim() || null,
      });
      return tx.manager.findOneByOrFail(UserEntity, { id: locked.id });
    });
    return { user, temporaryPassword };
  }
}
