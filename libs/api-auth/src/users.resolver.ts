import { Actor, CurrentActor, Roles } from '@vfr/api-core';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Role } from '@vfr/domain';
import { CreateUserInput, ResetPasswordInput, UpdateUserInput } from './dto/user.input';
import { PasswordResetModel, UserModel } from './models/user.model';
import { UsersService } from './users.service';

@Resolver(() => UserModel)
export class UsersResolver {
  constructor(private readonly service: UsersService) {}

  @Roles(Role.ADMIN)
  @Query(() => [UserModel])
  async users(): Promise<UserModel[]> {
    return (await this.service.list()).map((u) => UserModel.from(u));
  }

  @Roles(Role.ADMIN)
  @Query(() => UserModel)
  async user(@Args('id', { type: () => ID }) id: string): Promise<UserModel> {
    return UserModel.from(await this.service.get(id));
  }

  @Roles(Role.ADMIN)
  @Mutation(() => UserModel)
  async createUser(@CurrentActor() actor: Actor, @Args('input') input: CreateUserInput): Promise<UserModel> {
    return UserModel.from(await this.service.create(actor, input));
  }

  @Roles(Role.ADMIN)
  @Mutation(() => UserModel)
  async updateUser(@CurrentActor() actor: Actor, @Args('input') input: UpdateUserInput): Promise<UserModel> {
    return UserModel.from(await this.service.update(actor, input));
  }

  @Roles(Role.ADMIN)
  @Mutation(() => PasswordResetModel, {
    description:
      "Reset a user's password: answers a generated temporary password (this once), which opens one sign-in into the change of it; every session of the user ends",
  })
  async resetPassword(@CurrentActor() actor: Actor, @Args('input') input: ResetPasswordInput): Promise<PasswordResetModel> {
    const { user, temporaryPassword } = await this.service.resetPassword(actor, input);
    return { temporaryPassword, user: UserModel.from(user) };
  }
}
