import { parse } from 'csv-parse/sync';
import { DataSource } from 'typeorm';
import { ADMIN, COORD_NORTH, describeEachDatabase, http } from '@vfr/api-testing';

const LOG = `query($first: Int!, $entityType: String, $actorEmail: String, $from: String, $to: String) {
  auditLog(first: $first, entityType: $entityType, actorEmail: $actorEmail, from: $from, to: $to) {
    id occurredAt entityType entityId action actorId actorEmail after names { id kind name }
  }
}`;

interface Event {
  id: string;
  occurredAt: string;
  entityType: string;
  entityId: string;
  action: string;
  actorId: string | null;
  actorEmail: string | null;
  after: Record<string, unknown> | null;
  names: { id: string; kind: string; name: string }[];
}

// The audit log as an admin reads it: ids named (registry numbers, emails, site codes) for a
// whole page in one statement, whole UTC days from and to, and the CSV of exactly the filtered
// events, which is itself audited as an export.
describeEachDatabase('the audit log: names, date range and CSV export', (t) => {
  let admin: string;
  let patientId: string;
  let fractureId: string;

  const log = async (vars: Record<string, unknown>) => {
    const r = await t().gql<{ auditLog: Event[] }>(LOG, { first: 500, ...vars }, admin);
    expect(r.errors).toBeUndefined();
    return r.data!.auditLog;
  };

  beforeAll(async () => {
    admin = await t().login(ADMIN);
    const token = await t().login(COORD_NORTH);
    const [{ id: siteId }] = await t().db.dataSource.query(`SELECT id FROM site WHERE code = 'NORTH'`);
    patientId = (
      await t().gql(
        'mutation($i: CreatePatientInput!) { createPatient(input: $i) { id } }',
        { i: { siteId, registryNumber: 'NORTH-AUD-1', sex: 'MALE', birthYear: 1948 } },
        token,
      )
    ).data!.createPatient.id;
    fractureId = (
      await t().gql(
        'mutation($i: CreateFractureInput!) { createFracture(input: $i) { id } }',
        { i: { patientId, level: 'T9', onsetDate: '2025-01-02', cause: 'OSTEOPOROTIC', genantGrade: 1 } },
        token,
      )
    ).data!.createFracture.id;
    // Events on both sides of each end of 2020-03-01 to 2020-03-02 (UTC).
    const at = ['2020-02-29T23:59:59.999Z', '2020-03-01T00:00:00.000Z', '2020-03-02T23:59:59.999Z', '2020-03-03T00:00:00.000Z'];
    for (const [i, when] of at.entries()) {
      await t().db.dataSource.query(
        `INSERT INTO audit_event (occurred_at, actor_email, entity_type, entity_id, action, reason) VALUES ($1, 'range@example.org', 'RangeTest', $2, 'UPDATE', 'range')`,
        [when, `event-${i}`],
      );
    }
  });

  it('names the patient by registry number, the user by email and the site by code', async () => {
    const events = await log({ entityType: 'Fracture', actorEmail: COORD_NORTH });
    const created = events.find((e) => e.entityId === fractureId && e.action === 'CREATE')!;
    expect(created.after).toMatchObject({ patientId });
    const [{ id: coordinatorId }] = await t().db.dataSource.query(`SELECT id FROM app_user WHERE email = $1`, [COORD_NORTH]);
    expect(created.names).toEqual(
      expect.arrayContaining([
        { id: fractureId, kind: 'Fracture', name: 'NORTH-AUD-1 T9' },
        { id: patientId, kind: 'Patient', name: 'NORTH-AUD-1' },
        { id: coordinatorId, kind: 'User', name: COORD_NORTH },
        { id: expect.any(String), kind: 'Site', name: 'NORTH' },
      ]),
    );
  });

  it('names a whole page of events in one statement (not one per event)', async () => {
    const api = t().app.get(DataSource);
    const spy = jest.spyOn(api, 'query');
    try {
      const events = await log({});
      expect(events.length).toBeGreaterThan(5);
      expect(events.filter((e) => e.names.length > 0).length).toBeGreaterThan(3);
      expect(spy.mock.calls.filter(([sql]) => String(sql).includes('UNION ALL'))).toHaveLength(1);
    } finally {
      spy.mockRestore();
    }
  });

  it('filters by whole UTC days, both ends included', async () => {
    const ids = async (vars: Record<string, unknown>) => (await log({ entityType: 'RangeTest', ...vars })).map((e) => e.entityId).sort();
    expect(await ids({ from: '2020-03-01', to: '2020-03-02' })).toEqual(['event-1', 'event-2']);
    expect(await ids({ from: '2020-03-01', to: '2020-03-01' })).toEqual(['event-1']);
    expect(await ids({ from: '2020-03-03' })).toEqual(['event-3']);
    expect(await ids({ to: '2020-02-29' })).toEqual(['event-0']);
    expect(await ids({})).toEqual(['event-0', 'event-1', 'event-2', 'event-3']);
    const bad = await t().gql(LOG, { first: 10, from: '2020-03-02', to: '2020-03-01' }, admin);
    expect(bad.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(bad.errors![0].message).toMatch(/to \(2020-03-01\) must not be before from \(2020-03-02\)/);
    const notDate = await t().gql(LOG, { first: 10, from: '2020-02-30' }, admin);
    expect(notDate.errors![0].message).toMatch(/from must be a calendar date/);
  });

  it('exports exactly the filtered events as CSV, with names, and audits the export', async () => {
    const filter = { entityType: 'Fracture', actorEmail: 'coordinator.north' };
    const expected = await log(filter);
    const r = await http(t(), `/api/audit-log.csv?${new URLSearchParams(filter)}`, admin);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^text\/csv/);
    const rows = parse<Record<string, string>>(r.text, { columns: true });
    expect(rows.map((row) => row.id)).toEqual(expected.map((e) => e.id));
    const created = rows.find((row) => row.record_id === fractureId && row.action === 'CREATE')!;
    expect(created).toMatchObject({ user: COORD_NORTH, record_type: 'Fracture', record: 'NORTH-AUD-1 T9' });
    expect(created.names).toContain(`Patient ${patientId} = NORTH-AUD-1`);

    const ranged = parse<Record<string, string>>((await http(t(), '/api/audit-log.csv?entityType=RangeTest&from=2020-03-01&to=2020-03-02', admin)).text, {
      columns: true,
    });
    expect(ranged.map((row) => row.record_id)).toEqual(['event-2', 'event-1']);

    const [audited] = await log({ entityType: 'Export', actorEmail: ADMIN });
    expect(audited).toMatchObject({
      action: 'EXPORT',
      entityId: 'audit-log',
      after: { filter: { entityType: 'RangeTest', from: '2020-03-01', to: '2020-03-02' } },
    });
  });

  it('is for admins only, and refuses a bad filter with the field and the rule', async () => {
    expect((await http(t(), '/api/audit-log.csv', await t().login(COORD_NORTH))).status).toBe(403);
    const bad = await http(t(), '/api/audit-log.csv?from=yesterday', admin);
    expect(bad.status).toBe(400);
    expect(bad.text).toMatch(/from must be a calendar date/);
    expect((await http(t(), '/api/audit-log.csv?action=DROP', admin)).status).toBe(400);
  });
});
