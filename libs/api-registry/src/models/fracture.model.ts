import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { FractureCause, FractureMorphology, OfClass, RecordModel, recordFields, VertebralLevel } from '@vfr/api-core';
import { FractureEntity } from '../fracture.entity';

@ObjectType('Fracture')
export class FractureModel extends RecordModel {
  @Field(() => ID) patientId: string;
  @Field(() => VertebralLevel) level: VertebralLevel;
  @Field({ description: 'Date symptoms began (YYYY-MM-DD)' }) onsetDate: string;
  @Field(() => FractureCause) cause: FractureCause;
  @Field(() => Int, { description: 'Genant semiquantitative grade 0-3' }) genantGrade: number;
  @Field(() => Float, { nullable: true }) heightLossPercent: number | null;
  @Field(() => FractureMorphology, { nullable: true }) morphology: FractureMorphology | null;
  @Field(() => OfClass, { nullable: true, description: 'DGOU OF classification' }) ofClass: OfClass | null;
  @Field(() => Boolean, { nullable: true, description: 'Bone oedema on MRI' }) mriOedema: boolean | null;
  @Field() posteriorWallInvolved: boolean;
  @Field() neurologicalDeficit: boolean;
  @Field(() => String, { nullable: true }) additionalInjuries: string | null;

  static from(e: FractureEntity): FractureModel {
    return {
      ...recordFields(e),
      patientId: e.patientId,
      level: e.level,
      onsetDate: e.onsetDate,
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
