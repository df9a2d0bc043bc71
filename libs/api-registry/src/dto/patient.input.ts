import { Field, Float, ID, InputType, Int, IntersectionType, OmitType, PartialType } from '@nestjs/graphql';
import { ConsentStatus, REQUEST_ID_FIELD, Sex, TreatmentKind } from '@vfr/api-core';
import { AntiOsteoporoticDrug, LivingSituation, PreFractureMobility } from '@vfr/domain';
import { UpdateFields } from './update-fields';

@InputType()
export class PatientIdentifiersInput {
  @Field({ description: 'Medical record number at the site' }) mrn: string;
  @Field() familyName: string;
  @Field() givenName: string;
  @Field({ description: 'YYYY-MM-DD' }) dateOfBirth: string;
}

@InputType({ description: 'A patient about to be registered: patients of the site with a similar name and the same date of birth are looked for' })
export class SimilarPatientsInput {
  @Field(() => ID) siteId: string;
  @Field() familyName: string;
  @Field() givenName: string;
  @Field({ description: 'YYYY-MM-DD' }) dateOfBirth: string;
}

@InputType()
export class CreatePatientInput {
  @Field(() => ID) siteId: string;
  @Field({ nullable: true, description: 'Pseudonymous registry number; generated from the site code when omitted' })
  registryNumber?: string;
  @Field(() => Sex) sex: Sex;
  @Field(() => Int) birthYear: number;
  @Field(() => Float, { nullable: true }) bmi?: number | null;
  @Field(() => Float, { nullable: true }) tScore?: number | null;
  @Field({ defaultValue: false }) steroidUse: boolean;
  @Field({ defaultValue: false }) activeCancer: boolean;
  @Field({ defaultValue: false }) ongoingChemotherapy: boolean;
  @Field({ defaultValue: false }) ongoingRadiotherapy: boolean;
  @Field(() => Int, { nullable: true }) asaClass?: number | null;
  @Field(() => ConsentStatus, { defaultValue: ConsentStatus.PENDING }) consentStatus: ConsentStatus;
  // Baseline: thin declarations of fields defined in libs/domain/src/fields/patient.fields.ts, which validates them.
  @Field(() => PreFractureMobility, { nullable: true }) preFractureMobility?: PreFractureMobility | null;
  @Field(() => LivingSituation, { nullable: true }) livingSituation?: LivingSituation | null;
  @Field(() => Int, { nullable: true }) clinicalFrailtyScale?: number | null;
  @Field(() => Int, { nullable: true }) charlsonComorbidityIndex?: number | null;
  @Field(() => Boolean, { nullable: true }) dementia?: boolean | null;
  @Field(() => Int, { nullable: true }) priorVertebralFractures?: number | null;
  @Field(() => AntiOsteoporoticDrug, { nullable: true }) antiOsteoporoticDrug?: AntiOsteoporoticDrug | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) antiOsteoporoticStartDate?: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) dxaDate?: string | null;
  @Field(() => Boolean, { nullable: true }) flsReferral?: boolean | null;
  @Field(() => Boolean, { nullable: true }) vitaminDSupplementation?: boolean | null;
  @Field(() => Int, { nullable: true }) painUnderAnalgesia?: number | null;
  @Field(() => Boolean, { nullable: true }) mobilisedUnderAnalgesia?: boolean | null;
  @Field(() => Boolean, { nullable: true }) deformityProgression?: boolean | null;
  @Field(() => Boolean, { nullable: true }) anticoagulation?: boolean | null;
  @Field(() => Int, { nullable: true }) modifiedFrailtyIndex?: number | null;
  @Field(() => PatientIdentifiersInput, { nullable: true }) identifiers?: PatientIdentifiersInput | null;
  @Field(() => ID, REQUEST_ID_FIELD) requestId?: string | null;
}

@InputType()
export class UpdatePatientInput extends IntersectionType(
  PartialType(OmitType(CreatePatientInput, ['siteId', 'requestId'] as const), { omitDefaultValues: true }),
  UpdateFields,
) {}

@InputType()
export class PatientFilterInput {
  @Field(() => ID, { nullable: true }) siteId?: string;
  @Field({ nullable: true, description: 'Registry number, or its beginning' }) registryNumber?: string;
  @Field({ nullable: true, description: 'Family or given name (its beginning) or the exact MRN: coordinators and admins only' }) name?: string;
  @Field(() => TreatmentKind, { nullable: true, description: 'Patients with a treatment of this kind' }) treatmentKind?: TreatmentKind;
  @Field({ nullable: true, description: 'Treated on or after (YYYY-MM-DD)' }) treatedFrom?: string;
  @Field({ nullable: true, description: 'Treated on or before (YYYY-MM-DD)' }) treatedTo?: string;
  @Field({ nullable: true, defaultValue: false }) includeWithdrawn?: boolean;
}
