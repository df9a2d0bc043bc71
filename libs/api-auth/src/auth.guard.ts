import { Actor, PASSWORD_CHANGE_KEY, PUBLIC_KEY, RequestContext, ROLES_KEY, SESSION_IN_READ_KEY, SessionClaim, SessionToken } from '@vfr/api-core';
import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { ForbiddenError, PasswordChangeRequiredError, Role, UnauthenticatedError } from '@vfr/domain';
import { actorFromRow, SessionCheck } from './session.check';
import { TokenService } from './token.service';

/** The handler and class whose metadata (roles, public, ...) decide an operation. */
type Targets = ReturnType<ExecutionContext['getHandler']>[];

/** The response headers that carry a renewed token (and its end) back to an active client. */
export const RENEWED_TOKEN_HEADER = 'X-Session-Token';
export const RENEWED_EXPIRY_HEADER = 'X-Session-Expires-At';

/**
 * The single global guard: every GraphQL operation and REST route (imports, exports) needs a valid
 * token and a role listed by its @Roles decorator. Fail closed: an operation that declares no roles is refused for everyone.
 * A user signed in with a password an administrator set may run only the operations marked
 * @OpenDuringPasswordChange. Any authenticated request is activity: a token a little old comes
 * back renewed in a response header, so a client that takes it never meets the idle limit.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly sessions: SessionCheck,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const req =
      context.getType<string>() === 'graphql'
        ? GqlExecutionContext.create(context).getContext<RequestContext>().req
        : context.switchToHttp().getRequest<RequestContext['req']>();
    if (!req.actor || !req.session) {
      const token = this.authenticate(req.headers.authorization);
      // The operation reads the user's row in its own statement: hand it the claim, when the
      // claim itself may run it (else the check below decides, with the role the row gives).
      if (this.reflector.getAllAndOverride<boolean>(SESSION_IN_READ_KEY, targets) && this.refusal(token, token.session, targets) === null) {
        req.claim = this.claim(req, token, targets);
        return true;
      }
      this.admit(req, token, await this.sessions.current(token));
    }
    const refused = this.refusal(req.actor!, req.session!, targets);
    if (refused) throw refused;
    return true;
  }

  /** The request's actor and session, with a renewed token in the response when the token is a little old. */
  private admit(req: RequestContext['req'], token: Actor & { session: SessionToken }, actor: Actor): Actor {
    req.actor = actor;
    req.session = token.session;
    if (this.tokens.worthRenewing(token.session)) {
      const renewed = this.tokens.renew(actor, token.session);
      req.res?.setHeader(RENEWED_TOKEN_HEADER, renewed.token);
      req.res?.setHeader(RENEWED_EXPIRY_HEADER, renewed.expiresAt.toISOString());
    }
    return actor;
  }

  /** Why this actor may not run the operation, or null when it may. */
  private refusal(actor: Actor, session: SessionToken, targets: Targets): Error | null {
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (!roles || roles.length === 0) return new ForbiddenError('This operation is not open to any role');
    if (session.mustChangePassword && !this.reflector.getAllAndOverride<boolean>(PASSWORD_CHANGE_KEY, targets)) return new PasswordChangeRequiredError();
    if (!roles.includes(actor.role)) return new ForbiddenError(`Your role (${actor.role}) does not allow this operation`);
    return null;
  }

  /**
   * The claim handed to an operation that reads the user's row itself (readConfirmingSession):
   * confirmed by that row when it holds the token's role and site, else settled as every other
   * request is, by the check's own statement and the refusals above for the role it gives.
   */
  private claim(req: RequestContext['req'], token: Actor & { session: SessionToken }, targets: Targets): SessionClaim {
    const claimed: Actor = { userId: token.userId, email: token.email, role: token.role, siteId: token.siteId };
    return {
      actor: claimed,
      confirm: (row) => {
        // Checked meanwhile by another field of the request: settle, with the refusals, decides.
        if (req.actor && req.session) return undefined;
        const actor = actorFromRow(token, row);
        if (actor.role !== claimed.role || actor.siteId !== claimed.siteId) return undefined;
        return this.admit(req, token, actor);
      },
      settle: async () => {
        if (!req.actor || !req.session) this.admit(req, token, await this.sessions.current(token));
        const refused = this.refusal(req.actor!, req.session!, targets);
        if (refused) throw refused;
        return req.actor!;
      },
    };
  }

  private authenticate(header: string | string[] | undefined) {
    const value = Array.isArray(header) ? header[0] : header;
    const match = /^Bearer\s+(\S+)$/i.exec(value ?? '');
    if (!match) throw new UnauthenticatedError();
    return this.tokens.verify(match[1]);
  }
}
