import { ALL_ROLES, Actor, CurrentActor, Public, RequestContext, Roles } from '@vfr/api-core';
import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
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
  @Mutation(() => LoginResultModel, { description: 'Exchange an email and password for a short-lived token' })
  async login(@Args('input') input: LoginInput, @Context() ctx: RequestContext): Promise<LoginResultModel> {
    const result = await this.auth.login(input.email, input.password, ctx.req.ip);
    return { token: result.token, expiresAt: result.expiresAt, user: UserModel.from(result.user) };
  }

  @Roles(...ALL_ROLES)
  @Mutation(() => Boolean, { description: 'Sign out: every token issued to you so far stops working' })
  async logout(@CurrentActor() actor: Actor, @Context() ctx: RequestContext): Promise<boolean> {
    await this.auth.logout(actor, ctx.req.ip);
    return true;
  }

  @Roles(...ALL_ROLES)
  @Mutation(() => LoginResultModel, {
    description: 'Change your own password: every session of yours ends, and the answer carries a new token for this one',
  })
  async changePassword(@CurrentActor() actor: Actor, @Args('input') input: ChangePasswordInput, @Context() ctx: RequestContext): Promise<LoginResultModel> {
    const result = await this.auth.changePassword(actor, input, ctx.req.ip);
    return { token: result.token, expiresAt: result.expiresAt, user: UserModel.from(result.user) };
  }

  @Roles(...ALL_ROLES)
  @Query(() => UserModel, { description: 'The signed-in user' })
  async me(@CurrentActor() actor: Actor): Promise<UserModel> {
    return UserModel.from(await this.users.get(actor.userId));
  }
}
