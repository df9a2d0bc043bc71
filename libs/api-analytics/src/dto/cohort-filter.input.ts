import { Field, Float, ID, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { Anaesthesia, FractureCause, OfClass, ProcedureApproach, REQUEST_ID_FIELD, Sex, TreatmentKind } from '@vfr/api-core';
import { FractureAgeCategory, LevelRegion, LivingSituation, PreFractureMobility, TreatmentGrouping } from '@vfr/domain';

registerEnumType(LevelRegion, { name: 'LevelRegion' });
registerEnumType(FractureAgeCategory, { name: 'FractureAgeCategory' });
registerEnumType(TreatmentGrouping, {
  name: 'TreatmentGrouping',
  description: 'Both group patients by their first treatment. FIRST_TREATMENT: intention to treat, followed to the end of follow-up. ' +
    'PER_PROTOCOL: follow-up ends on the day of a crossover to another kind of treatment (visits and events from that day on are left out)',
  valuesMap: {
    FIRST_TREATMENT: { description: 'Intention to treat: grouped by the first treatment, followed whatever came later' },
    PER_PROTOCOL: { description: 'Grouped by the first treatment, censored on the day of a crossover to another kind of treatment' },
  },
});

/** The cohort filter of libs/domain (cohortFilterSchema), as GraphQL input. */
@InputType()
export class CohortFilterInput {
  @Field(() => Int, { nullable: true, description: 'Age at the index treatment, from' }) ageMin?: number;
  @Field(() => Int, { nullable: true }) ageMax?: number;
  @Field(() => Sex, { nullable: true }) sex?: Sex;
  @Field(() => [ID], { nullable: true }) siteIds?: string[];
  @Field(() => [FractureCause], { nullable: true }) causes?: FractureCause[];
  @Field(() => [LevelRegion], { nullable: true }) levelRegions?: LevelRegion[];
  @Field(() => [Int], { nullable: true }) genantGrades?: number[];
  @Field(() => [OfClass], { nullable: true }) ofClasses?: OfClass[];
  @Field(() => [FractureAgeCategory], { nullable: true }) fractureAges?: FractureAgeCategory[];
  @Field({ nullable: true }) activeCancer?: boolean;
  @Field({ nullable: true, description: 'Ongoing chemotherapy or radiotherapy' }) ongoingCancerTherapy?: boolean;
  @Field(() => Int, { nullable: true, description: 'Baseline pain NRS, from' }) baselineNrsMin?: number;
  @Field(() => Int, { nullable: true }) baselineNrsMax?: number;
  @Field(() => [TreatmentKind], { nullable: true, description: 'Kind of the index treatment' }) treatmentKinds?: TreatmentKind[];
  @Field(() => [PreFractureMobility], { nullable: true, description: 'Mobility before the fracture' }) preFractureMobility?: PreFractureMobility[];
  @Field(() => [LivingSituation], { nullable: true }) livingSituations?: LivingSituation[];
  @Field(() => Int, { nullable: true, description: 'Clinical Frailty Scale, from' }) frailtyMin?: number;
  @Field(() => Int, { nullable: true }) frailtyMax?: number;
  @Field({ nullable: true }) dementia?: boolean;
  @Field({ nullable: true, description: 'At least one vertebral fracture before this one' }) priorVertebralFracture?: boolean;
  @Field({ nullable: true, description: 'An anti-osteoporotic drug after the fracture (false: recorded as none; unrecorded patients match neither)' }) osteoporosisDrug?: boolean;
  @Field(() => [Anaesthesia], { nullable: true, description: 'Anaesthesia of the index procedure (leaves conservative care out)' }) anaesthesia?: Anaesthesia[];
  @Field(() => [ProcedureApproach], { nullable: true, description: 'Approach of the index procedure' }) approaches?: ProcedureApproach[];
  @Field(() => Float, { nullable: true, description: 'Cement volume of the index procedure, summed over its levels (ml), from' }) cementVolumeMin?: number;
  @Field(() => Float, { nullable: true }) cementVolumeMax?: number;
  @Field({ nullable: true, description: 'Index treatment on or after (YYYY-MM-DD)' }) treatedFrom?: string;
  @Field({ nullable: true }) treatedTo?: string;
}

@InputType()
export class SaveCohortInput {
  @Field() name: string;
  @Field({ nullable: true }) description?: string;
  @Field(() => CohortFilterInput) filter: CohortFilterInput;
  @Field({ defaultValue: false, description: 'Visible to everyone who analyses the registry' }) shared: boolean;
  @Field(() => ID, REQUEST_ID_FIELD) requestId?: string | null;
}

@InputType()
export class UpdateSavedCohortInput {
  @Field(() => ID) id: string;
  @Field(() => Int) version: number;
  @Field({ nullable: true }) name?: string;
  @Field({ nullable: true }) description?: string;
  @Field(() => CohortFilterInput, { nullable: true }) filter?: CohortFilterInput;
  @Field({ nullable: true }) shared?: boolean;
}
