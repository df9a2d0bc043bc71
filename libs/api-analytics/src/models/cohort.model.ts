import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { GraphQLJSON, RecordModel, recordFields } from '@vfr/api-core';
import { SavedCohortEntity } from '../saved-cohort.entity';

@ObjectType('SavedCohort')
export class SavedCohortModel extends RecordModel {
  @Field() name: string;
  @Field(() => String, { nullable: true }) description: string | null;
  @Field(() => GraphQLJSON, { description: 'The cohort filter (CohortFilterInput fields)' }) filter: Record<string, unknown>;
  @Field(() => ID) ownerId: string;
  @Field() shared: boolean;

  static from(e: SavedCohortEntity): SavedCohortModel {
    return { ...recordFields(e), name: e.name, description: e.description, filter: e.filter, ownerId: e.ownerId, shared: e.shared };
  }
}

@ObjectType('CohortGroupCount')
export class CohortGroupCountModel {
  @Field() group: string;
  @Field(() => Int, { nullable: true, description: 'Null when suppressed (fewer patients than the threshold, or its complement)' }) n: number | null;
  @Field() suppressed: boolean;
}

@ObjectType('CohortSize')
export class CohortSizeModel {
  @Field(() => Int, { nullable: true }) total: number | null;
  @Field(() => [CohortGroupCountModel]) groups: CohortGroupCountModel[];
  @Field(() => Int, { description: 'Counts below this are suppressed for de-identified readers' }) threshold: number;
}
