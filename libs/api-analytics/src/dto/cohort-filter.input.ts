import { Field, Float, ID, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { Anaesthesia, FractureCause, OfClass, ProcedureApproach, REQUEST_ID_FIELD, Sex, TreatmentKind } from '@vfr/api-core';
import { FractureAgeCategory, LevelRegion, LivingSituation, PreFractureMobility, TreatmentGrouping } from '@vfr/domain';

registerEnumType(LevelRegion, { name: 'LevelRegion' });
registerEnumType(FractureAgeCategory, { name: 'FractureAgeCategory' });
registerEnumType(TreatmentGrouping, {
  name: 'TreatmentGrouping',
  description:
    'How patients are grouped and followed (docs/methods.md). FIRST_TREATMENT and PER_PROTOCOL group every patient by the first treatment; ' +
    'ANAESTHESIA, APPROACH and CEMENT_VOLUME compare procedures: only patients whose first treatment is a procedure with that detail recorded, followed as FIRST_TREATMENT',
  valuesMap: {
    FIRST_TREATMENT: { description: 'Intention to treat: grouped by the first treatment, followed whatever came later' },
    PER_PROTOCOL: { description: 'Grouped by the first treatment, censored on the day of a crossover to another kind of treatment' },
    ANAESTHESIA: { description: "Procedures grouped by the index procedure's anaesthesia (LOCAL, SEDATION, GENERAL)" },
    APPROACH: { description: "Procedures grouped by the index procedure's approach (UNIPEDICULAR, BIPEDICULAR)" },
    CEMENT_VOLUME: {
      description:
        'Procedures grouped by cement volume per treated level: 0_TO_3_ML_PER_LEVEL (under 3 ml), 3_TO_5_ML_PER_LEVEL (3 to under 5 ml), 5_ML_OR_MORE_PER_LEVEL',
    },
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
  @Field({ nullable: true, description: 'An anti-osteoporotic drug after the fracture (false: recorded as none; unrecorded patients match neither)' })
  osteoporosisDrug?: boolean;
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
