import { Field, Float, InputType, Int, ObjectType } from '@nestjs/graphql';
import { FractureCause, OfClass, Sex, TimePoint, TreatmentKind } from '@vfr/api-core';
import { LevelRegion, PreFractureMobility } from '@vfr/domain';

/** The profile of libs/domain patients-like-this.ts (patientProfileSchema), as GraphQL input and output. */
@InputType('PatientProfileInput')
export class PatientProfileInput {
  @Field(() => Int, { description: 'Age in years (above 89 matched as 90)' }) age: number;
  @Field(() => Sex) sex: Sex;
  @Field(() => Int, { nullable: true, description: 'Days from the fracture onset to the treatment (or to today)' }) fractureAgeDays?: number | null;
  @Field(() => Int, { nullable: true, description: 'The most severe Genant grade (0-3)' }) genantGrade?: number | null;
  @Field(() => OfClass, { nullable: true, description: 'The most severe OF class' }) ofClass?: OfClass | null;
  @Field(() => FractureCause, { nullable: true }) cause?: FractureCause | null;
  @Field(() => LevelRegion, { nullable: true }) levelRegion?: LevelRegion | null;
  @Field(() => Int, { nullable: true, description: 'Baseline pain NRS (0-10)' }) baselineNrs?: number | null;
  @Field(() => Float, { nullable: true, description: 'Baseline Oswestry Disability Index (0-100)' }) baselineOdi?: number | null;
  @Field(() => Int, { nullable: true }) asaClass?: number | null;
  @Field(() => Boolean, { nullable: true }) activeCancer?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'Ongoing chemotherapy or radiotherapy' }) ongoingCancerTherapy?: boolean | null;
  @Field(() => PreFractureMobility, { nullable: true }) preFractureMobility?: PreFractureMobility | null;
}

@ObjectType('PatientProfile', { description: "A profile for Patients like this one, pre-filled from a patient's record" })
export class PatientProfileModel {
  @Field(() => Int) age: number;
  @Field(() => Sex) sex: Sex;
  @Field(() => Int, { nullable: true }) fractureAgeDays: number | null;
  @Field(() => Int, { nullable: true }) genantGrade: number | null;
  @Field(() => OfClass, { nullable: true }) ofClass: OfClass | null;
  @Field(() => FractureCause, { nullable: true }) cause: FractureCause | null;
  @Field(() => LevelRegion, { nullable: true }) levelRegion: LevelRegion | null;
  @Field(() => Int, { nullable: true }) baselineNrs: number | null;
  @Field(() => Float, { nullable: true }) baselineOdi: number | null;
  @Field(() => Int, { nullable: true }) asaClass: number | null;
  @Field(() => Boolean, { nullable: true }) activeCancer: boolean | null;
  @Field(() => Boolean, { nullable: true }) ongoingCancerTherapy: boolean | null;
  @Field(() => PreFractureMobility, { nullable: true }) preFractureMobility: PreFractureMobility | null;
}

@ObjectType('MatchedShare', {
  description: 'A share among the matched patients with its Wilson 95% interval; perturbed and withheld as aggregates are (docs/privacy.md)',
})
export class MatchedShareModel {
  @Field(() => Int, { nullable: true, description: 'The denominator (null: withheld)' }) n: number | null;
  @Field(() => Int, { nullable: true }) events: number | null;
  @Field(() => Float, { nullable: true }) rate: number | null;
  @Field(() => Float, { nullable: true }) lower: number | null;
  @Field(() => Float, { nullable: true }) upper: number | null;
  @Field() suppressed: boolean;
}

@ObjectType('MatchedPain', { description: 'Pain (NRS) of the matched patients at one time point: mean with its t 95% interval, and the share below 4' })
export class MatchedPainModel {
  @Field(() => TimePoint) timePoint: TimePoint;
  @Field(() => Int, { nullable: true, description: 'Patients with a score at this time point (null: withheld)' }) n: number | null;
  @Field(() => Float, { nullable: true }) mean: number | null;
  @Field(() => Float, { nullable: true }) lower: number | null;
  @Field(() => Float, { nullable: true }) upper: number | null;
  @Field(() => MatchedShareModel, { description: 'Patients with NRS below 4, of those with a score' }) belowFour: MatchedShareModel;
}

@ObjectType('MatchedPath', { description: 'The matched patients of one path (the kind of their first treatment) and how they fared' })
export class MatchedPathModel {
  @Field(() => TreatmentKind) path: TreatmentKind;
  @Field(() => Int, { nullable: true, description: 'Matched patients (null: withheld)' }) n: number | null;
  @Field() suppressed: boolean;
  @Field(() => Int, { nullable: true, description: 'The widest matching step the matched patients needed (MatchStep.step)' }) widestStep: number | null;
  @Field({ description: 'The path has fewer patients in the registry than are matched per path: all of them are taken' }) allOfPath: boolean;
  @Field(() => [MatchedPainModel]) pain: MatchedPainModel[];
  @Field(() => MatchedShareModel, {
    description: 'Another kind of treatment within a year (for conservative care: a procedure), of those treated a year ago or more',
  })
  crossover: MatchedShareModel;
  @Field(() => MatchedShareModel, { description: 'A new vertebral fracture within a year, of those treated a year ago or more' })
  newFracture: MatchedShareModel;
  @Field(() => MatchedShareModel, { description: 'Death within a year, of those treated a year ago or more' }) death: MatchedShareModel;
  @Field(() => MatchedShareModel, { description: 'A symptomatic complication within a year, of those treated a year ago or more' })
  symptomaticComplication: MatchedShareModel;
  @Field(() => MatchedShareModel, { description: 'Discharged on the day of the first treatment, of those with it recorded' })
  sameDayDischarge: MatchedShareModel;
}

@ObjectType('MatchStep', { description: 'One step of the widening: what a past patient must share with the profile' })
export class MatchStepModel {
  @Field(() => Int) step: number;
  @Field() description: string;
}

@ObjectType('PatientsLikeThis', { description: 'Past patients matched to a profile, per path, and how they fared (docs/methods.md, Patients like this one)' })
export class PatientsLikeThisModel {
  @Field(() => Int, { description: 'How many are matched on each path (fewer where a path has fewer)' }) perPath: number;
  @Field(() => Int, { description: 'Counts below this are withheld' }) threshold: number;
  @Field(() => [MatchStepModel]) steps: MatchStepModel[];
  @Field(() => [MatchedPathModel]) paths: MatchedPathModel[];
}
