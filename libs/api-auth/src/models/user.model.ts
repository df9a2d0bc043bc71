import { Field, ID, ObjectType } from '@nestjs/graphql';
import { RecordModel, recordFields, Role } from '@vfr/api-core';
import { UserEntity } from '../user.entity';

@ObjectType('User')
export class UserModel extends RecordModel {
  @Field() email: string;
  @Field() displayName: string;
  @Field(() => Role) role: Role;
  @Field(() => ID, { nullable: true }) siteId: string | null;
  @Field() active: boolean;
  @Field({ description: 'The password was set by an administrator and has not been changed by the user yet' }) mustChangePassword: boolean;

  static from(e: UserEntity): UserModel {
    return {
      ...recordFields(e),
      email: e.email,
      displayName: e.displayName,
      role: e.role,
      siteId: e.siteId,
      active: e.active,
      mustChangePassword: e.mustChangePassword,
    };
  }
}

@ObjectType('LoginResult')
export class LoginResultModel {
  @Field({ description: 'Send as "Authorization: Bearer <token>"' }) token: string;
  @Field({ description: 'When this token stops working unless renewed: the idle limit from now (refreshSession, or any request, renews it)' })
  expiresAt: Date;
  @Field({ description: "The session's absolute limit from its sign-in: no renewal goes past it" }) sessionEndsAt: Date;
  @Field({ description: 'Signed in with a password an administrator set: only changePassword (and me, refreshSession, logout) is open until it is changed' })
  mustChangePassword: boolean;
  @Field(() => UserModel) user: UserModel;
}

@ObjectType('PasswordReset')
export class PasswordResetModel {
  @Field({ description: 'Shown this once and never stored readable: give it to the user, who must change it at their one sign-in with it' })
  temporaryPassword: string;
  @Field(() => UserModel) user: UserModel;
}
