import { Field, ID, InputType } from '@nestjs/graphql';

@InputType()
export class DataIssueFilterInput {
  @Field(() => String, {
    nullable: true,
    description: 'Only this rule (e.g. visit.outside_window), or every rule beginning with it when it ends with "." (e.g. death.)',
  })
  rule?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'true: open issues only; false: resolved ones only; absent: both' })
  open?: boolean | null;
}

@InputType()
export class ResolveDataIssueInput {
  @Field(() => ID) id: string;
  @Field({ description: 'What was done about it, or why nothing needs doing' }) resolution: string;
}
