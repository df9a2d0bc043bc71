import { checkOf, FieldDefinition, FieldDefinitions, Role } from '@vfr/domain';
import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import { ImportKind, KINDS } from './import-kinds';

// What a record's field definitions (libs/domain/src/fields) cannot derive at run time is written
// by hand: the database column and its CHECK or enum type, the entity column, the GraphQL model
// and input fields. The completeness specs of the records (patient-fields.spec.ts, treatment-fields.spec.ts and their
// siblings) hold them to the definitions with this check, so that a missing or differing piece
// fails a test rather than going unnoticed.

/**
 * The running app the check reads, as the test harness's TestApp gives it: the database, the
 * demo logins, GraphQL and the HTTP address. Named here rather than imported, because the harness
 * builds the whole app, this library included.
 */
export interface CheckedApp {
  db: { dataSource: DataSource };
  url: string;
  logins: readonly { email: string; role: Role }[];
  login(email: string): Promise<string>;
  gql<T>(query: string, variables?: Record<string, unknown>, token?: string): Promise<{ data?: T | null; errors?: unknown }>;
}

export interface DefinedRecord {
  /** The database table, as in the CHECK names: ck_<table>__<column>__range. */
  table: string;
  entity: EntityTarget<ObjectLiteral>;
  defs: FieldDefinitions;
  /** The GraphQL object type and the create and update inputs. */
  model: string;
  createInput: string;
  updateInput: string;
  kind: ImportKind;
}

interface GqlType {
  kind: string;
  name: string | null;
  ofType?: GqlType | null;
}
interface GqlField {
  name: string;
  type: GqlType;
}
interface Introspection {
  model: { fields: GqlField[] } | null;
  input: { inputFields: GqlField[] } | null;
  update: { inputFields: GqlField[] } | null;
}

const TYPE_REF = 'type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }';

/** A GraphQL type reference as the definition would describe it: nullable or not, a list or not, and the named type. */
function shape(type: GqlType): { nonNull: boolean; list: boolean; kind: string; name: string } {
  let t: GqlType = type;
  const nonNull = t.kind === 'NON_NULL';
  if (nonNull) t = t.ofType!;
  const list = t.kind === 'LIST';
  if (list) t = t.ofType!.kind === 'NON_NULL' ? t.ofType!.ofType! : t.ofType!;
  return { nonNull, list, kind: t.kind, name: t.name ?? '' };
}

/** The GraphQL scalar, or ENUM, a definition's type is given as. */
const GRAPHQL_TYPE: Record<FieldDefinition['type'], string> = {
  integer: 'Int',
  number: 'Float',
  boolean: 'Boolean',
  date: 'String',
  enum: 'ENUM',
  enumList: 'ENUM',
};
/** The database types a definition's type may be stored as. */
const DATABASE_TYPES: Record<FieldDefinition['type'], string[]> = {
  integer: ['smallint', 'integer'],
  number: ['double precision'],
  boolean: ['boolean'],
  date: ['date'],
  enum: ['USER-DEFINED'],
  enumList: ['ARRAY'],
};

/** Every way the hand-written declarations of a record differ from its definitions; empty when they agree. */
export async function definitionProblems(t: CheckedApp, r: DefinedRecord): Promise<string[]> {
  const ds = t.db.dataSource;
  const columns = ds.getMetadata(r.entity).columns;
  const constraints: { conname: string; def: string }[] = await ds.query(
    `SELECT conname, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = $1::regclass AND contype = 'c'`,
    [r.table],
  );
  const dbColumns: { column_name: string; data_type: string; udt_name: string; is_nullable: string }[] = await ds.query(
    `SELECT column_name, data_type, udt_name, is_nullable FROM information_schema.columns WHERE table_name = $1`,
    [r.table],
  );
  const admin = t.logins.find((l) => l.role === Role.ADMIN);
  if (!admin) return ['the app has no admin login to read its GraphQL types with'];
  const token = await t.login(admin.email);
  const intro = await t.gql<Introspection>(
    `query($model: String!, $create: String!, $update: String!) {
    model: __type(name: $model) { fields { name ${TYPE_REF} } }
    input: __type(name: $create) { inputFields { name ${TYPE_REF} } }
    update: __type(name: $update) { inputFields { name ${TYPE_REF} } } }`,
    { model: r.model, create: r.createInput, update: r.updateInput },
    token,
  );
  if (intro.errors || !intro.data?.model || !intro.data.input || !intro.data.update)
    return [`the GraphQL types ${r.model}, ${r.createInput} or ${r.updateInput} are missing: ${JSON.stringify(intro.errors)}`];
  const modelFields = intro.data.model.fields;
  const inputFields = intro.data.input.inputFields;
  const updateFields = intro.data.update.inputFields;
  const importColumns = KINDS[r.kind].columns.map((c) => c.name);
  const records = await fetch(`${t.url}/api/export/records/${r.kind}.csv`, { headers: { authorization: `Bearer ${token}` } });
  const recordsHeader = (await records.text()).split('\n')[0].split(',');
  const enumLabels = async (typname: string): Promise<string[]> =>
    (
      await ds.query<{ enumlabel: string }[]>(
        `SELECT enumlabel FROM pg_enum e JOIN pg_type ty ON ty.oid = e.enumtypid WHERE ty.typname = $1 ORDER BY e.enumsortorder`,
        [typname],
      )
    ).map((l) => l.enumlabel);
  const graphqlEnum = async (name: string): Promise<string[]> =>
    (
      (
        await t.gql<{ __type: { enumValues: { name: string }[] | null } | null }>(
          `query($n: String!) { __type(name: $n) { enumValues { name } } }`,
          { n: name },
          token,
        )
      ).data?.__type?.enumValues ?? []
    ).map((v) => v.name);

  const problems: string[] = [];
  for (const [name, def] of Object.entries(r.defs)) {
    const list = def.type === 'enumList';
    // The entity column.
    const column = columns.find((c) => c.propertyName === name);
    if (!column) problems.push(`${name}: no entity column`);
    else {
      if (column.databaseName !== def.column) problems.push(`${name}: entity column ${column.databaseName}, defined ${def.column}`);
      if (column.isArray !== list) problems.push(`${name}: entity column ${list ? 'is not' : 'is'} an array`);
      if ((def.type === 'enum' || list) && column.type !== 'enum') problems.push(`${name}: entity column is ${String(column.type)}, not an enum`);
    }
    // The database column, its type and its CHECK or enum type.
    const db = dbColumns.find((c) => c.column_name === def.column);
    if (!db) problems.push(`${name}: no database column ${def.column}`);
    else {
      if (!DATABASE_TYPES[def.type].includes(db.data_type))
        problems.push(`${name}: database column is ${db.data_type}, not ${DATABASE_TYPES[def.type].join(' or ')}`);
      if ((db.is_nullable === 'NO') !== def.required)
        problems.push(
          `${name}: database column is ${db.is_nullable === 'NO' ? 'NOT NULL' : 'nullable'} but the field is ${def.required ? 'required' : 'optional'}`,
        );
    }
    const check = checkOf(r.table, def);
    if (check && (db?.data_type === 'USER-DEFINED' || db?.data_type === 'ARRAY')) {
      // An enum array's element type is the udt's name without its leading underscore.
      const typname = db.data_type === 'ARRAY' ? db.udt_name.replace(/^_/, '') : db.udt_name;
      if (JSON.stringify(await enumLabels(typname)) !== JSON.stringify(check.values)) problems.push(`${name}: enum type ${typname} differs from the choices`);
    } else if (check) {
      const found = constraints.find((c) => c.conname === check.name);
      if (!found) problems.push(`${name}: no CHECK ${check.name}`);
      else {
        for (const v of check.values) if (!found.def.includes(def.type === 'enum' ? `'${v}'` : v)) problems.push(`${name}: CHECK ${check.name} lacks ${v}`);
        // An excluded lower end is "> min" in the CHECK; an included one ">= min" (BETWEEN).
        const strict = new RegExp(`> \\(?'?${String(def.min).replace(/[.-]/g, '\\$&')}\\b`).test(found.def);
        if ((def.type === 'integer' || def.type === 'number') && strict !== !!def.exclusiveMin)
          problems.push(`${name}: CHECK ${check.name} ${strict ? 'excludes' : 'admits'} ${def.min}`);
      }
    }
    // The GraphQL model and inputs: present, of the definition's type, lists where it is one.
    const expected = GRAPHQL_TYPE[def.type];
    const typeProblem = (where: string, field: GqlField | undefined) => {
      if (!field) return `${name}: not in ${where}`;
      const s = shape(field.type);
      if ((s.kind === 'ENUM' ? 'ENUM' : s.name) !== expected) return `${name}: ${where} gives it as ${s.name}, not ${expected}`;
      if (s.list !== list) return `${name}: ${where} ${list ? 'does not give' : 'gives'} it as a list`;
      return null;
    };
    const modelField = modelFields.find((f) => f.name === name);
    const inputField = inputFields.find((f) => f.name === name);
    for (const p of [
      typeProblem(r.model, modelField),
      typeProblem(r.createInput, inputField),
      typeProblem(
        r.updateInput,
        updateFields.find((f) => f.name === name),
      ),
    ])
      if (p) problems.push(p);
    if (inputField && !def.required && shape(inputField.type).nonNull) problems.push(`${name}: optional, but ${r.createInput} requires it`);
    if (inputField && def.required && def.default === undefined && !shape(inputField.type).nonNull)
      problems.push(`${name}: required, but ${r.createInput} does not require it`);
    if (modelField && shape(modelField.type).kind === 'ENUM') {
      // The schema lists an enum's values sorted (sortSchema): the same values, in any order.
      const values = (await graphqlEnum(shape(modelField.type).name)).sort();
      if (JSON.stringify(values) !== JSON.stringify([...(def.choices ?? [])].sort()))
        problems.push(`${name}: GraphQL enum ${shape(modelField.type).name} differs from the choices`);
    }
    if (def.dayField && !modelFields.some((f) => f.name === def.dayField)) problems.push(`${name}: ${def.dayField} not on the ${r.model} GraphQL type`);
    // CSV: the import column and the records export column.
    if (!importColumns.includes(def.column)) problems.push(`${name}: no import column`);
    if (!recordsHeader.includes(def.column)) problems.push(`${name}: not in the records export`);
  }
  return problems;
}
