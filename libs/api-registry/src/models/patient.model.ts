import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType, ConsentStatus, FieldView, PatientRecordModel, RecordField, Sex } from '@vfr/api-core';
import { AntiOsteoporoticDrug, LivingSituation, OfScore, OfScoreBand, PreFractureMobility } from '@vfr/domain';
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
  // Baseline: thin declarations of fields defined in libs/domain/src/fields/patient.fields.ts (a test
  // holds every definition to a field here).
  @RecordField('Patient', () => PreFractureMobility, { nullable: true }) preFractureMobility: PreFractureMobility | null;
  @RecordField('Patient', () => LivingSituation, { nullable: true }) livingSituation: LivingSituation | null;
  @RecordField('Patient', () => Int, { nullable: true }) clinicalFrailtyScale: number | null;
  @RecordField('Patient', () => Int, { nullable: true }) charlsonComorbidityIndex: number | null;
  @RecordField('Patient', () => Boolean, { nullable: true }) dementia: boolean | null;
  @RecordField('Patient', () => Int, { nullable: true }) priorVertebralFractures: number | null;
  @RecordField('Patient', () => AntiOsteoporoticDrug, { nullable: true }) antiOsteoporoticDrug: AntiOsteoporoticDrug | null;
  @RecordField('Patient', () => String, { nullable: true }) antiOsteoporoticStartDate: string | null;
  @RecordField('Patient', () => Int, { nullable: true }) antiOsteoporoticStartDay: number | null;
  @RecordField('Patient', () => String, { nullable: true }) dxaDate: string | null;
  @RecordField('Patient', () => Int, { nullable: true }) dxaDay: number | null;
  @RecordField('Patient', () => Boolean, { nullable: true }) flsReferral: boolean | null;
  @RecordField('Patient', () => Boolean, { nullable: true }) vitaminDSupplementation: boolean | null;
  @RecordField('Patient', () => Int, { nullable: true }) painUnderAnalgesia: number | null;
  @RecordField('Patient', () => Boolean, { nullable: true }) mobilisedUnderAnalgesia: boolean | null;
  @RecordField('Patient', () => Boolean, { nullable: true }) deformityProgression: boolean | null;
  @RecordField('Patient', () => Boolean, { nullable: true }) anticoagulation: boolean | null;
  @RecordField('Patient', () => Int, { nullable: true }) modifiedFrailtyIndex: number | null;

  static from(e: PatientEntity, view: FieldView): PatientModel {
    return view.project('Patient', e);
  }
}

registerEnumType(PreFractureMobility, {
  name: 'PreFractureMobility',
  description: "Walking before the fracture, by walking aid (Koval's categories, grouped)",
});
registerEnumType(LivingSituation, { name: 'LivingSituation' });
registerEnumType(AntiOsteoporoticDrug, { name: 'AntiOsteoporoticDrug' });
registerEnumType(OfScoreBand, { name: 'OfScoreBand', description: 'The OF-Score recommendation: 5 or less conservative care, 6 either, 7 or more surgery' });

@ObjectType('OfScoreComponent')
export class OfScoreComponentModel {
  @Field() name: string;
  @Field() label: string;
  @Field(() => Int, { nullable: true, description: 'Points given; null when not recorded (the score counts it 0)' }) points: number | null;
  @Field({ description: 'What the points come from' }) basis: string;
  @Field(() => Int, { description: 'Fewest points it could give were it recorded' }) min: number;
  @Field(() => Int, { description: 'Most points it could give were it recorded' }) max: number;
}

@ObjectType('OfScore', { description: 'The DGOU OF-Score (Blattert et al. 2018) computed from the record' })
export class OfScoreModel {
  @Field(() => Int, { description: 'Sum of the recorded components; a missing one counts 0' }) total: number;
  @Field(() => OfScoreBand) band: OfScoreBand;
  @Field(() => [OfScoreComponentModel]) components: OfScoreComponentModel[];
  @Field(() => [String], { description: 'The fields the score reads that are not recorded' }) missing: string[];
  @Field(() => Int, { description: 'Lowest total the missing components could make' }) possibleMin: number;
  @Field(() => Int, { description: 'Highest total the missing components could make' }) possibleMax: number;
  @Field({ description: 'Whether every possible total falls in the same band' }) bandSettled: boolean;

  static from(score: OfScore): OfScoreModel {
    return score;
  }
}

export const PatientConnection = ConnectionType(PatientModel, 'Patient');
