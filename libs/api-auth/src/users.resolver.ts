import { Actor, CurrentActor, Roles } from '@vfr/api-core';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Role } from '@vfr/domain';
import { CreateUserInput, UpdateUserInput } from './dto/user.input';
import { UserModel } from './models/user.model';
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
}
