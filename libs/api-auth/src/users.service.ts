import { Injectable } from '@nestjs/common';
import { verify } from '@node-rs/argon2';
import { DataSource } from 'typeorm';
import { AuditedWriter } from '@vfr/api-audit';
import { Actor } from '@vfr/api-core';
import { AuditAction, NotFoundError, userCreateSchema, userUpdateSchema, validate } from '@vfr/domain';
import { CreateUserInput, UpdateUserInput } from './dto/user.input';
import { Passwords } from './passwords';
import { SessionCheck } from './session.check';
import { SiteEntity } from './site.entity';
import { UserEntity } from './user.entity';

@Injectable()
export class UsersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writer: AuditedWriter,
    private readonly sessions: SessionCheck,
    private readonly passwords: Passwords,
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
        tx.create(UserEntity, { ...user, passwordHash, requestId }, { entityType: 'User', siteId: values.siteId ?? null }),
      );
    });
  }

  /**
   * An admin's change to a user. A new password (a reset) must pass the password rule and ends
   * every session of the user, audited as PASSWORD_RESET.
   */
  async update(actor: Actor, input: UpdateUserInput): Promise<UserEntity> {
    const { id, version, reason, ...changes } = input;
    const { password, ...values } = validate(userUpdateSchema, changes);
    if (password) {
      const current = await this.get(id);
      this.passwords.assertAcceptable('password', password, { email: current.email, displayName: values.displayName ?? current.displayName });
    }
    const passwordHash = password ? await this.passwords.hash(password) : undefined;
    return this.writer
      .run(actor, async (tx) => {
        const user = await tx.lock(UserEntity, id, 'User');
        if (values.siteId && !(await tx.manager.existsBy(SiteEntity, { id: values.siteId }))) throw new NotFoundError('Site', values.siteId, 'siteId');
        const updated = await tx.update(UserEntity, user, version, values, { entityType: 'User', siteId: user.siteId, reason });
        if (passwordHash) {
          await tx.manager.query(`UPDATE app_user SET password_hash = $2, tokens_valid_after = clock_timestamp() WHERE id = $1`, [id, passwordHash]);
          await tx.audit({
            entityType: 'User',
            entityId: id,
            siteId: user.siteId,
            action: AuditAction.PASSWORD_RESET,
            before: null,
            after: { password: '(reset)', sessionsEnded: true },
            reason,
          });
        }
        return updated;
      })
      .finally(() => this.sessions.forget(id));
  }
}
