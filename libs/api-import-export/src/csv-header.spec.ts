import { COORD_NORTH, describeEachDatabase } from '@vfr/api-testing';
import { ValidationError } from '@vfr/domain';
import { MAX_HEADER_PROBLEMS, MAX_IMPORT_COLUMNS, readCsv } from './csv-reader';

// A header built to hold the API: tens of thousands of columns made the duplicate check
// quadratic (9 s) and the report 14 MB. The check is linear, the columns and the problems capped.

const EXPECTED = { required: ['registry_number', 'site_code', 'sex', 'birth_year'], optional: ['bmi', 't_score'] };
const REQUIRED = EXPECTED.required.join(',');
const unknownColumns = (n: number) => Array.from({ length: n }, (_, i) => `unknown_${i}`).join(',');

function refusal(csv: string): ValidationError {
  try {
    readCsv(Buffer.from(csv), EXPECTED);
  } catch (e) {
    if (e instanceof ValidationError) return e;
    throw e;
  }
  throw new Error('the file was accepted');
}

describe('the header of an import', () => {
  it(`refuses more than ${MAX_IMPORT_COLUMNS} columns at once with one sentence, in a fraction of a second`, () => {
    const began = Date.now();
    const e = refusal(`${REQUIRED},${unknownColumns(60_000)}\nNORTH-1,NORTH,FEMALE,1944${',x'.repeat(60_000)}\n`);
    expect(Date.now() - began).toBeLessThan(1000);
    expect(e.issues).toEqual([
      {
        field: 'file',
        rule: 'maxColumns',
        message: expect.stringContaining(`the header has 60004 columns, more than the ${MAX_IMPORT_COLUMNS} an import reads`),
      },
    ]);
    expect(e.issues[0].message).toContain('registry_number, site_code, sex, birth_year, bmi, t_score');
    // The same column 60,000 times is refused just as fast.
    const repeated = refusal(`${REQUIRED}${',bmi'.repeat(60_000)}\n`);
    expect(repeated.issues[0].rule).toBe('maxColumns');
  });

  it(`reports the first ${MAX_HEADER_PROBLEMS} problems and counts the rest in a last sentence`, () => {
    const e = refusal(`${REQUIRED},${unknownColumns(400)},bmi,bmi\n`);
    expect(e.issues).toHaveLength(MAX_HEADER_PROBLEMS + 1);
    expect(e.issues[0]).toEqual({ field: 'unknown_0', rule: 'unknown', message: 'column unknown_0 is not a column of this import' });
    expect(e.issues[MAX_HEADER_PROBLEMS]).toEqual({ field: 'file', rule: 'header', message: 'and 301 more problems with the header: download the template' });
  });

  it('still names each missing, unknown and repeated column of an ordinary header', () => {
    const e = refusal('registry_number,site_code,sex,colour,bmi,BMI\n');
    expect(e.issues).toEqual([
      { field: 'birth_year', rule: 'required', message: 'column birth_year is missing from the header' },
      { field: 'colour', rule: 'unknown', message: 'column colour is not a column of this import' },
      { field: 'bmi', rule: 'unique', message: 'column bmi appears twice' },
    ]);
    expect(readCsv(Buffer.from(`${REQUIRED},t_score\nNORTH-1,NORTH,FEMALE,1944,-2.5\n`), EXPECTED).rows).toEqual([
      { registry_number: 'NORTH-1', site_code: 'NORTH', sex: 'FEMALE', birth_year: '1944', t_score: '-2.5' },
    ]);
  });
});

describeEachDatabase('an import with a hostile header', (t) => {
  it('answers 60,000 unknown columns quickly, with a short report that says what to fix', async () => {
    const token = await t().login(COORD_NORTH);
    const body = `${REQUIRED},${unknownColumns(60_000)}\nNORTH-1,NORTH,FEMALE,1944${',x'.repeat(60_000)}\n`;
    const began = Date.now();
    const res = await fetch(`${t().url}/api/import/patients`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
      body,
    });
    const text = await res.text();
    // Well under a second on a quiet machine; the bound leaves room for a busy one.
    expect(Date.now() - began).toBeLessThan(3000);
    expect(res.status).toBe(400);
    expect(text.length).toBeLessThan(50 * 1024);
    const { error } = JSON.parse(text);
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).toMatch(
      /^the header has 60004 columns, more than the 500 an import reads: keep only this import's columns \(registry_number, site_code, .*\); download the template$/,
    );
    // Nothing else waited meanwhile.
    expect((await fetch(`${t().url}/health`)).status).toBe(200);
  });

  it('caps the problems of a header within the limit', async () => {
    const token = await t().login(COORD_NORTH);
    const res = await fetch(`${t().url}/api/import/patients`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
      body: `${REQUIRED},${unknownColumns(480)}\n`,
    });
    const { error } = await res.json();
    expect(res.status).toBe(400);
    expect(error.fields).toHaveLength(101);
    expect(error.fields[100].message).toBe('and 380 more problems with the header: download the template');
  });
});
