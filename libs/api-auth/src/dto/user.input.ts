import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { REQUEST_ID_FIELD, Role } from '@vfr/api-core';

@InputType()
export class CreateUserInput {
  @Field() email: string;
  @Field() displayName: string;
  @Field(() => Role) role: Role;
  @Field(() => ID, { nullable: true }) siteId?: string | null;
  @Field({
    description: 'At least 10 characters, not a common password or pattern (the password rule); opens one sign-in, at which the user must choose their own',
  })
  password: string;
  @Field(() => ID, REQUEST_ID_FIELD) requestId?: string | null;
}

@InputType()
export class ResetPasswordInput {
  @Field(() => ID) id: string;
  @Field({ nullable: true, description: 'Why, for the audit log' }) reason?: string;
}

@InputType()
export class UpdateUserInput {
  @Field(() => ID) id: string;
  @Field(() => Int) version: number;
  @Field({ nullable: true }) displayName?: string;
  @Field(() => Role, { nullable: true }) role?: Role;
  @Field(() => ID, { nullable: true }) siteId?: string | null;
  @Field({ nullable: true }) active?: boolean;
  @Field({ nullable: true }) reason?: string;
}

@InputType()
export class LoginInput {
  @Field() email: string;
  @Field() password: string;
}

@InputType()
export class ChangePasswordInput {
  @Field() currentPassword: string;
  @Field({ description: 'At least 10 characters, not a common password or pattern (the password rule)' }) newPassword: string;
}
