import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { REQUEST_ID_FIELD } from '@vfr/api-core';

@InputType()
export class CreateSiteInput {
  @Field({ description: '2-16 capital letters or digits, e.g. "NORTH"' }) code: string;
  @Field() name: string;
  @Field(() => ID, REQUEST_ID_FIELD) requestId?: string | null;
}

@InputType()
export class UpdateSiteInput {
  @Field(() => ID) id: string;
  @Field(() => Int) version: number;
  @Field({ nullable: true }) code?: string;
  @Field({ nullable: true }) name?: string;
  @Field({ nullable: true }) reason?: string;
}
