import type { Pool } from 'pg';
import { CANNOT_SAVE_MESSAGE } from '@vfr/api-core';
import { COORD_NORTH, describeEachDatabase, rowCounts, TestApp } from '@vfr/api-testing';

// A database that cannot write (here made read-only, as a standby is, a real PostgreSQL refusal
// with SQLSTATE 25006) refuses a change with a sentence the user can act on, records nothing, and
// saves again once it can write.

const CREATE = 'mutation($i: CreatePatientInput!) { createPatient(input: $i) { id registryNumber } }';

/** Makes the test's database read-only, or writable again, for every connection of the app's pool. */
async function readOnly(t: TestApp, on: boolean): Promise<void> {
  const owner = t.db.dataSource; // ALTER DATABASE needs the owner
  const ds = t.api.dataSource; // the connections the app serves with
  const [{ name }] = await owner.query('SELECT current_database() AS name');
  const max = (ds.driver as unknown as { master: Pool }).master.options.max;
  // The connections the pool holds now take the setting for their session; those it opens later,
  // from the database. A read-only session cannot change the database, so the order matters.
  const database = () => owner.query(`ALTER DATABASE "${name}" ${on ? 'SET default_transaction_read_only = on' : 'RESET default_transaction_read_only'}`);
  if (on) await database();
  const runners = Array.from({ length: max }, () => ds.createQueryRunner());
  try {
    await Promise.all(runners.map((r) => r.query(`SET default_transaction_read_only = ${on ? 'on' : 'off'}`)));
  } finally {
    await Promise.all(runners.map((r) => r.release()));
  }
  if (!on) await database();
}

describeEachDatabase('a database that cannot save', (t) => {
  let token: string;
  let siteId: string;
  beforeAll(async () => {
    token = await t().login(COORD_NORTH);
    [{ id: siteId }] = await t().db.dataSource.query(`SELECT id FROM site WHERE code = 'NORTH'`);
  });

  it('answers a mutation with DATABASE_CANNOT_SAVE, records nothing, and saves once the database can write again', async () => {
    const input = { i: { siteId, sex: 'FEMALE', birthYear: 1944 } };
    const before = await rowCounts(t().db);
    await readOnly(t(), true);
    let refused;
    try {
      refused = await t().gql(CREATE, input, token);
      expect(await rowCounts(t().db)).toEqual(before);
    } finally {
      await readOnly(t(), false);
    }
    expect(refused.data).toBeNull();
    expect(refused.errors).toEqual([
      expect.objectContaining({
        message: CANNOT_SAVE_MESSAGE,
        extensions: { code: 'DATABASE_CANNOT_SAVE', reference: expect.stringMatching(/^[0-9a-f-]{36}$/) },
      }),
    ]);
    expect(JSON.stringify(refused)).not.toMatch(/read-only|INSERT|patient_identifier|at .*\.[jt]s:\d+/);

    const saved = await t().gql(CREATE, input, token);
    expect(saved.errors).toBeUndefined();
    expect((await rowCounts(t().db)).patient).toBe(before.patient + 1);
  });

  it('answers a CSV import the same way, with 503', async () => {
    const csv = 'registry_number,site_code,sex,birth_year\nNORTH-RO-1,NORTH,MALE,1950\n';
    const upload = () =>
      fetch(`${t().url}/api/import/patients?commit=true`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
        body: csv,
      });
    const before = await rowCounts(t().db);
    await readOnly(t(), true);
    let refused: Response;
    try {
      refused = await upload();
      expect(await rowCounts(t().db)).toEqual(before);
    } finally {
      await readOnly(t(), false);
    }
    expect(refused.status).toBe(503);
    expect((await refused.json()).error).toEqual({ code: 'DATABASE_CANNOT_SAVE', message: CANNOT_SAVE_MESSAGE, reference: expect.any(String) });
    const saved = await upload();
    expect(saved.status).toBe(201);
    expect((await rowCounts(t().db)).patient).toBe(before.patient + 1);
  });
});
