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

  static from(e: UserEntity): UserModel {
    return { ...recordFields(e), email: e.email, displayName: e.displayName, role: e.role, siteId: e.siteId, active: e.active };
  }
}

@ObjectType('LoginResult')
export class LoginResultModel {
  @Field({ description: 'Send as "Authorization: Bearer <token>"' }) token: string;
  @Field() expiresAt: Date;
  @Field(() => UserModel) user: UserModel;
}
