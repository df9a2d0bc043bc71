import { Field, ID, InputType, IntersectionType, OmitType, PartialType } from '@nestjs/graphql';
import { CementLeakageType, ClavienDindoGrade, ComplicationKind, FractureDetection, REQUEST_ID_FIELD, VertebralLevel } from '@vfr/api-core';
import { UpdateFields } from './update-fields';

// The plain values are thin declarations of fields defined in libs/domain/src/fields/complication.fields.ts, which validates them.
@InputType()
export class CreateComplicationInput {
  @Field(() => ID) patientId: string;
  @Field(() => ID, { nullable: true }) treatmentId?: string | null;
  @Field({ description: 'YYYY-MM-DD' }) occurredOn: string;
  @Field(() => ComplicationKind) kind: ComplicationKind;
  @Field(() => Boolean, { nullable: true, description: 'Cement leakage: symptomatic or not' }) symptomatic?: boolean | null;
  @Field(() => CementLeakageType, { nullable: true }) leakageType?: CementLeakageType | null;
  @Field(() => ClavienDindoGrade, { nullable: true }) clavienDindo?: ClavienDindoGrade | null;
  @Field({ defaultValue: false }) resolved: boolean;
  @Field(() => String, { nullable: true }) notes?: string | null;
  @Field(() => ID, REQUEST_ID_FIELD) requestId?: string | null;
  @Field(() => VertebralLevel, { nullable: true, description: 'New fractures only: the fractured vertebra' }) level?: VertebralLevel | null;
  @Field(() => FractureDetection, { nullable: true, description: 'New fractures only: how it was found' }) detection?: FractureDetection | null;
}

@InputType()
export class UpdateComplicationInput extends IntersectionType(
  PartialType(OmitType(CreateComplicationInput, ['patientId', 'requestId'] as const), { omitDefaultValues: true }),
  UpdateFields,
) {}
