import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { DateView, FractureCause, FractureMorphology, OfClass, RecordModel, recordFields, VertebralLevel } from '@vfr/api-core';
import { FractureEntity } from '../fracture.entity';

@ObjectType('Fracture')
export class FractureModel extends RecordModel {
  @Field(() => ID) patientId: string;
  @Field(() => VertebralLevel) level: VertebralLevel;
  @Field(() => String, { nullable: true, description: 'Date symptoms began (YYYY-MM-DD); null for de-identified readers' }) onsetDate: string | null;
  @Field(() => Int, { nullable: true, description: 'Days from the index treatment to the onset of symptoms (negative: before it)' }) onsetDay: number | null;
  @Field(() => FractureCause) cause: FractureCause;
  @Field(() => Int, { description: 'Genant semiquantitative grade 0-3' }) genantGrade: number;
  @Field(() => Float, { nullable: true }) heightLossPercent: number | null;
  @Field(() => FractureMorphology, { nullable: true }) morphology: FractureMorphology | null;
  @Field(() => OfClass, { nullable: true, description: 'DGOU OF classification' }) ofClass: OfClass | null;
  @Field(() => Boolean, { nullable: true, description: 'Bone oedema on MRI' }) mriOedema: boolean | null;
  @Field() posteriorWallInvolved: boolean;
  @Field() neurologicalDeficit: boolean;
  @Field(() => String, { nullable: true }) additionalInjuries: string | null;

  static from(e: FractureEntity, view: DateView): FractureModel {
    return {
      ...recordFields(e, view),
      patientId: e.patientId,
      level: e.level,
      onsetDate: view.date(e.onsetDate),
      onsetDay: view.day(e.onsetDate),
      cause: e.cause,
      genantGrade: e.genantGrade,
      heightLossPercent: e.heightLossPercent,
      morphology: e.morphology,
      ofClass: e.ofClass,
      mriOedema: e.mriOedema,
      posteriorWallInvolved: e.posteriorWallInvolved,
      neurologicalDeficit: e.neurologicalDeficit,
      additionalInjuries: e.additionalInjuries,
    };
  }
}
