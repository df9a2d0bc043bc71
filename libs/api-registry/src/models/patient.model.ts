import { Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionType, ConsentStatus, FieldView, PatientRecordModel, RecordField, Sex } from '@vfr/api-core';
import { PatientEntity } from '../patient.entity';
import { PatientIdentifierEntity } from '../patient-identifier.entity';

@ObjectType('PatientIdentifiers', { description: 'Direct identifiers: given only to coordinators of the site and admins' })
export class PatientIdentifiersModel {
  @RecordField('PatientIdentifiers') mrn: string;
  @RecordField('PatientIdentifiers') familyName: string;
  @RecordField('PatientIdentifiers') givenName: string;
  @RecordField('PatientIdentifiers') dateOfBirth: string;

  static from(e: PatientIdentifierEntity, view: FieldView): PatientIdentifiersModel {
    return view.project('PatientIdentifiers', e);
  }
}

// Each field as the field-access table gives it to the reader (libs/domain/src/field-access.ts).
@ObjectType('Patient')
export class PatientModel extends PatientRecordModel('Patient') {
  @RecordField('Patient', () => ID) siteId: string;
  @RecordField('Patient') registryNumber: string;
  @RecordField('Patient', () => Sex) sex: Sex;
  @RecordField('Patient', () => Int) birthYear: number | null;
  @RecordField('Patient', () => String) ageAtIndexTreatment: string | null;
  @RecordField('Patient', () => Float, { nullable: true }) bmi: number | null;
  @RecordField('Patient', () => Float, { nullable: true }) tScore: number | null;
  @RecordField('Patient') steroidUse: boolean;
  @RecordField('Patient') activeCancer: boolean;
  @RecordField('Patient') ongoingChemotherapy: boolean;
  @RecordField('Patient') ongoingRadiotherapy: boolean;
  @RecordField('Patient', () => Int, { nullable: true }) asaClass: number | null;
  @RecordField('Patient', () => ConsentStatus) consentStatus: ConsentStatus;

  static from(e: PatientEntity, view: FieldView): PatientModel {
    return view.project('Patient', e);
  }
}

export const PatientConnection = ConnectionType(PatientModel, 'Patient');
