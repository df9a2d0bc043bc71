import { ALL_ROLES, Actor, CurrentActor, OpenDuringPasswordChange, Public, RequestContext, Roles } from '@vfr/api-core';
import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { UnauthenticatedError } from '@vfr/domain';
import { AuthService } from './auth.service';
import { ChangePasswordInput, LoginInput } from './dto/user.input';
import { LoginResultModel, UserModel } from './models/user.model';
import { UsersService } from './users.service';

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  @Public()
  @Mutation(() => LoginResultModel, {
    description: 'Exchange an email and password for a token that lasts the idle limit; refreshSession (or any request) renews it up to the absolute limit',
  })
  async login(@Args('input') input: LoginInput, @Context() ctx: RequestContext): Promise<LoginResultModel> {
    const result = await this.auth.login(input.email, input.password, ctx.req.ip);
    return { ...result, user: UserModel.from(result.user) };
  }

  @Roles(...ALL_ROLES)
  @OpenDuringPasswordChange()
  @Mutation(() => LoginResultModel, {
    description:
      'Keep the session going: a fresh token that lasts the idle limit from now, never past the absolute limit from the sign-in. The token it replaces keeps working until its own expiry.',
  })
  async refreshSession(@CurrentActor() actor: Actor, @Context() ctx: RequestContext): Promise<LoginResultModel> {
    if (!ctx.req.session) throw new UnauthenticatedError();
    const result = this.auth.refresh(actor, ctx.req.session);
    return { ...result, user: UserModel.from(await this.users.get(actor.userId)) };
  }

  @Roles(...ALL_ROLES)
  @OpenDuringPasswordChange()
  @Mutation(() => Boolean, { description: 'Sign out: every token issued to you so far stops working' })
  async logout(@CurrentActor() actor: Actor, @Context() ctx: RequestContext): Promise<boolean> {
    await this.auth.logout(actor, ctx.req.ip);
    return true;
  }

  @Roles(...ALL_ROLES)
  @OpenDuringPasswordChange()
  @Mutation(() => LoginResultModel, {
    description: 'Change your own password: every session of yours ends, and the answer carries a new token for this one',
  })
  async changePassword(@CurrentActor() actor: Actor, @Args('input') input: ChangePasswordInput, @Context() ctx: RequestContext): Promise<LoginResultModel> {
    const result = await this.auth.changePassword(actor, input, ctx.req.ip);
    return { ...result, user: UserModel.from(result.user) };
  }

  @Roles(...ALL_ROLES)
  @OpenDuringPasswordChange()
  @Query(() => UserModel, { description: 'The signed-in user' })
  async me(@CurrentActor() actor: Actor): Promise<UserModel> {
    return UserModel.from(await this.users.get(actor.userId));
  }
}
