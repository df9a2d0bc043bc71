import { PASSWORD_CHANGE_KEY, PUBLIC_KEY, ROLES_KEY, RequestContext } from '@vfr/api-core';
import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { ForbiddenError, PasswordChangeRequiredError, Role, UnauthenticatedError } from '@vfr/domain';
import { SessionCheck } from './session.check';
import { TokenService } from './token.service';

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
      req.actor = await this.sessions.current(token);
      req.session = token.session;
      if (this.tokens.worthRenewing(token.session)) {
        const renewed = this.tokens.renew(req.actor, token.session);
        req.res?.setHeader(RENEWED_TOKEN_HEADER, renewed.token);
        req.res?.setHeader(RENEWED_EXPIRY_HEADER, renewed.expiresAt.toISOString());
      }
    }
    const actor = req.actor;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (!roles || roles.length === 0) throw new ForbiddenError('This operation is not open to any role');
    if (req.session.mustChangePassword && !this.reflector.getAllAndOverride<boolean>(PASSWORD_CHANGE_KEY, targets)) throw new PasswordChangeRequiredError();
    if (!roles.includes(actor.role)) throw new ForbiddenError(`Your role (${actor.role}) does not allow this operation`);
    return true;
  }

  private authenticate(header: string | string[] | undefined) {
    const value = Array.isArray(header) ? header[0] : header;
    const match = /^Bearer\s+(\S+)$/i.exec(value ?? '');
    if (!match) throw new UnauthenticatedError();
    return this.tokens.verify(match[1]);
  }
}
