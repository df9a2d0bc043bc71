import { Injectable } from '@nestjs/common';
import { verify } from '@node-rs/argon2';
import { DataSource } from 'typeorm';
import { UnauthenticatedError } from '@vfr/domain';
import { LoginThrottle } from './login-throttle';
import { SessionCheck } from './session.check';
import { TokenService } from './token.service';
import { UserEntity } from './user.entity';

@Injectable()
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tokens: TokenService,
    private readonly throttle: LoginThrottle,
    private readonly sessions: SessionCheck,
  ) {}

  async login(email: string, password: string, address: string | undefined) {
    const normalized = String(email ?? '').trim().toLowerCase();
    const keys = [`email:${normalized}`, `ip:${address ?? 'unknown'}`];
    this.throttle.check(keys);
    const user = await this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email AND u.active AND u.withdrawn_at IS NULL', { email: normalized })
      .getOne();
    const ok = user && typeof password === 'string' && password.length <= 200 && (await verify(user.passwordHash, password).catch(() => false));
    if (!user || !ok) {
      this.throttle.fail(keys);
      throw new UnauthenticatedError('The email or password is wrong');
    }
    this.throttle.succeed([`email:${normalized}`]);
    const { token, expiresAt } = this.tokens.sign({ userId: user.id, email: user.email, role: user.role, siteId: user.siteId });
    return { token, expiresAt, user };
  }

  /** Ends every session of the user: tokens issued until now are refused from now on. */
  async logout(userId: string): Promise<void> {
    await this.dataSource.query(`UPDATE app_user SET tokens_valid_after = clock_timestamp() WHERE id = $1`, [userId]);
    this.sessions.forget(userId);
  }
}
