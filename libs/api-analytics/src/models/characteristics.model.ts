import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('CharacteristicValue')
export class CharacteristicValueModel {
  @Field() group: string;
  @Field(() => Int, { nullable: true, description: 'Patients with the variable recorded' }) n: number | null;
  @Field(() => Float, { nullable: true, description: 'Mean, or proportion for yes/no variables' }) value: number | null;
  @Field(() => Float, { nullable: true, description: 'Standard deviation (means only)' }) sd: number | null;
  @Field(() => Int, { nullable: true, description: 'Patients with the characteristic (proportions only)' }) count: number | null;
  @Field() suppressed: boolean;
}

@ObjectType('StandardizedDifference')
export class StandardizedDifferenceModel {
  @Field() group: string;
  @Field({ description: 'The reference group' }) versus: string;
  @Field(() => Float, { nullable: true }) smd: number | null;
}

@ObjectType('CharacteristicRow', { description: 'A row of Table 1: the variable per group, and standardized mean differences' })
export class CharacteristicRowModel {
  @Field() variable: string;
  @Field({ description: 'MEAN or PROPORTION' }) summary: string;
  @Field(() => [CharacteristicValueModel]) values: CharacteristicValueModel[];
  @Field(() => [StandardizedDifferenceModel], { description: 'Each group against the first (conservative care when present)' })
  differences: StandardizedDifferenceModel[];
  @Field(() => Float, { nullable: true, description: 'Largest absolute SMD between any two groups; above 0.1 signals imbalance' }) maxAbsSmd: number | null;
}
