// The fuzz run shared by `npm run fuzz` and the CI spec: every mutation (and every query that
// takes arguments, cohort filters included) with generated inputs, plus hand-made hostile
// requests (deep, huge, alias floods, invalid UTF-8, broken JSON). A finding is a 5xx without a
// GraphQL error, an INTERNAL_SERVER_ERROR (an unexpected exception), or a dropped connection.
import { Rng } from './random';
import { IdPool, InputField, namedType, SchemaIndex, TypeRef, typeName, valueFor } from './values';

export interface FuzzTokens {
  admin: string;
  coordinator: string;
  researcher: string;
}

export interface Finding {
  kind: 'bare-5xx' | 'internal-error' | 'connection' | 'not-json';
  operation: string;
  status: number;
  detail: string;
}

export interface FuzzReport {
  inputs: number;
  byOperation: Record<string, number>;
  statuses: Record<string, number>;
  accepted: number;
  findings: Finding[];
}

interface Operation {
  name: string;
  kind: 'query' | 'mutation';
  args: { name: string; type: TypeRef }[];
  returnsObject: boolean;
}

const TYPE_REF = 'kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } }';
const INTROSPECTION = `query Introspect {
  __schema {
    queryType { fields { name args { name type { ${TYPE_REF} } } type { ${TYPE_REF} } } }
    mutationType { fields { name args { name type { ${TYPE_REF} } } type { ${TYPE_REF} } } }
    types { kind name inputFields { name type { ${TYPE_REF} } } enumValues { name } }
  }
}`;

/** The parts of the introspection answer that INTROSPECTION asks for. */
interface IntrospectedField {
  name: string;
  args: { name: string; type: TypeRef }[];
  type: TypeRef;
}

interface IntrospectedSchema {
  queryType: { fields: IntrospectedField[] };
  mutationType: { fields: IntrospectedField[] };
  /** inputFields are there for input objects, enumValues for enums (null for the other kinds). */
  types: { kind: TypeRef['kind']; name: string; inputFields: InputField[] | null; enumValues: { name: string }[] | null }[];
}

interface GraphQLError {
  message: string;
  extensions?: { code?: string };
}

/**
 * The errors of an answer. The answer is what the fuzzing tests, so it is not taken on trust:
 * anything but a list in their place counts as none, and an entry that is not an object is skipped.
 */
function errorsOf(answer: unknown): GraphQLError[] {
  const errors = typeof answer === 'object' && answer !== null && 'errors' in answer ? answer.errors : undefined;
  return Array.isArray(errors) ? errors.filter((e): e is GraphQLError => typeof e === 'object' && e !== null) : [];
}

// Ending every session of the fuzzing user would end the run, not test the server.
const SKIPPED = new Set(['logout']);

export async function introspect(url: string, token: string): Promise<{ schema: SchemaIndex; operations: Operation[] }> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: INTROSPECTION }),
  });
  const body = (await res.json()) as { data?: { __schema: IntrospectedSchema }; errors?: unknown };
  if (!body.data) throw new Error(`introspection failed (it is off when NODE_ENV=production): ${JSON.stringify(body.errors)}`);
  const s = body.data.__schema;
  const schema: SchemaIndex = { inputs: new Map(), enums: new Map() };
  for (const t of s.types) {
    if (t.kind === 'INPUT_OBJECT') schema.inputs.set(t.name, t.inputFields!);
    if (t.kind === 'ENUM')
      schema.enums.set(
        t.name,
        t.enumValues!.map((v) => v.name),
      );
  }
  const ops = (kind: 'query' | 'mutation', fields: IntrospectedField[]): Operation[] =>
    fields
      .filter((f) => !SKIPPED.has(f.name) && (kind === 'mutation' || f.args.length > 0))
      .map((f) => ({ name: f.name, kind, args: f.args, returnsObject: ['OBJECT', 'INTERFACE', 'UNION'].includes(namedType(f.type).kind) }));
  return { schema, operations: [...ops('mutation', s.mutationType.fields), ...ops('query', s.queryType.fields)] };
}

function document(op: Operation): string {
  const vars = op.args.map((a, i) => `$a${i}: ${typeName(a.type)}`).join(', ');
  const call = op.args.map((a, i) => `${a.name}: $a${i}`).join(', ');
  return `${op.kind} Fuzz${vars ? `(${vars})` : ''} { ${op.name}${call ? `(${call})` : ''}${op.returnsObject ? ' { __typename }' : ''} }`;
}

/** Requests no generator produces: shapes and sizes meant to break a parser or exhaust a server. */
function rawAttacks(rng: Rng): { name: string; body: Buffer | string; contentType: string }[] {
  const json = (v: unknown) => JSON.stringify(v);
  const deep = (n: number) => `{ __schema { types { ${'fields { type { '.repeat(n)}name${' } }'.repeat(n)} } } }`;
  const nestedPatients = (n: number) => `{ patients(first: 1) { edges { node { ${'fractures { treatments { '.repeat(n)}id${' } }'.repeat(n)} } } } }`;
  const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: __typename`).join(' ')} }`;
  const heavy = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `c${i}: cohortSize { total }`).join(' ')} }`;
  const invalidUtf8 = Buffer.concat([
    Buffer.from('{"query":"{ patients(first: 1, filter: { search: \\"'),
    Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xa0, 0xa1, 0xed, 0xa0, 0x80]),
    Buffer.from('\\" }) { totalCount } }"}'),
  ]);
  const invalidUtf8Var = Buffer.concat([
    Buffer.from('{"query":"mutation($i: SaveCohortInput!) { saveCohort(input: $i) { id } }","variables":{"i":{"name":"'),
    Buffer.from([0xc0, 0xaf, 0xf8, 0x88, 0x80]),
    Buffer.from('","filter":{}}}}'),
  ]);
  return [
    { name: 'raw:deep-introspection', body: json({ query: deep(40) }), contentType: 'application/json' },
    { name: 'raw:deep-patients', body: json({ query: nestedPatients(15) }), contentType: 'application/json' },
    { name: 'raw:alias-flood', body: json({ query: aliases(5000) }), contentType: 'application/json' },
    { name: 'raw:heavy-aliases', body: json({ query: heavy(rng.pick([21, 100])) }), contentType: 'application/json' },
    { name: 'raw:huge-query', body: json({ query: `{ __typename ${' '.repeat(1_900_000)}}` }), contentType: 'application/json' },
    { name: 'raw:too-large', body: json({ query: `{ __typename }`, pad: 'x'.repeat(3_000_000) }), contentType: 'application/json' },
    { name: 'raw:invalid-utf8-query', body: invalidUtf8, contentType: 'application/json' },
    { name: 'raw:invalid-utf8-variable', body: invalidUtf8Var, contentType: 'application/json' },
    { name: 'raw:invalid-json', body: '{"query": "{ __typename }"', contentType: 'application/json' },
    { name: 'raw:empty-body', body: '', contentType: 'application/json' },
    { name: 'raw:batch', body: json([{ query: '{ __typename }' }, { query: '{ __typename }' }]), contentType: 'application/json' },
    { name: 'raw:query-not-string', body: json({ query: 42 }), contentType: 'application/json' },
    {
      name: 'raw:variables-string',
      body: json({ query: 'query($f: CohortFilterInput) { cohortSize(filter: $f) { total } }', variables: '{"f": {}}' }),
      contentType: 'application/json',
    },
    { name: 'raw:text-plain', body: '{ __typename }', contentType: 'text/plain' },
    { name: 'raw:graphql-content-type', body: '{ __typename }', contentType: 'application/graphql' },
    { name: 'raw:syntax-error', body: json({ query: '{ patients(first: ) { ' }), contentType: 'application/json' },
    { name: 'raw:unknown-operation', body: json({ query: '{ __typename }', operationName: 'Nope' }), contentType: 'application/json' },
    {
      name: 'raw:sql-in-literal',
      body: json({ query: `{ cohortSize(filter: { sex: FEMALE, ageMin: 1 }) { total } patients(filter: { search: "${"' OR 1=1 --"}" }) { totalCount } }` }),
      contentType: 'application/json',
    },
  ];
}

export interface FuzzOptions {
  inputs: number;
  seed: number;
  /** Called every 500 inputs. */
  progress?: (done: number) => void;
}

export async function runFuzz(url: string, tokens: FuzzTokens, pool: IdPool, options: FuzzOptions): Promise<FuzzReport> {
  const rng = new Rng(options.seed);
  const { schema, operations } = await introspect(url, tokens.admin);
  const report: FuzzReport = { inputs: 0, byOperation: {}, statuses: {}, accepted: 0, findings: [] };
  const roles = [tokens.admin, tokens.admin, tokens.coordinator, tokens.researcher];

  const send = async (name: string, body: Buffer | string, contentType: string, token: string | null): Promise<void> => {
    report.inputs++;
    report.byOperation[name] = (report.byOperation[name] ?? 0) + 1;
    let status: number;
    let text: string;
    try {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': contentType, accept: 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: body as BodyInit,
      });
      status = res.status;
      text = await res.text();
    } catch (e) {
      report.findings.push({ kind: 'connection', operation: name, status: 0, detail: e instanceof Error ? e.message : String(e) });
      return;
    }
    report.statuses[status] = (report.statuses[status] ?? 0) + 1;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      // Only a server error must still be a GraphQL answer; a 4xx from the HTTP layer may be plain.
      if (status >= 500) report.findings.push({ kind: 'not-json', operation: name, status, detail: text.slice(0, 200) });
      return;
    }
    const errors = errorsOf(parsed);
    if (status >= 500 && !errors.length) report.findings.push({ kind: 'bare-5xx', operation: name, status, detail: text.slice(0, 300) });
    for (const e of errors) {
      if (e.extensions?.code === 'INTERNAL_SERVER_ERROR')
        report.findings.push({ kind: 'internal-error', operation: name, status, detail: `${e.message} ${typeof body === 'string' ? body.slice(0, 400) : ''}` });
    }
    if (!errors.length && status < 300) report.accepted++;
  };

  for (const attack of rawAttacks(rng)) await send(attack.name, attack.body, attack.contentType, tokens.admin);
  while (report.inputs < options.inputs) {
    const op = rng.pick(operations);
    const variables: Record<string, unknown> = {};
    const hostility = rng.chance(0.4) ? 0.02 : 0.25;
    op.args.forEach((a, i) => {
      if (a.type.kind === 'NON_NULL' || rng.chance(0.7)) variables[`a${i}`] = valueFor(a.type, a.name, schema, pool, rng, 0, hostility);
    });
    // Now and then a wrong type for a whole argument object.
    if (op.args.length && rng.chance(0.03)) variables.a0 = rng.pick(['x', 1, [], true]);
    await send(`${op.kind}:${op.name}`, JSON.stringify({ query: document(op), variables }), 'application/json', rng.chance(0.03) ? null : rng.pick(roles));
    if (options.progress && report.inputs % 500 === 0) options.progress(report.inputs);
  }
  return report;
}
