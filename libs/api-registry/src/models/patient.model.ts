import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { ageAt, ConnectionType, ConsentStatus, DateView, displayAge, RecordModel, recordFields, Sex } from '@vfr/api-core';
import { PatientEntity } from '../patient.entity';
import { PatientIdentifierEntity } from '../patient-identifier.entity';

@ObjectType('PatientIdentifiers', { description: 'Direct identifiers: given only to coordinators of the site and admins' })
export class PatientIdentifiersModel {
  @Field() mrn: string;
  @Field() familyName: string;
  @Field() givenName: string;
  @Field() dateOfBirth: string;

  static from(e: PatientIdentifierEntity): PatientIdentifiersModel {
    return { mrn: e.mrn, familyName: e.familyName, givenName: e.givenName, dateOfBirth: e.dateOfBirth };
  }
}

@ObjectType('Patient')
export class PatientModel extends RecordModel {
  @Field(() => ID) siteId: string;
  @Field({ description: 'Pseudonymous registry number' }) registryNumber: string;
  @Field(() => Sex) sex: Sex;
  @Field(() => Int, { nullable: true, description: 'Withheld from de-identified readers when the patient is over 89' }) birthYear: number | null;
  @Field(() => String, { nullable: true, description: 'Age at the index treatment; "90+" above 89' }) ageAtIndexTreatment: string | null;
  @Field(() => Float, { nullable: true }) bmi: number | null;
  @Field(() => Float, { nullable: true, description: 'Bone density T-score' }) tScore: number | null;
  @Field() steroidUse: boolean;
  @Field() activeCancer: boolean;
  @Field() ongoingChemotherapy: boolean;
  @Field() ongoingRadiotherapy: boolean;
  @Field(() => Int, { nullable: true }) asaClass: number | null;
  @Field(() => ConsentStatus) consentStatus: ConsentStatus;

  static from(e: PatientEntity, view: DateView): PatientModel {
    const age = ageAt(e.birthYear, view.indexDate ?? new Date().toISOString().slice(0, 10));
    return {
      ...recordFields(e, view),
      siteId: e.siteId,
      registryNumber: e.registryNumber,
      sex: e.sex,
      birthYear: view.deidentified && age > 89 ? null : e.birthYear,
      ageAtIndexTreatment: view.indexDate ? displayAge(ageAt(e.birthYear, view.indexDate)) : null,
      bmi: e.bmi,
      tScore: e.tScore,
      steroidUse: e.steroidUse,
      activeCancer: e.activeCancer,
      ongoingChemotherapy: e.ongoingChemotherapy,
      ongoingRadiotherapy: e.ongoingRadiotherapy,
      asaClass: e.asaClass,
      consentStatus: e.consentStatus,
    };
  }
}

export const PatientConnection = ConnectionType(PatientModel, 'Patient');
