import { Injectable, Logger } from '@nestjs/common';
import { createSecretKey, KeyObject, randomBytes } from 'node:crypto';
import * as jwt from 'jsonwebtoken';
import { Actor } from '@vfr/api-core';
import { jwtSecretFromEnv, tokenTtlMinutesFromEnv } from '@vfr/api-database';
import { Role, UnauthenticatedError } from '@vfr/domain';

/** Signed, short-lived bearer tokens; the API keeps no session state beyond a user's tokensValidAfter (docs/access-control.md), so any API process can check any token. */
@Injectable()
export class TokenService {
  private readonly logger = new Logger(TokenService.name);
  // A KeyObject made once: given a string, jsonwebtoken first tries it as a public key on every
  // call and fails, which cost about half a millisecond per request.
  private readonly secret: KeyObject;
  readonly ttlSeconds: number;

  constructor() {
    const configured = jwtSecretFromEnv(); // required in production
    if (!configured) this.logger.warn('JWT_SECRET is not set: using a random secret, tokens end with this process');
    this.secret = createSecretKey(Buffer.from(configured || randomBytes(32).toString('hex'), 'utf8'));
    this.ttlSeconds = tokenTtlMinutesFromEnv() * 60;
  }

  /** `issuedAfterMs`: a moment the token must count as issued after (a password change just ended every earlier session). */
  sign(actor: Actor, issuedAfterMs = 0): { token: string; expiresAt: Date } {
    // issuedAtMs: JWT's iat has one-second resolution, too coarse to tell a token from a sign-out.
    const token = jwt.sign({ email: actor.email, role: actor.role, siteId: actor.siteId, issuedAtMs: Math.max(Date.now(), issuedAfterMs) }, this.secret, {
      algorithm: 'HS256',
      subject: actor.userId,
      expiresIn: this.ttlSeconds,
      issuer: 'vfr',
    });
    return { token, expiresAt: new Date(Date.now() + this.ttlSeconds * 1000) };
  }

  verify(token: string): Actor & { issuedAt: number } {
    try {
      const p = jwt.verify(token, this.secret, { algorithms: ['HS256'], issuer: 'vfr' }) as jwt.JwtPayload;
      const role = Object.values(Role).find((r) => r === p.role);
      if (!p.sub || !role) throw new Error('bad claims');
      return {
        userId: p.sub,
        email: String(p.email),
        role,
        siteId: (p.siteId as string | null) ?? null,
        issuedAt: typeof p.issuedAtMs === 'number' ? p.issuedAtMs : (p.iat ?? 0) * 1000,
      };
    } catch (e) {
      if (e instanceof jwt.TokenExpiredError) throw new UnauthenticatedError('Your session has expired: sign in again');
      throw new UnauthenticatedError('The token is invalid: sign in again');
    }
  }
}
