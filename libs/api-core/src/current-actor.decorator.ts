import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { UnauthenticatedError } from '@vfr/domain';
import { Actor, RequestContext } from './actor';

export function actorFrom(context: ExecutionContext): Actor | undefined {
  if (context.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext<RequestContext>().req.actor;
  }
  return context.switchToHttp().getRequest<RequestContext['req']>().actor;
}

/** The authenticated caller; the global guard has already refused anonymous calls. */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const actor = actorFrom(context);
  if (!actor) throw new UnauthenticatedError();
  return actor;
});
