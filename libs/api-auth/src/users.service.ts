import { Injectable } from '@nestjs/common';
import { hash, verify } from '@node-rs/argon2';
import { DataSource } from 'typeorm';
import { AuditedWriter } from '@vfr/api-audit';
import { Actor } from '@vfr/api-core';
import { NotFoundError, userCreateSchema, userUpdateSchema, validate } from '@vfr/domain';
import { CreateUserInput, UpdateUserInput } from './dto/user.input';
import { SessionCheck } from './session.check';
import { SiteEntity } from './site.entity';
import { UserEntity } from './user.entity';

export const hashPassword = (password: string) => hash(password);

@Injectable()
export class UsersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writer: AuditedWriter,
    private readonly sessions: SessionCheck,
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
    const passwordHash = await hashPassword(password!);
    const user = { ...values, email: values.email.toLowerCase() };
    return this.writer.run(actor, async (tx) => {
      if (values.siteId && !(await tx.manager.existsBy(SiteEntity, { id: values.siteId }))) throw new NotFoundError('Site', values.siteId, 'siteId');
      // Each hash has its own salt: a retry's password is compared with the stored hash instead.
      const stored = async (earlier: UserEntity) => {
        const row = await tx.manager.createQueryBuilder(UserEntity, 'u').addSelect('u.passwordHash').where('u.id = :id', { id: earlier.id }).getOneOrFail();
        return { password: (await verify(row.passwordHash, password!)) ? password : null };
      };
      return tx.createOnce(UserEntity, { requestId: input.requestId, entityType: 'User', values: { ...user, password }, stored }, (requestId) =>
        tx.create(UserEntity, { ...user, passwordHash, requestId }, { entityType: 'User', siteId: values.siteId ?? null }),
      );
    });
  }

  async update(actor: Actor, input: UpdateUserInput): Promise<UserEntity> {
    const { id, version, reason, ...changes } = input;
    const { password, ...values } = validate(userUpdateSchema, changes);
    const passwordHash = password ? await hashPassword(password) : undefined;
    return this.writer.run(actor, async (tx) => {
      const user = await tx.lock(UserEntity, id, 'User');
      if (values.siteId && !(await tx.manager.existsBy(SiteEntity, { id: values.siteId }))) throw new NotFoundError('Site', values.siteId, 'siteId');
      const updated = await tx.update(UserEntity, user, version, values as Partial<UserEntity>, { entityType: 'User', siteId: user.siteId, reason });
      if (passwordHash) {
        await tx.manager.update(UserEntity, { id }, { passwordHash });
        await tx.audit({ entityType: 'User', entityId: id, siteId: user.siteId, action: 'UPDATE' as never, before: null, after: { password: '(changed)' }, reason });
      }
      return updated;
    }).finally(() => this.sessions.forget(id));
  }
}
