// Values for one GraphQL input, by its type and its field's name: mostly plausible ones (so
// that inputs get past the first check and reach the service and the database), the rest
// boundary, wrong-typed, huge or hostile.
import { Rng } from './random';

export interface TypeRef {
  kind: 'SCALAR' | 'ENUM' | 'INPUT_OBJECT' | 'LIST' | 'NON_NULL' | 'OBJECT' | 'INTERFACE' | 'UNION';
  name: string | null;
  ofType: TypeRef | null;
}

export interface InputField {
  name: string;
  type: TypeRef;
}

export interface SchemaIndex {
  inputs: Map<string, InputField[]>;
  enums: Map<string, string[]>;
}

/** Ids that exist, so that updates and child records reach the database. */
export interface IdPool {
  patients: string[];
  treatments: string[];
  fractures: string[];
  assessments: string[];
  complications: string[];
  sites: string[];
  cohorts: string[];
}

const today = new Date().toISOString().slice(0, 10);

export const SQL_FRAGMENTS = [
  "'; DROP TABLE patient; --",
  "' OR '1'='1",
  '1; SELECT pg_sleep(5); --',
  "FEMALE' OR 1=1 --",
  '$1',
  "') UNION SELECT password_hash FROM app_user --",
  '\\x00',
  "E'\\\\'",
];

export const HOSTILE_STRINGS = [
  '',
  ' ',
  'x'.repeat(5000),
  'y'.repeat(300_000),
  '\u0000',
  'a\u0000b',
  '\uD800',
  '\uDFFF\uD800',
  '\u202Eevil',
  '💥'.repeat(200),
  'Ñandú ß ǅ ﷽',
  '<script>alert(1)</script>',
  '../../../etc/passwd',
  '%s%s%n',
  '{"$where": "1"}',
  '\r\n\t',
  ...SQL_FRAGMENTS,
];

const DATES = [
  today,
  '2024-01-15',
  '2025-02-28',
  '2024-02-29',
  '2025-02-29',
  '2025-02-30',
  '9999-12-31',
  '1800-01-01',
  '0000-00-00',
  '2024-1-5',
  'yesterday',
  '2024-01-15T10:00:00Z',
  '20240115',
];
const INTS = [0, 1, -1, 2, 3, 4, 5, 9, 10, 11, 24, 25, 99, 100, 101, 365, 600, 601, 1899, 1900, 1946, 2026, 2100, 2101, 2147483647, -2147483648];
const FLOATS = [0, 0.5, 1, -1, 1.0001, -1.0001, 3.8, 20, 20.01, 79.9, 80.1, 100, 100.5, -8, 4.1, 1e308, -1e308, 5e-324];
const WRONG = [null, true, false, '1', 1.5, -0, 2 ** 53, [], {}, [1, 2], { a: 1 }, 'NaN', 'Infinity'];

function idFor(field: string, pool: IdPool, rng: Rng): string {
  const f = field.toLowerCase();
  const list = f.includes('patient')
    ? pool.patients
    : f.includes('treatment')
      ? pool.treatments
      : f.includes('fracture')
        ? pool.fractures
        : f.includes('site')
          ? pool.sites
          : f.includes('complication')
            ? pool.complications
            : f.includes('assessment')
              ? pool.assessments
              : rng.pick([pool.patients, pool.treatments, pool.fractures, pool.assessments, pool.complications, pool.cohorts]);
  return list.length ? rng.pick(list) : rng.uuid();
}

function stringFor(field: string, rng: Rng, enums: Map<string, string[]>): string {
  const f = field.toLowerCase();
  if (/date|on$|from$|to$/.test(f) || f === 'occurredon') return rng.pick(DATES);
  if (f.includes('email')) return rng.pick(['a@b.org', 'fuzz@demo.registry', 'not-an-email', `${'x'.repeat(300)}@b.org`, "a'--@b.org"]);
  if (f.includes('registrynumber')) return rng.pick(['FUZZ-0001', `FUZZ-${rng.int(1, 999999)}`, 'has space', 'x'.repeat(40), "R-1' OR 1=1"]);
  if (f === 'code') return rng.pick(['FUZZ', 'AB', 'a', 'TOOLONGCODE12345678', 'X Y']);
  if (f.includes('password')) return rng.pick(['short', 'a long enough password 123', 'x'.repeat(2000)]);
  if (f === 'cursor' || f === 'after') return rng.pick(['', 'bm90LWEtY3Vyc29y', 'MTIz', '!!!']);
  void enums;
  return rng.chance(0.5) ? rng.pick(['Fuzz text', 'reason for the change', 'ok']) : rng.pick(HOSTILE_STRINGS);
}

function plausibleString(field: string, rng: Rng): string {
  const f = field.toLowerCase();
  if (/date|on$|from$|to$/.test(f)) return rng.pick([today, '2025-02-28', '2024-06-01']);
  if (f.includes('email')) return `fuzz.${rng.int(1, 1e9)}@demo.registry`;
  if (f.includes('registrynumber')) return `FUZZ-${rng.int(1, 1e9)}`;
  if (f === 'code') return `F${rng.int(10, 99999)}`;
  if (f.includes('password')) return 'a long enough password 123';
  return rng.pick(['Fuzz text', 'reason for the change', 'Ada', 'Ñandú']);
}

function cohortJson(rng: Rng): unknown {
  return rng.pick([
    {},
    { sex: "FEMALE' OR 1=1 --" },
    { ageMin: '1; DROP TABLE patient' },
    { treatmentKinds: ["KYPHOPLASTY') OR ('1'='1"] },
    { genantGrades: [3, 'x'] },
    { siteIds: ["00000000-0000-0000-0000-000000000000' --"] },
    { nested: { deep: { deeper: { deepest: [1, [2, [3, [4]]]] } } } },
    [1, 2, 3],
    'not an object',
    { ageMin: 70, ageMax: 60 },
    { levelRegions: ['LUMBAR'], treatedFrom: '2025-02-30' },
  ]);
}

/**
 * hostility: the chance that a value is hostile. A run mixes mostly-hostile inputs with
 * plausible ones, which get through validation and exercise the services and the database.
 */
export function valueFor(type: TypeRef, field: string, schema: SchemaIndex, pool: IdPool, rng: Rng, depth = 0, hostility = 0.25): unknown {
  const hostile = rng.chance(hostility);
  const plausible = hostility < 0.1;
  if (type.kind === 'NON_NULL') return hostile && rng.chance(0.15) ? null : valueFor(type.ofType!, field, schema, pool, rng, depth, hostility);
  if (hostile && rng.chance(0.3)) return rng.pick(WRONG);
  switch (type.kind) {
    case 'LIST': {
      if (hostile && rng.chance(0.2))
        return Array.from({ length: rng.pick([51, 1000, 20000]) }, () => valueFor(type.ofType!, field, schema, pool, rng, depth + 1, hostility));
      return Array.from({ length: rng.int(0, 3) }, () => valueFor(type.ofType!, field, schema, pool, rng, depth + 1, hostility));
    }
    case 'ENUM': {
      const values = schema.enums.get(type.name!) ?? [];
      return hostile ? rng.pick(['NOT_A_VALUE', values[0]?.toLowerCase() ?? 'x', 7, `${values[0]}' OR 1=1`]) : rng.pick(values);
    }
    case 'INPUT_OBJECT': {
      if (depth > 6) return {};
      const out: Record<string, unknown> = {};
      for (const f of schema.inputs.get(type.name!) ?? []) {
        if (f.type.kind === 'NON_NULL' || rng.chance(0.6)) out[f.name] = valueFor(f.type, f.name, schema, pool, rng, depth + 1, hostility);
      }
      if (hostile && rng.chance(0.3)) out[rng.pick(['__proto__', 'constructor', 'unknownField', 'id'])] = rng.pick(HOSTILE_STRINGS);
      return out;
    }
    case 'SCALAR':
      switch (type.name) {
        case 'ID':
          return hostile
            ? rng.pick(['', 'not-a-uuid', rng.uuid(), "00000000-0000-0000-0000-000000000000' OR 1=1", '1', 'x'.repeat(1000)])
            : idFor(field, pool, rng);
        case 'Int':
          return plausible ? rng.pick([1, 2, 3, 4, 5]) : rng.pick(INTS);
        case 'Float':
          return plausible ? rng.pick([1, 2.5, 3.8, 24.1]) : rng.pick([...FLOATS, ...INTS.slice(0, 12)]);
        case 'Boolean':
          return hostile ? rng.pick(['true', 0, 1]) : rng.chance(0.5);
        case 'String':
          return plausible ? plausibleString(field, rng) : stringFor(field, rng, schema.enums);
        case 'JSON':
        case 'JSONObject':
          return cohortJson(rng);
        default:
          return hostile ? rng.pick(HOSTILE_STRINGS) : stringFor(field, rng, schema.enums);
      }
    default:
      return null;
  }
}

export function typeName(t: TypeRef): string {
  if (t.kind === 'NON_NULL') return `${typeName(t.ofType!)}!`;
  if (t.kind === 'LIST') return `[${typeName(t.ofType!)}]`;
  return t.name!;
}

export function namedType(t: TypeRef): TypeRef {
  return t.ofType ? namedType(t.ofType) : t;
}
