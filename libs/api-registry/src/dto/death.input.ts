import { Field, ID, InputType, IntersectionType, OmitType, PartialType } from '@nestjs/graphql';
import { DeathCause, DeathSource, REQUEST_ID_FIELD } from '@vfr/api-core';
import { UpdateFields } from './update-fields';

@InputType()
export class RecordDeathInput {
  @Field(() => ID) patientId: string;
  @Field({ description: 'YYYY-MM-DD' }) diedOn: string;
  @Field(() => DeathCause) cause: DeathCause;
  @Field(() => DeathSource) source: DeathSource;
  @Field(() => String, { nullable: true }) notes?: string | null;
  @Field(() => ID, REQUEST_ID_FIELD) requestId?: string | null;
}

@InputType()
export class UpdateDeathInput extends IntersectionType(
  PartialType(OmitType(RecordDeathInput, ['patientId', 'requestId'] as const), { omitDefaultValues: true }),
  UpdateFields,
) {}
