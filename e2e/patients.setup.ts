import { BASE_URL, DEMO_PASSWORD } from './browser';

// Patients the end-to-end tests start from, recorded through the API as the dashboard's forms
// would record them: a test that is about finding, correcting or reading a record sets up its own,
// so that it can run alone (`npm run e2e -- e2e/<file>.e2e.ts -t "<name>"`) and in any order.

const day = (offset: number) => new Date(Date.now() + offset * 86400000).toISOString().slice(0, 10);
export const ONSET = day(-75);
export const TREATED = day(-65);
export const M1 = day(-35);

async function gql<T>(query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
  const res = await fetch(`${BASE_URL}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length || !body.data) throw new Error(`setting up the test failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** A token for a demo user, for the API calls below. */
export async function apiToken(email: string): Promise<string> {
  const r = await gql<{ login: { token: string } }>('mutation($i: LoginInput!) { login(input: $i) { token } }', { i: { email, password: DEMO_PASSWORD } });
  return r.login.token;
}

export interface RecordedPatient {
  id: string;
  registryNumber: string;
  familyName: string;
  url: string;
}

/**
 * A patient of the coordinator's site: Erika <familyName>, female, born 1943, consent given.
 * With `care`, also what the coordinator records on the first day: an L1 fracture (Genant 2, OF2,
 * no height loss), a kyphoplasty 65 days ago with 4.5 ml of cement, and its baseline and month-1
 * visits scored (so that the timeline draws).
 */
export async function recordPatient(token: string, familyName: string, options: { care?: boolean } = {}): Promise<RecordedPatient> {
  const { me } = await gql<{ me: { siteId: string } }>('query { me { siteId } }', {}, token);
  const { createPatient: patient } = await gql<{ createPatient: { id: string; registryNumber: string } }>(
    'mutation($i: CreatePatientInput!) { createPatient(input: $i) { id registryNumber } }',
    {
      i: {
        siteId: me.siteId,
        sex: 'FEMALE',
        birthYear: 1943,
        bmi: 22.4,
        consentStatus: 'GIVEN',
        identifiers: { mrn: `MRN-${familyName}`, familyName, givenName: 'Erika', dateOfBirth: '1943-06-15' },
      },
    },
    token,
  );
  if (options.care) {
    const { createFracture: fracture } = await gql<{ createFracture: { id: string } }>(
      'mutation($i: CreateFractureInput!) { createFracture(input: $i) { id } }',
      { i: { patientId: patient.id, level: 'L1', onsetDate: ONSET, cause: 'OSTEOPOROTIC', genantGrade: 2, ofClass: 'OF2' } },
      token,
    );
    const { createTreatment: treatment } = await gql<{ createTreatment: { id: string } }>(
      'mutation($i: CreateTreatmentInput!) { createTreatment(input: $i) { id } }',
      {
        i: {
          patientId: patient.id,
          kind: 'KYPHOPLASTY',
          startDate: TREATED,
          anaesthesia: 'SEDATION',
          approach: 'BIPEDICULAR',
          sameDayDischarge: true,
          lengthOfStayDays: 0,
          levels: [{ fractureId: fracture.id, cementVolumeMl: 4.5 }],
        },
      },
      token,
    );
    const visit = 'mutation($i: CreateAssessmentInput!) { createAssessment(input: $i) { id } }';
    await gql(
      visit,
      { i: { patientId: patient.id, treatmentId: treatment.id, timePoint: 'BASELINE', visitDate: TREATED, nrsRest: 7, nrsActivity: 9, odi: 64, rmdq: 17 } },
      token,
    );
    await gql(visit, { i: { patientId: patient.id, treatmentId: treatment.id, timePoint: 'M1', visitDate: M1, nrsRest: 2, nrsActivity: 3, odi: 22 } }, token);
  }
  return { ...patient, familyName, url: `${BASE_URL}/patients/${patient.id}` };
}
