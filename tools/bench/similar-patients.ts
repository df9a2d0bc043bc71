import { SqlParams } from '@vfr/api-core';
import { matchedPatientsSql } from '@vfr/api-analytics';
import { PatientProfile, todayIso } from '@vfr/domain';
import { ApiClient } from './http-client';
import { rowsOf, Sql } from './registry-setup';
import { ResultRow } from './report';
import { timeIt, TimingOptions } from './timing';

// Patients like this one (docs/methods.md): the API's answer for three profiles, a full one, a
// sparse one and a rare one (active cancer, which widens furthest), timed through HTTP beside its
// floor, the matching statement alone on the same database. Target: under 300 ms on 100,000
// patients.
const TARGET_MS = 300;

const PROFILES: { name: string; profile: PatientProfile }[] = [
  {
    name: 'full profile',
    profile: {
      age: 78,
      sex: 'FEMALE' as PatientProfile['sex'],
      fractureAgeDays: 20,
      genantGrade: 2,
      ofClass: 'OF2' as PatientProfile['ofClass'],
      cause: 'OSTEOPOROTIC' as PatientProfile['cause'],
      levelRegion: 'THORACOLUMBAR' as PatientProfile['levelRegion'],
      baselineNrs: 8,
      baselineOdi: 60,
      asaClass: 2,
      activeCancer: false,
      ongoingCancerTherapy: false,
      preFractureMobility: 'INDEPENDENT' as PatientProfile['preFractureMobility'],
    },
  },
  { name: 'age and sex only', profile: { age: 84, sex: 'MALE' as PatientProfile['sex'] } },
  {
    name: 'metastasis',
    profile: {
      age: 66,
      sex: 'MALE' as PatientProfile['sex'],
      activeCancer: true,
      ongoingCancerTherapy: true,
      cause: 'METASTASIS' as PatientProfile['cause'],
      baselineNrs: 9,
    },
  },
];

const QUERY = `query($p: PatientProfileInput!) { patientsLikeThis(profile: $p) { perPath paths { path n widestStep
  pain { timePoint n mean lower upper belowFour { n events rate } } crossover { n events rate } newFracture { n events rate }
  death { n events rate } symptomaticComplication { n events rate } sameDayDischarge { n events rate } } } }`;

export async function benchSimilarPatients(api: ApiClient, token: string, floorDb: Sql, opts: TimingOptions): Promise<ResultRow[]> {
  const rows: ResultRow[] = [];
  for (const { name, profile } of PROFILES) {
    const t = await timeIt(() => api.gql(QUERY, { p: profile }, token), opts);
    const params = new SqlParams();
    const sql = matchedPatientsSql(profile, todayIso(), params);
    const f = await timeIt(async () => rowsOf(await floorDb.query(sql, params.values)), opts);
    const ratio = Math.round((t.median / f.median) * 100) / 100;
    rows.push({
      operation: `patientsLikeThis [${name}]`,
      medianMs: Math.round(t.median * 10) / 10,
      p95Ms: Math.round(t.p95 * 10) / 10,
      runs: t.runs,
      floorMs: Math.round(f.median * 10) / 10,
      ratio,
      target: `< ${TARGET_MS} ms`,
      met: t.median < TARGET_MS,
    });
    process.stdout.write(`  patientsLikeThis [${name}]: ${t.median.toFixed(0)} ms (floor ${f.median.toFixed(0)} ms)\n`);
  }
  return rows;
}
