import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, GraphQLObjectType, isNonNullType } from 'graphql';
import { getMetadataArgsStorage } from 'typeorm';
import { FieldAccess, RECORD_FIELDS, RecordAccess, RecordType, renderFieldAccessDoc, Role, ruleMayBeNull } from '@vfr/domain';
import { ComplicationEntity, FractureEntity, PatientEntity, PatientIdentifierEntity, TreatedLevelEntity, TreatmentEntity } from '@vfr/api-registry';
import { AssessmentEntity } from '@vfr/api-follow-up';
import { printRegistrySchema } from '../schema/registry-schema';

// The field-access table (libs/domain/src/field-access.ts) is the one definition of who receives
// what. These hold everything else to it: the committed documentation, the GraphQL types the API
// serves, and the stored columns (a column added to an entity must be decided in the table).

const root = join(__dirname, '..', '..');
const fieldsOf = (record: RecordType) => Object.entries(RECORD_FIELDS[record].fields) as [string, FieldAccess][];
/** An entity class; what its constructor takes does not matter here. */
type EntityClass = abstract new (...args: never[]) => unknown;

describe('docs/field-access.md', () => {
  it('is what the table renders', () => {
    const committed = readFileSync(join(root, 'docs', 'field-access.md'), 'utf8');
    if (committed !== renderFieldAccessDoc()) throw new Error('docs/field-access.md is stale: run `npm run docs:field-access` and commit it');
  });
});

describe('the GraphQL record types', () => {
  let schema: ReturnType<typeof buildSchema>;
  beforeAll(async () => {
    schema = buildSchema(await printRegistrySchema());
  });

  it.each(Object.keys(RECORD_FIELDS) as RecordType[])('%s has exactly the fields of the table, nullable wherever a reader may get null', (record) => {
    const type = schema.getType(record) as GraphQLObjectType;
    expect(Object.keys(type.getFields()).sort()).toEqual(
      fieldsOf(record)
        .map(([name]) => name)
        .sort(),
    );
    for (const [name, def] of fieldsOf(record)) {
      const mayBeNull = Object.values(Role).some((role) => def.access[role] !== 'none' && ruleMayBeNull(def.access[role]));
      if (mayBeNull) expect([name, isNonNullType(type.getFields()[name].type)]).toEqual([name, false]);
    }
  });
});

describe('the stored columns', () => {
  const ENTITIES: [RecordType, EntityClass][] = [
    ['Patient', PatientEntity],
    ['PatientIdentifiers', PatientIdentifierEntity],
    ['Fracture', FractureEntity],
    ['Treatment', TreatmentEntity],
    ['TreatedLevel', TreatedLevelEntity],
    ['Assessment', AssessmentEntity],
    ['Complication', ComplicationEntity],
  ];

  /** The entity and the classes it extends, whose columns it inherits. */
  function columnsOf(entity: EntityClass): { name: string; type: string }[] {
    const targets: unknown[] = [];
    for (let t: unknown = entity; t && t !== Function.prototype; t = Object.getPrototypeOf(t)) targets.push(t);
    return getMetadataArgsStorage()
      .columns.filter((c) => targets.includes(c.target))
      .map((c) => ({ name: c.propertyName, type: String(c.options.type ?? (c.mode === 'version' ? 'integer' : 'uuid')) }));
  }

  it.each(ENTITIES)('of %s are each given by a field of the table or listed as given to no one', (record, entity) => {
    const sources = new Set(
      fieldsOf(record)
        .filter(([, f]) => f.kind !== 'related')
        .map(([name, f]) => f.from ?? name),
    );
    const unexposed = Object.keys((RECORD_FIELDS[record] as RecordAccess).unexposed ?? {});
    const undecided = columnsOf(entity)
      .map((c) => c.name)
      .filter((name) => !sources.has(name) && !unexposed.includes(name));
    expect(undecided).toEqual([]);
    for (const name of sources) expect(columnsOf(entity).map((c) => c.name)).toContain(name);
  });

  const ALLOWED: Record<string, string[]> = {
    date: ['date', 'identifier'],
    timestamptz: ['timestamp'],
    varchar: ['freeText', 'identifier', 'pseudonym'],
    text: ['freeText', 'identifier', 'pseudonym'],
  };

  it.each(ENTITIES)('of %s that hold dates, timestamps or text are given as dates, timestamps, text or identifiers', (record, entity) => {
    const columns = columnsOf(entity);
    expect(columns.length).toBeGreaterThan(2);
    const wrong = columns.flatMap((column) =>
      fieldsOf(record)
        .filter(([name, f]) => (f.from ?? name) === column.name && ALLOWED[column.type] && !ALLOWED[column.type].includes(f.kind))
        .map(([name, f]) => `${record}.${name} is a ${f.kind}, but ${column.name} is ${column.type}`),
    );
    expect(wrong).toEqual([]);
  });
});
