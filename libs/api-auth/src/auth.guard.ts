import { PUBLIC_KEY, ROLES_KEY, RequestContext } from '@vfr/api-core';
import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { ForbiddenError, Role, UnauthenticatedError } from '@vfr/domain';
import { SessionCheck } from './session.check';
import { TokenService } from './token.service';

/**
 * The single global guard: every GraphQL operation and REST route (imports, exports) needs a valid
 * token and a role listed by its @Roles decorator. Fail closed: an operation that declares no roles is refused for everyone.
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
    const actor = req.actor ?? (await this.sessions.current(this.authenticate(req.headers.authorization)));
    req.actor = actor;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (!roles || roles.length === 0) throw new ForbiddenError('This operation is not open to any role');
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
