// The dashboard's GraphQL operations as the bench sends them, and the cohorts it times them for.
import { LevelRegion } from '@vfr/domain';
import { FloorFilter, FloorName } from './floors';

export interface BenchCohort {
  name: string;
  /** Sent as CohortFilterInput and to the floor queries: the same criteria. */
  filter: FloorFilter;
}

export const COHORTS: BenchCohort[] = [
  { name: 'whole registry', filter: {} },
  { name: 'women 75+', filter: { sex: 'FEMALE', ageMin: 75 } },
  { name: 'lumbar Genant 3', filter: { levelRegions: [LevelRegion.LUMBAR], genantGrades: [3] } },
];

const F = '$f: CohortFilterInput';

export interface AnalyticsOperation {
  name: FloorName;
  /** Only the four dashboard comparisons have a target (docs/performance.md). */
  compared: boolean;
  query: string;
}

export const ANALYTICS: AnalyticsOperation[] = [
  {
    name: 'outcomeTrajectory',
    compared: true,
    query: `query Trajectory(${F}) { outcomeTrajectory(filter: $f, measure: NRS) { group timePoint n mean lower upper median q1 q3 nChange meanChange changeLower changeUpper suppressed } }`,
  },
  {
    name: 'responderRates',
    compared: true,
    query: `query Responders(${F}) { responderRates(filter: $f, definition: NRS_DROP_2) { group category events n rate lower upper suppressed } }`,
  },
  {
    name: 'complicationRates',
    compared: true,
    query: `query Complications(${F}) { complicationRates(filter: $f) { group category events n rate lower upper suppressed } }`,
  },
  {
    name: 'survival',
    compared: true,
    query: `query Survival(${F}) { survival(filter: $f, endpoint: PAIN_RELIEF) { curves { group n events medianDays medianLower medianUpper steps { day atRisk events survival lower upper } suppressed } logRankChiSquare logRankDf logRankP } }`,
  },
  {
    name: 'funnelPlot',
    compared: false,
    query: `query Funnel(${F}) { funnelPlot(filter: $f) { registryRate limits { n lower95 upper95 lower998 upper998 } sites { siteCode n events rate suppressed } } }`,
  },
  {
    name: 'characteristicsTable',
    compared: false,
    query: `query TableOne(${F}) { characteristicsTable(filter: $f) { variable summary values { group n value sd count suppressed } differences { group versus smd } maxAbsSmd } }`,
  },
  {
    name: 'adjustedComparison',
    compared: false,
    query: `query Adjusted(${F}) { adjustedComparison(filter: $f, measure: NRS, timePoint: M1) { outcome n excluded differences { group versus n nVersus unadjusted unadjustedLower unadjustedUpper adjusted adjustedLower adjustedUpper } balance { covariate group versus smdBefore smdAfter } propensityConverged } }`,
  },
  {
    name: 'cohortSize',
    compared: false,
    query: `query Size(${F}) { cohortSize(filter: $f) { total groups { group n suppressed } threshold } }`,
  },
];

export const PATIENTS_PAGE = `query Patients($first: Int, $after: String) {
  patients(first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { registryNumber fractures { level genantGrade } treatments { kind startDay } latestAssessment { timePoint nrsActivity odi } } }
  }
}`;

export const CREATE_VISIT = `mutation Visit($i: CreateAssessmentInput!) { createAssessment(input: $i) { id version } }`;
