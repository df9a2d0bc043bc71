import { Field, ID, InputType, Int } from '@nestjs/graphql';

@InputType()
export class WithdrawInput {
  @Field(() => ID) id: string;
  @Field(() => Int) version: number;
  @Field({ description: 'Why the record is withdrawn (kept in the audit trail)' }) reason: string;
}
