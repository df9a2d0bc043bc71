import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { VolumePeriod } from '../volume-periods';

registerEnumType(VolumePeriod, {
  name: 'VolumePeriod',
  description: 'A period to count treatments in; AUTO: the finest at which at most a quarter of the counts are suppressed',
});

@ObjectType('VolumeBin')
export class VolumeBinModel {
  @Field({ description: 'YYYY-MM, YYYY-Qn or YYYY' }) period: string;
  @Field() kind: string;
  @Field(() => Int, { nullable: true }) count: number | null;
  @Field() suppressed: boolean;
}

@ObjectType('TreatmentVolumes', { description: 'Treatments started per period and kind' })
export class TreatmentVolumesModel {
  @Field(() => VolumePeriod, { description: 'The period counted in (never AUTO)' }) period: VolumePeriod;
  @Field(() => [VolumeBinModel]) bins: VolumeBinModel[];
}

@ObjectType('DischargeSummary', { description: 'Per treatment kind (the three paths): same-day discharge and length of stay' })
export class DischargeSummaryModel {
  @Field() kind: string;
  @Field(() => Int, { nullable: true, description: 'Treatments of this kind with their discharge recorded' }) treatments: number | null;
  @Field(() => Int, { nullable: true }) sameDay: number | null;
  @Field(() => Float, { nullable: true }) sameDayRate: number | null;
  @Field(() => Float, { nullable: true }) sameDayLower: number | null;
  @Field(() => Float, { nullable: true }) sameDayUpper: number | null;
  @Field(() => Float, { nullable: true, description: 'Mean length of stay in days' }) meanStay: number | null;
  @Field(() => Float, { nullable: true }) medianStay: number | null;
  @Field(() => Float, { nullable: true }) q1Stay: number | null;
  @Field(() => Float, { nullable: true }) q3Stay: number | null;
  @Field() suppressed: boolean;
}

@ObjectType('HospitalRate', { description: 'A share of treatments with its Wilson 95% interval, as the reader may see it' })
export class HospitalRateModel {
  @Field(() => Int, { nullable: true, description: 'Treatments counted (with the value recorded)' }) n: number | null;
  @Field(() => Int, { nullable: true }) events: number | null;
  @Field(() => Float, { nullable: true }) rate: number | null;
  @Field(() => Float, { nullable: true }) lower: number | null;
  @Field(() => Float, { nullable: true }) upper: number | null;
  @Field() suppressed: boolean;
}

@ObjectType('ReadmissionSummary', {
  description: 'Per treatment kind (the three paths): readmissions within 30 and 90 days; for procedures, repeat augmentation',
})
export class ReadmissionSummaryModel {
  @Field() kind: string;
  @Field(() => HospitalRateModel, { description: 'Readmitted within 30 days, of the treatments with it recorded' }) within30: HospitalRateModel;
  @Field(() => HospitalRateModel, { description: 'Readmitted within 90 days, of the treatments with it recorded' }) within90: HospitalRateModel;
  @Field(() => HospitalRateModel, {
    nullable: true,
    description: 'Procedures of this kind whose level was augmented again later within follow-up (null for conservative care)',
  })
  repeatAugmentation: HospitalRateModel | null;
}

@ObjectType('FunnelSite')
export class FunnelSiteModel {
  @Field() siteCode: string;
  @Field(() => Int, { nullable: true, description: 'Procedures' }) n: number | null;
  @Field(() => Int, { nullable: true, description: 'Procedures followed by a complication' }) events: number | null;
  @Field(() => Float, { nullable: true }) rate: number | null;
  @Field() suppressed: boolean;
}

@ObjectType('FunnelLimit')
export class FunnelLimitModel {
  @Field(() => Int) n: number;
  @Field(() => Float) lower95: number;
  @Field(() => Float) upper95: number;
  @Field(() => Float) lower998: number;
  @Field(() => Float) upper998: number;
}

@ObjectType('FunnelPlot', { description: "Sites' complication rates against the registry mean with 95% and 99.8% control limits" })
export class FunnelPlotModel {
  @Field(() => Float, { nullable: true }) registryRate: number | null;
  @Field(() => [FunnelSiteModel]) sites: FunnelSiteModel[];
  @Field(() => [FunnelLimitModel]) limits: FunnelLimitModel[];
}
