import { Field, Float, ID, InputType, Int, IntersectionType, OmitType, PartialType } from '@nestjs/graphql';
import {
  AnalgesicLevel,
  Anaesthesia,
  CementType,
  DischargeDestination,
  ImagingGuidance,
  ProcedureApproach,
  REQUEST_ID_FIELD,
  TreatmentKind,
} from '@vfr/api-core';
import { UpdateFields } from './update-fields';

@InputType()
export class TreatedLevelInput {
  @Field(() => ID) fractureId: string;
  @Field(() => CementType, { nullable: true }) cementType?: CementType | null;
  @Field(() => Float, { nullable: true, description: 'ml, more than 0 and at most 20' }) cementVolumeMl?: number | null;
  @Field(() => Float, { nullable: true, description: 'Share of the vertebral body filled, percent 0-100' }) cementFillPercent?: number | null;
}

@InputType()
export class CreateTreatmentInput {
  @Field(() => ID) patientId: string;
  @Field(() => TreatmentKind) kind: TreatmentKind;
  @Field({ description: 'YYYY-MM-DD' }) startDate: string;
  @Field(() => [TreatedLevelInput], { description: 'The fractures treated' }) levels: TreatedLevelInput[];
  @Field(() => AnalgesicLevel, { nullable: true }) analgesicLevel?: AnalgesicLevel | null;
  @Field(() => Boolean, { nullable: true }) brace?: boolean | null;
  @Field(() => Boolean, { nullable: true }) bedRest?: boolean | null;
  @Field(() => Boolean, { nullable: true }) physiotherapy?: boolean | null;
  @Field(() => Anaesthesia, { nullable: true }) anaesthesia?: Anaesthesia | null;
  @Field(() => ProcedureApproach, { nullable: true }) approach?: ProcedureApproach | null;
  @Field(() => ImagingGuidance, { nullable: true }) imagingGuidance?: ImagingGuidance | null;
  @Field(() => Boolean, { nullable: true }) balloonUsed?: boolean | null;
  @Field(() => Float, { nullable: true }) heightRestorationPercent?: number | null;
  @Field(() => Float, { nullable: true }) kyphoticAngleBefore?: number | null;
  @Field(() => Float, { nullable: true }) kyphoticAngleAfter?: number | null;
  @Field(() => Int, { nullable: true }) durationMinutes?: number | null;
  @Field(() => Boolean, { nullable: true }) sameDayDischarge?: boolean | null;
  @Field(() => Int, { nullable: true }) lengthOfStayDays?: number | null;
  @Field(() => DischargeDestination, { nullable: true }) dischargeDestination?: DischargeDestination | null;
  @Field(() => Boolean, { nullable: true }) readmittedWithin30Days?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'True whenever readmittedWithin30Days is' }) readmittedWithin90Days?: boolean | null;
  @Field(() => Int, { nullable: true, description: 'Seconds, 1-7200 (procedures)' }) fluoroscopyTimeSeconds?: number | null;
  @Field(() => Float, { nullable: true, description: 'Gy·cm², more than 0 and at most 1000 (procedures)' }) doseAreaProductGyCm2?: number | null;
  @Field(() => ID, REQUEST_ID_FIELD) requestId?: string | null;
}

@InputType()
export class UpdateTreatmentInput extends IntersectionType(PartialType(OmitType(CreateTreatmentInput, ['patientId', 'requestId'] as const)), UpdateFields) {}
