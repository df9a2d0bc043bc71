import { ModulesContainer } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { PUBLIC_KEY, ROLES_KEY } from '@vfr/api-core';
import { ADMIN, COORD_NORTH, COORD_SOUTH, describeEachDatabase, HEAD_NORTH, RESEARCHER, rowCounts, TestApp } from '@vfr/api-testing';
import { DEMO_PASSWORD } from '@vfr/seed';

// The permission matrix: every operation of the schema, run by every role, against a record of
// the coordinator's own site (NORTH) and, for the coordinator of another site (SOUTH), the same
// record. Expected outcomes are written out here, independently of the @Roles declarations.

type Actor = 'admin' | 'coordinator' | 'otherSiteCoordinator' | 'researcher' | 'departmentHead';
type Outcome = 'ok' | 'forbidden' | 'hidden' | 'empty';

const EMAIL: Record<Actor, string> = {
  admin: ADMIN,
  coordinator: COORD_NORTH,
  otherSiteCoordinator: COORD_SOUTH,
  researcher: RESEARCHER,
  departmentHead: HEAD_NORTH,
};

interface Fixture {
  site: string;
  patient: string;
  treatment: string;
  admin: string;
  gqlAsAdmin: (q: string, v?: Record<string, unknown>) => Promise<any>;
  /** The owner's connection, for records no operation creates (data issues). */
  sql: (q: string, p?: unknown[]) => Promise<any[]>;
}

interface GqlRequest {
  query: string;
  variables?: Record<string, unknown>;
}

interface Operation {
  /** Builds the request, creating whatever fresh record it needs (as the admin): then it is async. */
  request: (f: Fixture, actor: Actor) => GqlRequest | Promise<GqlRequest>;
  expect: Record<Actor, Outcome>;
}

const all = (o: Outcome): Record<Actor, Outcome> => ({ admin: o, coordinator: o, otherSiteCoordinator: o, researcher: o, departmentHead: o });
const adminOnly: Record<Actor, Outcome> = {
  admin: 'ok',
  coordinator: 'forbidden',
  otherSiteCoordinator: 'forbidden',
  researcher: 'forbidden',
  departmentHead: 'forbidden',
};
const recordRead: Record<Actor, Outcome> = { admin: 'ok', coordinator: 'ok', otherSiteCoordinator: 'hidden', researcher: 'ok', departmentHead: 'forbidden' };
const recordWrite: Record<Actor, Outcome> = {
  admin: 'ok',
  coordinator: 'ok',
  otherSiteCoordinator: 'hidden',
  researcher: 'forbidden',
  departmentHead: 'forbidden',
};

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`.toUpperCase();

async function freshFracture(f: Fixture): Promise<{ id: string }> {
  const levels = ['T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9'];
  const patient = await freshPatient(f);
  const r = await f.gqlAsAdmin(`mutation($i: CreateFractureInput!) { createFracture(input: $i) { id } }`, {
    i: { patientId: patient.id, level: levels[counter++ % levels.length], onsetDate: '2024-01-10', cause: 'OSTEOPOROTIC', genantGrade: 2 },
  });
  return { id: r.data.createFracture.id };
}
async function freshPatient(f: Fixture): Promise<{ id: string }> {
  const r = await f.gqlAsAdmin(`mutation($i: CreatePatientInput!) { createPatient(input: $i) { id } }`, {
    i: { siteId: f.site, sex: 'FEMALE', birthYear: 1945, consentStatus: 'GIVEN' },
  });
  return { id: r.data.createPatient.id };
}
async function freshTreatment(f: Fixture): Promise<{ id: string; patientId: string }> {
  const fr = await freshFracture(f);
  const [{ patient_id }] = await f.gqlAsAdmin
    .call(null, `query($id: ID!) { fracture(id: $id) { patientId } }`, { id: fr.id })
    .then((r: any) => [{ patient_id: r.data.fracture.patientId }]);
  const r = await f.gqlAsAdmin(`mutation($i: CreateTreatmentInput!) { createTreatment(input: $i) { id } }`, {
    i: { patientId: patient_id, kind: 'CONSERVATIVE', startDate: '2024-02-01', levels: [{ fractureId: fr.id }] },
  });
  return { id: r.data.createTreatment.id, patientId: patient_id };
}
async function freshVisit(f: Fixture): Promise<{ id: string }> {
  const t = await freshTreatment(f);
  const r = await f.gqlAsAdmin(`mutation($i: CreateAssessmentInput!) { createAssessment(input: $i) { id } }`, {
    i: { patientId: t.patientId, treatmentId: t.id, timePoint: 'M1', visitDate: '2024-03-01', nrsRest: 4 },
  });
  return { id: r.data.createAssessment.id };
}
/** A questionnaire link for the M1 visit of a treatment begun 30 days ago (its window open today), answered when asked. */
async function freshQuestionnaire(f: Fixture, answered = false): Promise<{ id: string; version: number; patientId: string }> {
  const patient = await freshPatient(f);
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const fr = await f.gqlAsAdmin(`mutation($i: CreateFractureInput!) { createFracture(input: $i) { id } }`, {
    i: { patientId: patient.id, level: 'L2', onsetDate: day(-40), cause: 'OSTEOPOROTIC', genantGrade: 2 },
  });
  const tr = await f.gqlAsAdmin(`mutation($i: CreateTreatmentInput!) { createTreatment(input: $i) { id } }`, {
    i: { patientId: patient.id, kind: 'CONSERVATIVE', startDate: day(-30), levels: [{ fractureId: fr.data.createFracture.id }] },
  });
  const r = await f.gqlAsAdmin(`mutation($i: IssueQuestionnaireLinkInput!) { issueQuestionnaireLink(input: $i) { invitation { id version } } }`, {
    i: { patientId: patient.id, treatmentId: tr.data.createTreatment.id, timePoint: 'M1' },
  });
  const { id, version } = r.data.issueQuestionnaireLink.invitation;
  if (answered) {
    const answers = { nrsRest: 3, nrsActivity: 4, odiItems: null, rmdqItems: Array(24).fill(false), eq5dLevels: null, eq5dVas: null };
    await f.sql(`UPDATE questionnaire_invitation SET answered_at = now(), respondent = 'PATIENT', answers = $2, version = version + 1 WHERE id = $1`, [
      id,
      JSON.stringify(answers),
    ]);
    return { id, version: version + 1, patientId: patient.id };
  }
  return { id, version, patientId: patient.id };
}
async function freshComplication(f: Fixture): Promise<{ id: string }> {
  const t = await freshTreatment(f);
  const r = await f.gqlAsAdmin(`mutation($i: CreateComplicationInput!) { createComplication(input: $i) { id } }`, {
    i: { patientId: t.patientId, treatmentId: t.id, occurredOn: '2024-02-10', kind: 'HAEMATOMA' },
  });
  return { id: r.data.createComplication.id };
}

async function freshDeath(f: Fixture): Promise<{ id: string }> {
  const t = await freshTreatment(f);
  const r = await f.gqlAsAdmin(`mutation($i: RecordDeathInput!) { recordDeath(input: $i) { id } }`, {
    i: { patientId: t.patientId, diedOn: '2024-06-01', cause: 'CARDIOVASCULAR', source: 'HOSPITAL_RECORD' },
  });
  return r.data.recordDeath;
}
const withdraw = (mutation: string, make: (f: Fixture) => Promise<{ id: string }>): Operation => ({
  request: async (f) => ({
    query: `mutation($i: WithdrawInput!) { ${mutation}(input: $i) { id } }`,
    variables: { i: { id: (await make(f)).id, version: 1, reason: 'matrix test' } },
  }),
  expect: recordWrite,
});
const readById = (query: string, make: (f: Fixture) => Promise<{ id: string }>): Operation => ({
  request: async (f) => ({ query: `query($id: ID!) { ${query}(id: $id) { id } }`, variables: { id: (await make(f)).id } }),
  expect: recordRead,
});

const OPERATIONS: Record<string, Operation> = {
  // Queries
  me: { request: () => ({ query: '{ me { email } }' }), expect: all('ok') },
  sites: { request: () => ({ query: '{ sites { id } }' }), expect: all('ok') },
  site: { request: (f) => ({ query: 'query($id: ID!) { site(id: $id) { id } }', variables: { id: f.site } }), expect: all('ok') },
  users: { request: () => ({ query: '{ users { id } }' }), expect: adminOnly },
  user: { request: (f) => ({ query: 'query($id: ID!) { user(id: $id) { id } }', variables: { id: f.admin } }), expect: adminOnly },
  patients: {
    request: () => ({ query: '{ patients(first: 100) { edges { node { site { code } } } } }' }),
    expect: { admin: 'ok', coordinator: 'ok', otherSiteCoordinator: 'ok', researcher: 'ok', departmentHead: 'forbidden' },
  },
  patient: { request: (f) => ({ query: 'query($id: ID!) { patient(id: $id) { id } }', variables: { id: f.patient } }), expect: recordRead },
  similarPatients: {
    request: (f) => ({
      query: 'query($i: SimilarPatientsInput!) { similarPatients(input: $i) { id } }',
      variables: { i: { siteId: f.site, familyName: 'Nobody-Such', givenName: 'Ann', dateOfBirth: '1901-01-01' } },
    }),
    expect: { admin: 'ok', coordinator: 'ok', otherSiteCoordinator: 'forbidden', researcher: 'forbidden', departmentHead: 'forbidden' },
  },
  fracture: readById('fracture', freshFracture),
  treatment: readById('treatment', freshTreatment),
  assessment: readById('assessment', freshVisit),
  complication: readById('complication', freshComplication),
  auditTrail: {
    request: async (f) => ({
      query: 'query($id: ID!) { auditTrail(entityType: "Patient", entityId: $id) { action } }',
      variables: { id: (await freshPatient(f)).id },
    }),
    expect: { admin: 'ok', coordinator: 'ok', otherSiteCoordinator: 'empty', researcher: 'forbidden', departmentHead: 'forbidden' },
  },
  auditLog: { request: () => ({ query: '{ auditLog(first: 5) { id } }' }), expect: adminOnly },
  worklist: {
    request: () => ({ query: '{ worklist(first: 5) { totalCount } }' }),
    expect: { admin: 'ok', coordinator: 'ok', otherSiteCoordinator: 'ok', researcher: 'forbidden', departmentHead: 'forbidden' },
  },
  cohortSize: { request: () => ({ query: '{ cohortSize { total } }' }), expect: all('ok') },
  outcomeTrajectory: { request: () => ({ query: '{ outcomeTrajectory { group n } }' }), expect: all('ok') },
  radiographicFollowUp: { request: () => ({ query: '{ radiographicFollowUp { group kyphoticAngle { n } } }' }), expect: all('ok') },
  responderRates: { request: () => ({ query: '{ responderRates { group n } }' }), expect: all('ok') },
  complicationRates: { request: () => ({ query: '{ complicationRates { group n } }' }), expect: all('ok') },
  survival: { request: () => ({ query: '{ survival { logRankP } }' }), expect: all('ok') },
  eq5dValueSet: {
    request: () => ({ query: '{ eq5dValueSet }' }),
    expect: { admin: 'ok', coordinator: 'ok', otherSiteCoordinator: 'ok', researcher: 'forbidden', departmentHead: 'forbidden' },
  },
  newFracturesByLevel: { request: () => ({ query: '{ newFracturesByLevel { group category n } }' }), expect: all('ok') },
  newFracturesByAdjacency: { request: () => ({ query: '{ newFracturesByAdjacency { group category n } }' }), expect: all('ok') },
  imagingRates: { request: () => ({ query: '{ imagingRates { group category n } }' }), expect: all('ok') },
  competingRisks: { request: () => ({ query: '{ competingRisks { tests { p } } }' }), expect: all('ok') },
  adjustedComparison: { request: () => ({ query: '{ adjustedComparison { n } }' }), expect: all('ok') },
  adjustedNewFractureComparison: { request: () => ({ query: '{ adjustedNewFractureComparison { n } }' }), expect: all('ok') },
  characteristicsTable: { request: () => ({ query: '{ characteristicsTable { variable } }' }), expect: all('ok') },
  treatmentVolumes: { request: () => ({ query: '{ treatmentVolumes { period bins { period } } }' }), expect: all('ok') },
  discharge: { request: () => ({ query: '{ discharge { kind } }' }), expect: all('ok') },
  readmissions: { request: () => ({ query: '{ readmissions { kind } }' }), expect: all('ok') },
  funnelPlot: { request: () => ({ query: '{ funnelPlot { registryRate } }' }), expect: all('ok') },
  patientsLikeThis: { request: () => ({ query: '{ patientsLikeThis(profile: { age: 80, sex: FEMALE }) { perPath } }' }), expect: all('ok') },
  patientProfile: {
    request: (f) => ({ query: 'query($id: ID!) { patientProfile(patientId: $id) { age } }', variables: { id: f.patient } }),
    expect: { admin: 'ok', coordinator: 'ok', otherSiteCoordinator: 'hidden', researcher: 'forbidden', departmentHead: 'forbidden' },
  },
  headlineFigures: { request: () => ({ query: '{ headlineFigures { figure n } }' }), expect: all('ok') },
  savedCohorts: { request: () => ({ query: '{ savedCohorts { id } }' }), expect: all('ok') },
  saveCohort: {
    request: () => ({
      query: 'mutation($i: SaveCohortInput!) { saveCohort(input: $i) { id } }',
      variables: { i: { name: `Cohort ${unique()}`, filter: { ageMin: 70 }, shared: false } },
    }),
    expect: all('ok'),
  },
  updateSavedCohort: {
    request: async (f) => {
      const r = await f.gqlAsAdmin('mutation($i: SaveCohortInput!) { saveCohort(input: $i) { id } }', {
        i: { name: `Shared ${unique()}`, filter: {}, shared: true },
      });
      return {
        query: 'mutation($i: UpdateSavedCohortInput!) { updateSavedCohort(input: $i) { id } }',
        variables: { i: { id: r.data.saveCohort.id, version: 1, name: `Renamed ${unique()}` } },
      };
    },
    // Only the owner (here the admin) may change a shared cohort.
    expect: { admin: 'ok', coordinator: 'forbidden', otherSiteCoordinator: 'forbidden', researcher: 'forbidden', departmentHead: 'forbidden' },
  },
  withdrawSavedCohort: {
    request: async (f) => {
      const r = await f.gqlAsAdmin('mutation($i: SaveCohortInput!) { saveCohort(input: $i) { id } }', {
        i: { name: `Private ${unique()}`, filter: {}, shared: false },
      });
      return {
        query: 'mutation($i: WithdrawInput!) { withdrawSavedCohort(input: $i) { id } }',
        variables: { i: { id: r.data.saveCohort.id, version: 1, reason: 'matrix' } },
      };
    },
    // Someone else's private cohort does not exist for them.
    expect: { admin: 'ok', coordinator: 'hidden', otherSiteCoordinator: 'hidden', researcher: 'hidden', departmentHead: 'hidden' },
  },
  dataIssues: {
    request: () => ({ query: '{ dataIssues(first: 5) { totalCount } }' }),
    expect: { admin: 'ok', coordinator: 'ok', otherSiteCoordinator: 'ok', researcher: 'forbidden', departmentHead: 'forbidden' },
  },
  followUpCompleteness: {
    request: () => ({ query: '{ followUpCompleteness { siteCode expected } }' }),
    expect: { admin: 'ok', coordinator: 'ok', otherSiteCoordinator: 'ok', researcher: 'forbidden', departmentHead: 'ok' },
  },
  // Mutations
  login: {
    request: (_f, actor) => ({
      query: 'mutation($i: LoginInput!) { login(input: $i) { token } }',
      variables: { i: { email: EMAIL[actor], password: DEMO_PASSWORD } },
    }),
    expect: all('ok'),
  },
  createSite: {
    request: () => ({
      query: 'mutation($i: CreateSiteInput!) { createSite(input: $i) { id } }',
      variables: { i: { code: `S${unique()}`.slice(0, 16), name: 'Matrix' } },
    }),
    expect: adminOnly,
  },
  updateSite: {
    request: async (f) => {
      const r = await f.gqlAsAdmin('mutation($i: CreateSiteInput!) { createSite(input: $i) { id } }', {
        i: { code: `U${unique()}`.slice(0, 16), name: 'Matrix' },
      });
      return {
        query: 'mutation($i: UpdateSiteInput!) { updateSite(input: $i) { id } }',
        variables: { i: { id: r.data.createSite.id, version: 1, name: 'Renamed' } },
      };
    },
    expect: adminOnly,
  },
  createUser: {
    request: () => ({
      query: 'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }',
      variables: { i: { email: `${unique().toLowerCase()}@matrix.test`, displayName: 'M', role: 'RESEARCHER', password: 'a-long-password' } },
    }),
    expect: adminOnly,
  },
  updateUser: {
    request: async (f) => {
      const r = await f.gqlAsAdmin('mutation($i: CreateUserInput!) { createUser(input: $i) { id } }', {
        i: { email: `${unique().toLowerCase()}@matrix.test`, displayName: 'M', role: 'RESEARCHER', password: 'a-long-password' },
      });
      return {
        query: 'mutation($i: UpdateUserInput!) { updateUser(input: $i) { id } }',
        variables: { i: { id: r.data.createUser.id, version: 1, displayName: 'Changed' } },
      };
    },
    expect: adminOnly,
  },
  resetPassword: {
    request: async (f) => {
      const r = await f.gqlAsAdmin('mutation($i: CreateUserInput!) { createUser(input: $i) { id } }', {
        i: { email: `${unique().toLowerCase()}@matrix.test`, displayName: 'M', role: 'RESEARCHER', password: 'a-long-password' },
      });
      return {
        query: 'mutation($i: ResetPasswordInput!) { resetPassword(input: $i) { temporaryPassword } }',
        variables: { i: { id: r.data.createUser.id, reason: 'forgotten' } },
      };
    },
    expect: adminOnly,
  },
  // A fresh token for the same session: every role, its own.
  refreshSession: { request: () => ({ query: 'mutation { refreshSession { token expiresAt sessionEndsAt } }' }), expect: all('ok') },
  createPatient: {
    request: (f) => ({
      query: 'mutation($i: CreatePatientInput!) { createPatient(input: $i) { id } }',
      variables: { i: { siteId: f.site, sex: 'MALE', birthYear: 1950 } },
    }),
    expect: { ...recordWrite, otherSiteCoordinator: 'forbidden' },
  },
  updatePatient: {
    request: async (f) => ({
      query: 'mutation($i: UpdatePatientInput!) { updatePatient(input: $i) { id } }',
      variables: { i: { id: (await freshPatient(f)).id, version: 1, bmi: 23 } },
    }),
    expect: recordWrite,
  },
  withdrawPatient: withdraw('withdrawPatient', freshPatient),
  createFracture: {
    request: async (f) => ({
      query: 'mutation($i: CreateFractureInput!) { createFracture(input: $i) { id } }',
      variables: { i: { patientId: (await freshPatient(f)).id, level: 'L3', onsetDate: '2024-01-01', cause: 'OSTEOPOROTIC', genantGrade: 1 } },
    }),
    expect: recordWrite,
  },
  updateFracture: {
    request: async (f) => ({
      query: 'mutation($i: UpdateFractureInput!) { updateFracture(input: $i) { id } }',
      variables: { i: { id: (await freshFracture(f)).id, version: 1, genantGrade: 3 } },
    }),
    expect: recordWrite,
  },
  withdrawFracture: withdraw('withdrawFracture', freshFracture),
  createTreatment: {
    request: async (f) => {
      const fr = await freshFracture(f);
      const patientId = (await f.gqlAsAdmin('query($id: ID!) { fracture(id: $id) { patientId } }', { id: fr.id })).data.fracture.patientId;
      return {
        query: 'mutation($i: CreateTreatmentInput!) { createTreatment(input: $i) { id } }',
        variables: { i: { patientId, kind: 'CONSERVATIVE', startDate: '2024-02-01', levels: [{ fractureId: fr.id }] } },
      };
    },
    expect: recordWrite,
  },
  updateTreatment: {
    request: async (f) => ({
      query: 'mutation($i: UpdateTreatmentInput!) { updateTreatment(input: $i) { id } }',
      variables: { i: { id: (await freshTreatment(f)).id, version: 1, brace: true } },
    }),
    expect: recordWrite,
  },
  withdrawTreatment: withdraw('withdrawTreatment', freshTreatment),
  createAssessment: {
    request: async (f) => {
      const t = await freshTreatment(f);
      return {
        query: 'mutation($i: CreateAssessmentInput!) { createAssessment(input: $i) { id } }',
        variables: { i: { patientId: t.patientId, treatmentId: t.id, timePoint: 'W1', visitDate: '2024-02-08', nrsRest: 6 } },
      };
    },
    expect: recordWrite,
  },
  updateAssessment: {
    request: async (f) => ({
      query: 'mutation($i: UpdateAssessmentInput!) { updateAssessment(input: $i) { id } }',
      variables: { i: { id: (await freshVisit(f)).id, version: 1, nrsRest: 2 } },
    }),
    expect: recordWrite,
  },
  withdrawAssessment: withdraw('withdrawAssessment', freshVisit),
  markVisitsMissed: {
    request: async (f) => {
      const t = await freshTreatment(f);
      return {
        query: 'mutation($i: MarkVisitsMissedInput!) { markVisitsMissed(input: $i) { id } }',
        variables: { i: { visits: [{ patientId: t.patientId, treatmentId: t.id, timePoint: 'M1' }], reason: 'NOT_REACHED' } },
      };
    },
    expect: recordWrite,
  },
  createComplication: {
    request: async (f) => {
      const t = await freshTreatment(f);
      return {
        query: 'mutation($i: CreateComplicationInput!) { createComplication(input: $i) { id } }',
        variables: { i: { patientId: t.patientId, treatmentId: t.id, occurredOn: '2024-02-05', kind: 'INFECTION' } },
      };
    },
    expect: recordWrite,
  },
  updateComplication: {
    request: async (f) => ({
      query: 'mutation($i: UpdateComplicationInput!) { updateComplication(input: $i) { id } }',
      variables: { i: { id: (await freshComplication(f)).id, version: 1, resolved: true } },
    }),
    expect: recordWrite,
  },
  withdrawComplication: withdraw('withdrawComplication', freshComplication),
  death: readById('death', freshDeath),
  recordDeath: {
    request: async (f) => {
      const t = await freshTreatment(f);
      return {
        query: 'mutation($i: RecordDeathInput!) { recordDeath(input: $i) { id } }',
        variables: { i: { patientId: t.patientId, diedOn: '2024-05-01', cause: 'UNKNOWN', source: 'FAMILY' } },
      };
    },
    expect: recordWrite,
  },
  updateDeath: {
    request: async (f) => ({
      query: 'mutation($i: UpdateDeathInput!) { updateDeath(input: $i) { id } }',
      variables: { i: { id: (await freshDeath(f)).id, version: 1, source: 'DEATH_REGISTRY' } },
    }),
    expect: recordWrite,
  },
  withdrawDeath: withdraw('withdrawDeath', freshDeath),
  resolveDataIssue: {
    request: async (f) => {
      const [issue] = await f.sql(
        `INSERT INTO data_issue (found_by, rule, table_name, patient_id, site_id, detail) VALUES ('matrix', 'visit.outside_window', 'assessment', $1, $2, 'matrix') RETURNING id::text AS id`,
        [f.patient, f.site],
      );
      return { query: 'mutation($i: ResolveDataIssueInput!) { resolveDataIssue(input: $i) { id } }', variables: { i: { id: issue.id, resolution: 'matrix' } } };
    },
    expect: recordWrite,
  },
  questionnaireEmail: {
    request: () => ({ query: '{ questionnaireEmail }' }),
    expect: { admin: 'ok', coordinator: 'ok', otherSiteCoordinator: 'ok', researcher: 'forbidden', departmentHead: 'forbidden' },
  },
  questionnaireInvitations: {
    request: async (f) => ({
      query: 'query($p: ID) { questionnaireInvitations(patientId: $p) { id } }',
      variables: { p: (await freshQuestionnaire(f)).patientId },
    }),
    expect: { admin: 'ok', coordinator: 'ok', otherSiteCoordinator: 'empty', researcher: 'forbidden', departmentHead: 'forbidden' },
  },
  issueQuestionnaireLink: {
    request: async (f) => {
      const q = await freshQuestionnaire(f);
      const [row] = await f.sql(`SELECT treatment_id FROM questionnaire_invitation WHERE id = $1`, [q.id]);
      return {
        query: 'mutation($i: IssueQuestionnaireLinkInput!) { issueQuestionnaireLink(input: $i) { url } }',
        variables: { i: { patientId: q.patientId, treatmentId: row.treatment_id, timePoint: 'M1' } },
      };
    },
    expect: recordWrite,
  },
  revokeQuestionnaireLink: {
    request: async (f) => {
      const q = await freshQuestionnaire(f);
      return {
        query: 'mutation($i: RevokeQuestionnaireLinkInput!) { revokeQuestionnaireLink(input: $i) { id } }',
        variables: { i: { id: q.id, version: q.version } },
      };
    },
    expect: recordWrite,
  },
  confirmQuestionnaireAnswers: {
    request: async (f) => {
      const q = await freshQuestionnaire(f, true);
      return {
        query: 'mutation($i: ConfirmQuestionnaireInput!) { confirmQuestionnaireAnswers(input: $i) { id } }',
        variables: { i: { id: q.id, version: q.version } },
      };
    },
    expect: recordWrite,
  },
  // Last: signing out ends every session of the user, including the tokens the tests above reuse.
  logout: { request: () => ({ query: 'mutation { logout }' }), expect: all('ok') },
  // Also last: every role changes its own password, which ends its sessions too.
  changePassword: {
    request: () => ({
      query: 'mutation($i: ChangePasswordInput!) { changePassword(input: $i) { token } }',
      variables: { i: { currentPassword: DEMO_PASSWORD, newPassword: `matrix walks ${unique()} bridges` } },
    }),
    expect: all('ok'),
  },
};

describeEachDatabase('the permission matrix', (t) => {
  let f: Fixture;

  beforeAll(async () => {
    const [site] = await t().db.dataSource.query(`SELECT id FROM site WHERE code = 'NORTH'`);
    const [patient] = await t().db.dataSource.query(`SELECT id FROM patient WHERE site_id = $1 LIMIT 1`, [site.id]);
    const [treatment] = await t().db.dataSource.query(`SELECT id FROM treatment WHERE patient_id = $1 LIMIT 1`, [patient.id]);
    const [admin] = await t().db.dataSource.query(`SELECT id FROM app_user WHERE email = $1`, [ADMIN]);
    const adminToken = await t().login(ADMIN);
    f = {
      site: site.id,
      patient: patient.id,
      treatment: treatment.id,
      admin: admin.id,
      gqlAsAdmin: (q, v) => t().gql(q, v, adminToken),
      sql: (q, p) => t().db.dataSource.query(q, p),
    };
  });

  it('covers every query and mutation of the schema', () => {
    const schema = t().app.get(GraphQLSchemaHost).schema;
    const operations = [...Object.keys(schema.getQueryType()!.getFields()), ...Object.keys(schema.getMutationType()!.getFields())];
    expect(Object.keys(OPERATIONS).sort()).toEqual(operations.sort());
  });

  it('finds @Roles or @Public on every resolver of a query or mutation (fail closed otherwise)', () => {
    const undeclared: string[] = [];
    let found = 0;
    for (const module of t().app.get(ModulesContainer).values()) {
      for (const wrapper of module.providers.values()) {
        const proto = wrapper.metatype && (wrapper.metatype as { prototype?: object }).prototype;
        if (!proto) continue;
        for (const name of Object.getOwnPropertyNames(proto)) {
          // Read descriptors: touching getters on framework prototypes would run them.
          const method = Object.getOwnPropertyDescriptor(proto, name)?.value;
          if (typeof method !== 'function') continue;
          const kind = Reflect.getMetadata('graphql:resolver_type', method);
          if (kind !== 'Query' && kind !== 'Mutation') continue;
          found++;
          const roles = Reflect.getMetadata(ROLES_KEY, method) ?? Reflect.getMetadata(ROLES_KEY, wrapper.metatype as object);
          if (!(roles?.length > 0) && !Reflect.getMetadata(PUBLIC_KEY, method)) undeclared.push(`${(wrapper.metatype as { name: string }).name}.${name}`);
        }
      }
    }
    expect(undeclared).toEqual([]);
    expect(found).toBe(Object.keys(OPERATIONS).length);
  });

  const actors = Object.keys(EMAIL) as Actor[];
  for (const [operation, spec] of Object.entries(OPERATIONS)) {
    for (const actor of actors) {
      const outcome = spec.expect[actor];
      it(`${operation} as ${actor}: ${outcome}`, async () => {
        const request = await spec.request(f, actor);
        // logout ends the session: give it a token of its own.
        const token =
          operation === 'logout' || operation === 'changePassword'
            ? await signIn(t(), EMAIL[actor])
            : operation === 'login'
              ? undefined
              : await t().login(EMAIL[actor]);
        const before = await rowCounts(t().db);
        const r = await t().gql(request.query, request.variables, token);
        if (outcome === 'ok' || outcome === 'empty') {
          expect(r.errors).toBeUndefined();
          const value = r.data![operation];
          if (outcome === 'empty') expect(value).toEqual([]);
          if (operation === 'patients' && actor === 'otherSiteCoordinator') {
            expect(value.edges.every((e: any) => e.node.site.code === 'SOUTH')).toBe(true);
          }
        } else {
          expect(r.errors).toHaveLength(1);
          expect(r.errors![0].extensions!.code).toBe(outcome === 'forbidden' ? 'FORBIDDEN' : 'NOT_FOUND');
          expect(r.data?.[operation] ?? null).toBeNull();
          expect(await rowCounts(t().db)).toEqual(before);
        }
      });
    }
  }
});

async function signIn(t: TestApp, email: string): Promise<string> {
  const r = await t.gql<{ login: { token: string } }>('mutation($i: LoginInput!) { login(input: $i) { token } }', { i: { email, password: DEMO_PASSWORD } });
  return r.data!.login.token;
}
