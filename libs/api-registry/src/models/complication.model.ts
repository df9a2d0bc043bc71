import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { CementLeakageType, ClavienDindoGrade, ComplicationKind, DateView, RecordModel, recordFields } from '@vfr/api-core';
import { ComplicationEntity } from '../complication.entity';

@ObjectType('Complication')
export class ComplicationModel extends RecordModel {
  @Field(() => ID) patientId: string;
  @Field(() => ID, { nullable: true }) treatmentId: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; null for de-identified readers' }) occurredOn: string | null;
  @Field(() => Int, { nullable: true, description: 'Days from the index treatment' }) occurredDay: number | null;
  @Field(() => ComplicationKind) kind: ComplicationKind;
  @Field(() => Boolean, { nullable: true }) symptomatic: boolean | null;
  @Field(() => CementLeakageType, { nullable: true }) leakageType: CementLeakageType | null;
  @Field(() => ClavienDindoGrade, { nullable: true }) clavienDindo: ClavienDindoGrade | null;
  @Field() resolved: boolean;
  @Field(() => String, { nullable: true }) notes: string | null;

  static from(e: ComplicationEntity, view: DateView): ComplicationModel {
    const { patient: _p, treatment: _t, ...own } = e;
    return { ...own, ...recordFields(e, view), occurredOn: view.date(e.occurredOn), occurredDay: view.day(e.occurredOn) };
  }
}
