import { ADMIN, COORD_NORTH, describeEachDatabase } from '@vfr/api-testing';

const LOG = `query($first: Int!, $before: ID, $entityType: String, $action: AuditAction, $actorEmail: String) {
  auditLog(first: $first, before: $before, entityType: $entityType, action: $action, actorEmail: $actorEmail) { id entityType entityId action actorEmail }
}`;

interface Event {
  id: string;
  entityType: string;
  entityId: string;
  action: string;
  actorEmail: string | null;
}

describeEachDatabase('filtering the audit log', (t) => {
  let patientId: string;
  let fractureId: string;

  beforeAll(async () => {
    const token = await t().login(COORD_NORTH);
    const [{ id: siteId }] = await t().db.dataSource.query(`SELECT id FROM site WHERE code = 'NORTH'`);
    patientId = (await t().gql('mutation($i: CreatePatientInput!) { createPatient(input: $i) { id } }', { i: { siteId, sex: 'MALE', birthYear: 1948 } }, token))
      .data!.createPatient.id;
    const fracture = await t().gql(
      'mutation($i: CreateFractureInput!) { createFracture(input: $i) { id version } }',
      { i: { patientId, level: 'T8', onsetDate: '2025-01-02', cause: 'OSTEOPOROTIC', genantGrade: 1 } },
      token,
    );
    fractureId = fracture.data!.createFracture.id;
    await t().gql('mutation($i: UpdateFractureInput!) { updateFracture(input: $i) { id } }', { i: { id: fractureId, version: 1, genantGrade: 2 } }, token);
  });

  const log = async (vars: Record<string, unknown>) => {
    const r = await t().gql<{ auditLog: Event[] }>(LOG, { first: 100, ...vars }, await t().login(ADMIN));
    expect(r.errors).toBeUndefined();
    return r.data!.auditLog;
  };

  it("narrows by entity type, action and the beginning of the actor's email, combined", async () => {
    const fractures = await log({ entityType: 'Fracture', actorEmail: 'coordinator.north' });
    expect(fractures.length).toBeGreaterThanOrEqual(2);
    expect(new Set(fractures.map((e) => e.entityType))).toEqual(new Set(['Fracture']));
    expect(fractures.every((e) => e.actorEmail === COORD_NORTH)).toBe(true);
    expect(fractures.filter((e) => e.entityId === fractureId).map((e) => e.action)).toEqual(['UPDATE', 'CREATE']);
    const updates = await log({ entityType: 'Fracture', action: 'UPDATE' });
    expect(updates.map((e) => e.entityId)).toContain(fractureId);
    expect(updates.every((e) => e.action === 'UPDATE')).toBe(true);
    expect((await log({ entityType: 'Patient', action: 'CREATE' })).map((e) => e.entityId)).toContain(patientId);
    expect(await log({ actorEmail: 'coordinator.south' })).toEqual(expect.not.arrayContaining([expect.objectContaining({ entityId: fractureId })]));
    // A LIKE wildcard is taken literally.
    expect(await log({ actorEmail: '%' })).toEqual([]);
  });

  it('pages a filtered log with before', async () => {
    const all = await log({ entityType: 'Fracture' });
    const [first] = await log({ entityType: 'Fracture', first: 1 });
    const rest = await log({ entityType: 'Fracture', before: first.id });
    expect([first, ...rest]).toEqual(all);
  });
});
