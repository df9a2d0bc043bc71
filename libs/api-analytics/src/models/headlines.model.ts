import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { HEADLINE_FIGURES, HeadlineFigure } from '@vfr/domain';

registerEnumType(HeadlineFigure, {
  name: 'HeadlineFigure',
  description: "The overview's headline figures (docs/methods.md)",
  valuesMap: Object.fromEntries(Object.entries(HEADLINE_FIGURES).map(([k, v]) => [k, { description: v.definition }])),
});

@ObjectType('Headline', {
  description: 'One headline figure: a count (PATIENTS_TREATED) or a share with its Wilson 95% interval; withheld or perturbed as the reader sees counts',
})
export class HeadlineModel {
  @Field(() => HeadlineFigure) figure: HeadlineFigure;
  @Field(() => Int, { nullable: true, description: 'The count, or the denominator of a share (null: withheld)' }) n: number | null;
  @Field(() => Int, { nullable: true, description: 'The numerator of a share (null: withheld, or not a share)' }) events: number | null;
  @Field(() => Float, { nullable: true }) rate: number | null;
  @Field(() => Float, { nullable: true }) lower: number | null;
  @Field(() => Float, { nullable: true }) upper: number | null;
  @Field() suppressed: boolean;
}
