import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum CompetingEvent {
  NEW_FRACTURE = 'NEW_FRACTURE',
  DEATH = 'DEATH',
}
registerEnumType(CompetingEvent, {
  name: 'CompetingEvent',
  description: 'NEW_FRACTURE: first new adjacent or remote vertebral fracture; DEATH: death before one',
});

@ObjectType('CumulativeIncidenceStep')
export class CumulativeIncidenceStepModel {
  @Field(() => Int, { description: 'Days from the index treatment' }) day: number;
  @Field(() => Int) atRisk: number;
  @Field(() => Int, { description: 'Events of this curve at this day' }) events: number;
  @Field(() => Float, { description: 'Aalen-Johansen cumulative incidence' }) incidence: number;
  @Field(() => Float, { nullable: true, description: '95% interval on the log(-log) scale; null where undefined' }) lower: number | null;
  @Field(() => Float, { nullable: true }) upper: number | null;
}

@ObjectType('CumulativeIncidenceCurve', { description: 'One group and one event; counts null when suppressed' })
export class CumulativeIncidenceCurveModel {
  @Field() group: string;
  @Field(() => CompetingEvent) event: CompetingEvent;
  @Field(() => Int, { nullable: true }) n: number | null;
  @Field(() => Int, { nullable: true }) events: number | null;
  @Field(() => Float, { nullable: true, description: 'Cumulative incidence at 1 year (day 365); null beyond the curve shown' }) atOneYear: number | null;
  @Field(() => Float, { nullable: true, description: 'Cumulative incidence at 2 years (day 730); null beyond the curve shown' }) atTwoYears: number | null;
  @Field(() => [CumulativeIncidenceStepModel]) steps: CumulativeIncidenceStepModel[];
  @Field() suppressed: boolean;
}

@ObjectType('GrayTest', { description: "Gray's test that an event's cumulative incidence is the same in every group" })
export class GrayTestModel {
  @Field(() => CompetingEvent) event: CompetingEvent;
  @Field(() => Float) chiSquare: number;
  @Field(() => Int) df: number;
  @Field(() => Float) p: number;
}

@ObjectType('CompetingRisksAnalysis')
export class CompetingRisksAnalysisModel {
  @Field(() => [CumulativeIncidenceCurveModel]) curves: CumulativeIncidenceCurveModel[];
  @Field(() => [GrayTestModel]) tests: GrayTestModel[];
}
