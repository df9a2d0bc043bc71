import { Field, ID, InputType } from '@nestjs/graphql';
import { MissedVisitReason, TimePoint } from '@vfr/api-core';

@InputType({ description: 'An expected visit, as the worklist lists it' })
export class MissedVisitInput {
  @Field(() => ID) patientId: string;
  @Field(() => ID, { description: 'The index treatment' }) treatmentId: string;
  @Field(() => TimePoint) timePoint: TimePoint;
}

@InputType()
export class MarkVisitsMissedInput {
  @Field(() => [MissedVisitInput], { description: 'The visits to mark missed (at most 200): all are recorded, or none' })
  visits: MissedVisitInput[];
  @Field(() => MissedVisitReason, { description: 'Why they did not take place: recorded on each visit (missedReason) and in its audit event' })
  reason: MissedVisitReason;
}
