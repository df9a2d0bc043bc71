import { ADMIN, COORD_NORTH, COORD_SOUTH, describeEachDatabase, RESEARCHER } from '@vfr/api-testing';

const SEARCH = `query($f: PatientFilterInput) { patients(first: 50, filter: $f) { totalCount edges { node { registryNumber identifiers { familyName mrn } } } } }`;

describeEachDatabase('finding patients by name or MRN', (t) => {
  let siteId: string;
  let registryNumber: string;

  beforeAll(async () => {
    [{ id: siteId }] = await t().db.dataSource.query(`SELECT id FROM site WHERE code = 'NORTH'`);
    const r = await t().gql<{ createPatient: { registryNumber: string } }>(
      'mutation($i: CreatePatientInput!) { createPatient(input: $i) { registryNumber } }',
      {
        i: {
          siteId,
          sex: 'FEMALE',
          birthYear: 1939,
          identifiers: { mrn: 'MRN-77_1', familyName: "O'Sullivan-Zyx", givenName: 'Maeve', dateOfBirth: '1939-04-02' },
        },
      },
      await t().login(COORD_NORTH),
    );
    registryNumber = r.data!.createPatient.registryNumber;
  });

  it('finds a patient of the site by the beginning of the family or given name, any case, or by the exact MRN', async () => {
    const token = await t().login(COORD_NORTH);
    for (const name of ["o'sullivan-z", 'MAEVE', 'MRN-77_1']) {
      const r = await t().gql(SEARCH, { f: { name } }, token);
      expect(r.errors).toBeUndefined();
      expect(r.data!.patients.edges.map((e: { node: { registryNumber: string } }) => e.node.registryNumber)).toContain(registryNumber);
    }
    // LIKE wildcards in the text are taken literally.
    expect((await t().gql(SEARCH, { f: { name: '%' } }, token)).data!.patients.totalCount).toBe(0);
    expect((await t().gql(SEARCH, { f: { name: 'MRN-77' } }, token)).data!.patients.totalCount).toBe(0);
  });

  it('keeps a coordinator to its own site and refuses researchers', async () => {
    expect((await t().gql(SEARCH, { f: { name: 'Maeve' } }, await t().login(COORD_SOUTH))).data!.patients.totalCount).toBe(0);
    expect((await t().gql(SEARCH, { f: { name: 'Maeve' } }, await t().login(ADMIN))).data!.patients.totalCount).toBeGreaterThanOrEqual(1);
    const researcher = await t().gql(SEARCH, { f: { name: 'Maeve' } }, await t().login(RESEARCHER));
    expect(researcher.data).toBeNull();
    expect(researcher.errors![0]).toMatchObject({
      message: 'Only coordinators and admins may search patients by name or MRN',
      extensions: { code: 'FORBIDDEN' },
    });
  });
});
