import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType, RecordField, TimePoint, TreatmentKind } from '@vfr/api-core';
import { WorklistSort, WorklistState } from '../worklist.service';

registerEnumType(WorklistState, { name: 'WorklistState' });
registerEnumType(WorklistSort, { name: 'WorklistSort' });

@ObjectType('WorklistItem', { description: 'A follow-up visit expected and not yet recorded' })
export class WorklistItemModel {
  @RecordField('WorklistItem', () => ID) patientId: string;
  @RecordField('WorklistItem') registryNumber: string;
  @RecordField('WorklistItem', () => ID) siteId: string;
  @RecordField('WorklistItem', () => ID) treatmentId: string;
  @RecordField('WorklistItem', () => TreatmentKind) treatmentKind: TreatmentKind;
  @RecordField('WorklistItem') treatmentDate: string;
  @RecordField('WorklistItem', () => TimePoint) timePoint: TimePoint;
  @RecordField('WorklistItem') targetDate: string;
  @RecordField('WorklistItem') windowStart: string;
  @RecordField('WorklistItem') windowEnd: string;
  @RecordField('WorklistItem', () => WorklistState) state: WorklistState;
  @RecordField('WorklistItem', () => Int) daysOverdue: number;
}

export const WorklistConnection = ConnectionType(WorklistItemModel, 'Worklist');

@InputType()
export class WorklistFilterInput {
  @Field(() => [WorklistState], { nullable: true }) states?: WorklistState[];
  @Field(() => [TimePoint], { nullable: true }) timePoints?: TimePoint[];
  @Field(() => ID, { nullable: true }) siteId?: string;
  @Field({ nullable: true, description: 'Registry number, or its beginning' }) registryNumber?: string;
  @Field({ nullable: true, description: 'Draw the list up as of this day (YYYY-MM-DD); default today' }) today?: string;
}

@ObjectType('FollowUpCompleteness', { description: 'Visits whose window has closed, by site and time point' })
export class FollowUpCompletenessModel {
  @Field(() => ID) siteId: string;
  @Field() siteCode: string;
  @Field(() => TimePoint) timePoint: TimePoint;
  @Field(() => Int, { nullable: true, description: 'Visits due (window closed); for department heads perturbed, and withheld below the small-cell threshold' })
  expected: number | null;
  @Field(() => Int, { nullable: true }) done: number | null;
  @Field(() => Int, { nullable: true }) missed: number | null;
  @Field(() => Int, { nullable: true }) withdrawn: number | null;
  @Field(() => Int, { nullable: true }) outstanding: number | null;
  @Field(() => Int, {
    nullable: true,
    description: 'Of the visits done, those the patient answered by questionnaire link (confirmed by a coordinator); perturbed and withheld as done is',
  })
  answeredByPatients: number | null;
  @Field(() => Float, { nullable: true, description: 'done / expected, from the counts shown' }) completeness: number | null;
  @Field({ description: 'Whether the counts are withheld (fewer patients than the small-cell threshold)' }) suppressed: boolean;
}
