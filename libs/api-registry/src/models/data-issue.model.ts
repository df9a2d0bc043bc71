import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '@vfr/api-core';

@ObjectType('DataIssue', { description: 'Data found breaking a rule that a migration or check could not fix on its own, for the site to review' })
export class DataIssueModel {
  @Field(() => ID) id: string;
  @Field({ description: 'When it was found' }) foundAt: Date;
  @Field({ description: "What found it (a migration's name)" }) foundBy: string;
  @Field({ description: 'The rule broken, e.g. visit.outside_window, visit.after_death, death.*' }) rule: string;
  @Field({ description: 'The table of the record concerned' }) tableName: string;
  @Field(() => ID, { nullable: true }) recordId: string | null;
  @Field(() => ID, { nullable: true }) patientId: string | null;
  @Field(() => String, { nullable: true, description: "The patient's registry number" }) registryNumber: string | null;
  @Field(() => ID, { nullable: true }) siteId: string | null;
  @Field({ description: 'What was found, in a sentence' }) detail: string;
  @Field(() => Date, { nullable: true }) resolvedAt: Date | null;
  @Field(() => ID, { nullable: true }) resolvedBy: string | null;
  @Field(() => String, { nullable: true, description: 'How it was resolved' }) resolution: string | null;
}

export const DataIssueConnection = ConnectionType(DataIssueModel, 'DataIssue');
