import { Field, ID, ObjectType } from '@nestjs/graphql';
import { CementLeakageType, ClavienDindoGrade, ComplicationKind, RecordModel, recordFields } from '@vfr/api-core';
import { ComplicationEntity } from '../complication.entity';

@ObjectType('Complication')
export class ComplicationModel extends RecordModel {
  @Field(() => ID) patientId: string;
  @Field(() => ID, { nullable: true }) treatmentId: string | null;
  @Field() occurredOn: string;
  @Field(() => ComplicationKind) kind: ComplicationKind;
  @Field(() => Boolean, { nullable: true }) symptomatic: boolean | null;
  @Field(() => CementLeakageType, { nullable: true }) leakageType: CementLeakageType | null;
  @Field(() => ClavienDindoGrade, { nullable: true }) clavienDindo: ClavienDindoGrade | null;
  @Field() resolved: boolean;
  @Field(() => String, { nullable: true }) notes: string | null;

  static from(e: ComplicationEntity): ComplicationModel {
    const { patient: _p, treatment: _t, ...own } = e;
    return { ...own, ...recordFields(e) };
  }
}
