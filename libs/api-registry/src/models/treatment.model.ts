import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import {
  AnalgesicLevel, Anaesthesia, CementType, DateView, ImagingGuidance, ProcedureApproach, RecordModel, recordFields, TreatmentKind,
} from '@vfr/api-core';
import { TreatedLevelEntity } from '../treated-level.entity';
import { TreatmentEntity } from '../treatment.entity';

@ObjectType('TreatedLevel', { description: 'A fracture treated, with the cement given at that level' })
export class TreatedLevelModel {
  @Field(() => ID) fractureId: string;
  @Field(() => CementType, { nullable: true }) cementType: CementType | null;
  @Field(() => Float, { nullable: true }) cementVolumeMl: number | null;

  static from(e: TreatedLevelEntity): TreatedLevelModel {
    return { fractureId: e.fractureId, cementType: e.cementType, cementVolumeMl: e.cementVolumeMl };
  }
}

@ObjectType('Treatment')
export class TreatmentModel extends RecordModel {
  @Field(() => ID) patientId: string;
  @Field(() => TreatmentKind) kind: TreatmentKind;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; null for de-identified readers' }) startDate: string | null;
  @Field(() => Int, { nullable: true, description: 'Days from the index treatment (0 for the index treatment itself)' }) startDay: number | null;
  @Field(() => AnalgesicLevel, { nullable: true }) analgesicLevel: AnalgesicLevel | null;
  @Field(() => Boolean, { nullable: true }) brace: boolean | null;
  @Field(() => Boolean, { nullable: true }) bedRest: boolean | null;
  @Field(() => Boolean, { nullable: true }) physiotherapy: boolean | null;
  @Field(() => Anaesthesia, { nullable: true }) anaesthesia: Anaesthesia | null;
  @Field(() => ProcedureApproach, { nullable: true }) approach: ProcedureApproach | null;
  @Field(() => ImagingGuidance, { nullable: true }) imagingGuidance: ImagingGuidance | null;
  @Field(() => Boolean, { nullable: true }) balloonUsed: boolean | null;
  @Field(() => Float, { nullable: true }) heightRestorationPercent: number | null;
  @Field(() => Float, { nullable: true }) kyphoticAngleBefore: number | null;
  @Field(() => Float, { nullable: true }) kyphoticAngleAfter: number | null;
  @Field(() => Int, { nullable: true }) durationMinutes: number | null;
  @Field(() => Boolean, { nullable: true }) sameDayDischarge: boolean | null;
  @Field(() => Int, { nullable: true }) lengthOfStayDays: number | null;

  static from(e: TreatmentEntity, view: DateView): TreatmentModel {
    const { patient: _p, levels: _l, ...own } = e;
    return { ...own, ...recordFields(e, view), startDate: view.date(e.startDate), startDay: view.day(e.startDate) };
  }
}
