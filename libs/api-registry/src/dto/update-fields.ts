import { Field, ID, InputType, Int } from '@nestjs/graphql';

/** What every update carries besides the changed fields. */
@InputType({ isAbstract: true })
export class UpdateFields {
  @Field(() => ID) id: string;
  @Field(() => Int, { description: 'The version you edited; a stale one is refused' }) version: number;
  @Field({ nullable: true, description: 'Why: required when changing a record entered more than 24 hours ago' }) reason?: string;
}
