import { ADMIN, COORD_NORTH, COORD_SOUTH, describeEachDatabase } from '@vfr/api-testing';

// Registering a patient: the registry number continues the site's series, an MRN already used at
// the site is refused with a link to its patient, and similar patients are found before
// registering without showing another site's patients.

const CREATE = `mutation($i: CreatePatientInput!) { createPatient(input: $i) { id registryNumber } }`;
const SIMILAR = `query($i: SimilarPatientsInput!) { similarPatients(input: $i) { id registryNumber identifiers { familyName givenName } } }`;

describeEachDatabase('registering a patient', (t) => {
  let north: string;
  let south: string;

  beforeAll(async () => {
    const sites: { id: string; code: string }[] = await t().db.dataSource.query(`SELECT id, code FROM site`);
    north = sites.find((s) => s.code === 'NORTH')!.id;
    south = sites.find((s) => s.code === 'SOUTH')!.id;
  });

  it('continues the site series after its numbers, stepping over numbers already taken, without renumbering any', async () => {
    const admin = await t().login(ADMIN);
    const site = await t().gql<{ createSite: { id: string } }>(
      `mutation($i: CreateSiteInput!) { createSite(input: $i) { id } }`,
      {
        i: { code: 'SERIES', name: 'Series hospital' },
      },
      admin,
    );
    const siteId = site.data!.createSite.id;
    const create = async (registryNumber?: string) => {
      const r = await t().gql<{ createPatient: { registryNumber: string } }>(
        CREATE,
        { i: { siteId, sex: 'FEMALE', birthYear: 1940, ...(registryNumber ? { registryNumber } : {}) } },
        admin,
      );
      expect(r.errors).toBeUndefined();
      return r.data!.createPatient.registryNumber;
    };
    // A site's first patient starts the series.
    expect(await create()).toBe('SERIES-000001');
    // Numbers given (a seed, an import) and one drawn at random before the series was kept.
    for (const n of ['SERIES-000002', 'SERIES-000003', 'SERIES-100235']) await create(n);
    expect(await create()).toBe('SERIES-000004');
    await create('SERIES-000005');
    expect(await create()).toBe('SERIES-000006');
    // Registrations at the same moment draw different numbers.
    const together = await Promise.all([create(), create(), create()]);
    expect([...together].sort()).toEqual(['SERIES-000007', 'SERIES-000008', 'SERIES-000009']);
    const rows: { registry_number: string }[] = await t().db.dataSource.query(
      `SELECT registry_number FROM patient WHERE site_id = $1 ORDER BY registry_number`,
      [siteId],
    );
    expect(rows.map((r) => r.registry_number)).toContain('SERIES-100235');
    expect(rows).toHaveLength(10);
  });

  it('refuses an MRN already used at the site, naming and linking its patient', async () => {
    const token = await t().login(COORD_NORTH);
    const first = await t().gql<{ createPatient: { id: string; registryNumber: string } }>(
      CREATE,
      {
        i: {
          siteId: north,
          sex: 'MALE',
          birthYear: 1944,
          identifiers: { mrn: 'DUP-MRN-1', familyName: 'Brandt', givenName: 'Otto', dateOfBirth: '1944-02-02' },
        },
      },
      token,
    );
    expect(first.errors).toBeUndefined();
    const again = await t().gql(
      CREATE,
      {
        i: { siteId: north, sex: 'MALE', birthYear: 1950, identifiers: { mrn: 'DUP-MRN-1', familyName: 'Other', givenName: 'Per', dateOfBirth: '1950-03-03' } },
      },
      token,
    );
    expect(again.data).toBeNull();
    expect(again.errors![0].extensions).toMatchObject({
      code: 'CONFLICT',
      field: 'identifiers.mrn',
      existing: { entity: 'Patient', id: first.data!.createPatient.id, label: first.data!.createPatient.registryNumber },
    });
    expect(again.errors![0].message).toContain(first.data!.createPatient.registryNumber);
    // The same MRN at another site is another hospital's number: allowed.
    const south1 = await t().gql(
      CREATE,
      {
        i: { siteId: south, sex: 'MALE', birthYear: 1950, identifiers: { mrn: 'DUP-MRN-1', familyName: 'Other', givenName: 'Per', dateOfBirth: '1950-03-03' } },
      },
      await t().login(COORD_SOUTH),
    );
    expect(south1.errors).toBeUndefined();
  });

  it("finds the site's similar patients (same birth date, similar name) and reveals no other site's", async () => {
    const northToken = await t().login(COORD_NORTH);
    const southToken = await t().login(COORD_SOUTH);
    const made = await t().gql<{ createPatient: { id: string; registryNumber: string } }>(
      CREATE,
      {
        i: {
          siteId: north,
          sex: 'FEMALE',
          birthYear: 1936,
          identifiers: { mrn: 'SIM-1', familyName: "Mc'Allister", givenName: 'Fiona', dateOfBirth: '1936-07-08' },
        },
      },
      northToken,
    );
    const id = made.data!.createPatient.id;
    const ask = (i: Record<string, string>, token: string) => t().gql<{ similarPatients: { id: string }[] }>(SIMILAR, { i }, token);
    for (const [familyName, givenName] of [
      ['MCALLISTER', 'Fiona'],
      ['McAlister', 'F.'],
      ['Fiona', "Mc'Allister"],
    ]) {
      const r = await ask({ siteId: north, familyName, givenName, dateOfBirth: '1936-07-08' }, northToken);
      expect(r.errors).toBeUndefined();
      expect(r.data!.similarPatients.map((p) => p.id)).toContain(id);
    }
    // Another birth date or another name: nothing.
    expect((await ask({ siteId: north, familyName: 'McAllister', givenName: 'Fiona', dateOfBirth: '1936-07-09' }, northToken)).data!.similarPatients).toEqual(
      [],
    );
    expect((await ask({ siteId: north, familyName: 'Smith', givenName: 'Fiona', dateOfBirth: '1936-07-08' }, northToken)).data!.similarPatients).toEqual([]);
    // Another site's coordinator: its own site has no such patient, and the north site may not be asked.
    expect((await ask({ siteId: south, familyName: 'McAllister', givenName: 'Fiona', dateOfBirth: '1936-07-08' }, southToken)).data!.similarPatients).toEqual(
      [],
    );
    const other = await ask({ siteId: north, familyName: 'McAllister', givenName: 'Fiona', dateOfBirth: '1936-07-08' }, southToken);
    expect(other.data).toBeNull();
    expect(other.errors![0].extensions!.code).toBe('FORBIDDEN');
    // The admin asks per site too.
    const admin = await t().login(ADMIN);
    expect((await ask({ siteId: south, familyName: 'McAllister', givenName: 'Fiona', dateOfBirth: '1936-07-08' }, admin)).data!.similarPatients).toEqual([]);
    // The answer tied names to registry numbers: audited as an identifier read.
    const [{ n }] = await t().db.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'READ' AND entity_type = 'PatientIdentifier' AND after::text LIKE $1`,
      [`%${made.data!.createPatient.registryNumber}%`],
    );
    expect(n).toBeGreaterThan(0);
  });
});
