import { Field, Float, ID, InputType, Int, IntersectionType, OmitType, PartialType } from '@nestjs/graphql';
import { FractureCause, FractureMorphology, OfClass, REQUEST_ID_FIELD, VertebralLevel } from '@vfr/api-core';
import { AdditionalInjury } from '@vfr/domain';
import { UpdateFields } from './update-fields';

// The plain values are thin declarations of fields defined in libs/domain/src/fields/fracture.fields.ts, which validates them.
@InputType()
export class CreateFractureInput {
  @Field(() => ID) patientId: string;
  @Field(() => VertebralLevel) level: VertebralLevel;
  @Field({ description: 'Date symptoms began (YYYY-MM-DD)' }) onsetDate: string;
  @Field(() => FractureCause) cause: FractureCause;
  @Field(() => Int) genantGrade: number;
  @Field(() => Float, { nullable: true }) heightLossPercent?: number | null;
  @Field(() => FractureMorphology, { nullable: true }) morphology?: FractureMorphology | null;
  @Field(() => OfClass, { nullable: true }) ofClass?: OfClass | null;
  @Field(() => Boolean, { nullable: true }) mriOedema?: boolean | null;
  @Field({ defaultValue: false }) posteriorWallInvolved: boolean;
  @Field({ defaultValue: false }) neurologicalDeficit: boolean;
  @Field(() => [AdditionalInjury], { nullable: true, description: 'Injuries besides the vertebral fractures, by kind: [] none, null not recorded' })
  additionalInjuryKinds?: AdditionalInjury[] | null;
  @Field(() => String, { nullable: true }) additionalInjuries?: string | null;
  @Field(() => ID, REQUEST_ID_FIELD) requestId?: string | null;
}

@InputType()
export class UpdateFractureInput extends IntersectionType(
  PartialType(OmitType(CreateFractureInput, ['patientId', 'requestId'] as const), { omitDefaultValues: true }),
  UpdateFields,
) {}
