import { Injectable, Logger } from '@nestjs/common';
import { createSecretKey, KeyObject, randomBytes } from 'node:crypto';
import * as jwt from 'jsonwebtoken';
import { Actor, SessionToken } from '@vfr/api-core';
import { jwtSecretFromEnv, sessionMaxHoursFromEnv, testTokenTtlSecondsFromEnv, tokenTtlMinutesFromEnv } from '@vfr/api-database';
import { Role, SessionLimits, sessionEndedBecause, tokenExpiry, UnauthenticatedError } from '@vfr/domain';
import { Clock } from './clock';

export interface SignedToken {
  token: string;
  expiresAt: Date;
  /** The session's absolute limit: no refresh goes past it. */
  sessionEndsAt: Date;
}

export interface SignOptions {
  /** The sign-in the token continues (a refresh); a new session begins now without it. */
  sessionStartedAt?: number;
  /** A moment the token must count as issued after (a password change just ended every earlier session). */
  issuedAfterMs?: number;
  mustChangePassword?: boolean;
}

/** How many verified tokens a process keeps (about 1 KB each): more than the clients active at once. */
const VERIFIED_TOKENS = 10_000;

/**
 * Signed, short-lived bearer tokens; the API keeps no session state beyond a user's
 * tokensValidAfter (docs/access-control.md), so any API process can check any token. Each token
 * carries the moment its session began: it lasts the idle limit from its issue, a fresh one
 * (refreshSession, or the header a request answers with) lasts the idle limit again, and none
 * lasts past the absolute limit from the sign-in.
 */
@Injectable()
export class TokenService {
  private readonly logger = new Logger(TokenService.name);
  // A KeyObject made once: given a string, jsonwebtoken first tries it as a public key on every
  // call and fails, which cost about half a millisecond per request.
  private readonly secret: KeyObject;
  readonly limits: SessionLimits;
  /**
   * No JWT_SECRET: this process signs with a random secret of its own, which no other process
   * knows, so it must be the only API process on its database (ApiProcessRegistry).
   */
  readonly randomSecret: boolean;
  /**
   * Tokens whose signature this process has checked, with their claims, the most recently used
   * last. The same token string signed by the same secret always verifies to the same claims, so
   * an active client's every request after its first skips the HMAC and the JSON of the check
   * (about 0.4 ms a request). What depends on the moment is not kept: the session's idle and
   * absolute limits are checked on every use, and the user's row (sign-out, deactivation, role)
   * is read on every request by SessionCheck, as before. A token that fails its check is not kept.
   */
  private readonly verified = new Map<string, Actor & { session: SessionToken }>();

  constructor(private readonly clock: Clock) {
    const configured = jwtSecretFromEnv(); // required in production
    this.randomSecret = !configured;
    if (!configured) this.logger.warn('JWT_SECRET is not set: using a random secret, tokens end with this process');
    this.secret = createSecretKey(Buffer.from(configured || randomBytes(32).toString('hex'), 'utf8'));
    const testSeconds = testTokenTtlSecondsFromEnv();
    this.limits = { idleMs: (testSeconds ?? tokenTtlMinutesFromEnv() * 60) * 1000, maxMs: sessionMaxHoursFromEnv() * 3_600_000 };
  }

  now(): number {
    return this.clock.now();
  }

  sign(actor: Actor, options: SignOptions = {}): SignedToken {
    const now = this.clock.now();
    // issuedAtMs: JWT's iat has one-second resolution, too coarse to tell a token from a sign-out.
    const issuedAt = Math.max(now, options.issuedAfterMs ?? 0);
    const startedAt = options.sessionStartedAt ?? issuedAt;
    const expiresAt = tokenExpiry(this.limits, startedAt, issuedAt);
    const claims = {
      email: actor.email,
      role: actor.role,
      siteId: actor.siteId,
      issuedAtMs: issuedAt,
      sessionStartedAtMs: startedAt,
      ...(options.mustChangePassword ? { mustChangePassword: true } : {}),
      iat: Math.floor(now / 1000),
      exp: Math.ceil(expiresAt / 1000),
    };
    const token = jwt.sign(claims, this.secret, { algorithm: 'HS256', subject: actor.userId, issuer: 'vfr' });
    return { token, expiresAt: new Date(expiresAt), sessionEndsAt: new Date(startedAt + this.limits.maxMs) };
  }

  /** The same session with a fresh idle limit (never past its absolute limit). */
  renew(actor: Actor, session: SessionToken): SignedToken {
    return this.sign(actor, { sessionStartedAt: session.startedAt, mustChangePassword: session.mustChangePassword });
  }

  /**
   * Whether a request's token should come back renewed: once it is a little old (so that a burst
   * of requests does not sign a token each), and only when renewing moves its end.
   */
  worthRenewing(session: SessionToken): boolean {
    const age = this.clock.now() - session.issuedAt;
    return age >= Math.min(60_000, this.limits.idleMs / 4) && tokenExpiry(this.limits, session.startedAt, this.clock.now()) > session.expiresAt;
  }

  verify(token: string): Actor & { session: SessionToken } {
    const known = this.verified.get(token);
    const claims = known ?? this.claimsOf(token);
    if (known) {
      // Most recently used last, so that the oldest is the one dropped.
      this.verified.delete(token);
      this.verified.set(token, known);
    } else {
      if (this.verified.size >= VERIFIED_TOKENS) this.verified.delete(this.verified.keys().next().value!);
      this.verified.set(token, claims);
    }
    // The session's limits are checked on every use, against the Clock now, cached or not.
    const ended = sessionEndedBecause(this.limits, claims.session, this.clock.now());
    if (ended) throw new UnauthenticatedError(ended);
    return { ...claims, session: { ...claims.session } };
  }

  /** A token's signature checked and its claims read: what does not depend on the moment. */
  private claimsOf(token: string): Actor & { session: SessionToken } {
    let p: jwt.JwtPayload;
    try {
      // Expiry is checked by verify against the session's rules (and the Clock), to say which limit ended it;
      // nothing else of this check depends on the moment (the tokens carry no nbf).
      p = jwt.verify(token, this.secret, { algorithms: ['HS256'], issuer: 'vfr', ignoreExpiration: true }) as jwt.JwtPayload;
    } catch {
      throw new UnauthenticatedError('The token is invalid: sign in again');
    }
    const role = Object.values(Role).find((r) => r === p.role);
    if (!p.sub || !role || typeof p.exp !== 'number') throw new UnauthenticatedError('The token is invalid: sign in again');
    const issuedAt = typeof p.issuedAtMs === 'number' ? p.issuedAtMs : (p.iat ?? 0) * 1000;
    const session: SessionToken = {
      startedAt: typeof p.sessionStartedAtMs === 'number' ? p.sessionStartedAtMs : issuedAt,
      issuedAt,
      expiresAt: p.exp * 1000,
      mustChangePassword: p.mustChangePassword === true,
    };
    return { userId: p.sub, email: String(p.email), role, siteId: (p.siteId as string | null) ?? null, session };
  }
}
