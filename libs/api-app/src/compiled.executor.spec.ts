import { buildSchema, execute, getOperationAST, GraphQLError, GraphQLSchema, parse } from 'graphql';
import { compiledExecutorGateway } from './compiled.executor';

// The compiled executor must answer exactly what graphql-js answers, errors included (the error
// mapper reads what a resolver threw through originalError), and leave to graphql-js what
// graphql-jit gets wrong.

class Refused extends Error {}

function schemaWithResolvers(calls: { info: unknown[] }): GraphQLSchema {
  const schema = buildSchema(`
    input Flags { name: String!, brave: Boolean! = false }
    type Item { id: ID!, label: String!, broken: String!, refused: String, computed: String }
    type Query {
      items(first: Int): [Item!]!
      echo(flags: Flags!): String!
    }
    type Mutation { save(flags: Flags!): String! }
  `);
  const items = (_: unknown, args: { first?: number }, _ctx: unknown, info: unknown) => {
    calls.info.push(info);
    return Array.from({ length: args.first ?? 2 }, (_, i) => ({ id: String(i), label: `item ${i}`, computed: () => 'called' }));
  };
  const echo = (_: unknown, args: { flags: { name: string; brave: boolean } }) => `${args.flags.name} ${args.flags.brave}`;
  schema.getQueryType()!.getFields().items.resolve = items;
  schema.getQueryType()!.getFields().echo.resolve = echo;
  schema.getMutationType()!.getFields().save.resolve = echo;
  const item = schema.getType('Item') as import('graphql').GraphQLObjectType;
  item.getFields().broken.resolve = () => null;
  item.getFields().refused.resolve = () => {
    throw new Refused('not for you');
  };
  return schema;
}

async function run(schema: GraphQLSchema, query: string, variables: Record<string, unknown> = {}, operationName?: string) {
  const gateway = compiledExecutorGateway(schema);
  gateway.onSchemaLoadOrUpdate(() => undefined);
  const { executor } = await gateway.load({ apollo: {} });
  const document = parse(query);
  const operation = getOperationAST(document, operationName) ?? undefined;
  const request = { document, operation, operationName: operation?.name?.value ?? null, request: { query, variables, operationName }, context: {} };
  const compiled = await executor!(request as unknown as Parameters<NonNullable<typeof executor>>[0]);
  const interpreted = await execute({ schema, document, variableValues: variables, operationName, contextValue: {} });
  return { compiled, interpreted };
}

/** What a client and the error mapper see of an error. */
const seen = (e: GraphQLError) => ({
  message: e.message,
  path: e.path,
  locations: e.locations,
  original: e.originalError?.constructor.name,
  isGraphQLError: e instanceof GraphQLError,
});

describe('the compiled executor', () => {
  it('answers a query as graphql-js does', async () => {
    const calls = { info: [] as unknown[] };
    const schema = schemaWithResolvers(calls);
    const { compiled, interpreted } = await run(schema, `query Q($n: Int) { items(first: $n) { id label } }`, { n: 3 });
    expect(compiled).toEqual(interpreted);
    expect(compiled.data).toEqual({ items: [0, 1, 2].map((i) => ({ id: String(i), label: `item ${i}` })) });
  });

  it('runs a query compiled: a property that holds a function is not called, as graphql-js would call it', async () => {
    // graphql-jit's one departure that the API's models must avoid (they are plain values).
    const schema = schemaWithResolvers({ info: [] });
    const { compiled, interpreted } = await run(schema, `{ items(first: 1) { computed } }`);
    expect(interpreted.data).toEqual({ items: [{ computed: 'called' }] });
    expect(compiled.data).not.toEqual(interpreted.data);
  });

  it("gives what a resolver threw as the error's originalError, with its path and place, as graphql-js does", async () => {
    const schema = schemaWithResolvers({ info: [] });
    const { compiled, interpreted } = await run(schema, `{ items(first: 1) { id refused } }`);
    expect(compiled.data).toEqual(interpreted.data);
    expect(compiled.errors!.map(seen)).toEqual(interpreted.errors!.map(seen));
    expect(seen(compiled.errors![0])).toMatchObject({ original: 'Refused', isGraphQLError: true, path: ['items', 0, 'refused'] });
  });

  it('reports a null in a non-null field as graphql-js does (the parent nulled, an error with an originalError)', async () => {
    const schema = schemaWithResolvers({ info: [] });
    const { compiled, interpreted } = await run(schema, `{ items(first: 1) { id broken } }`);
    expect(compiled.data).toEqual(interpreted.data);
    expect(compiled.errors!.map(seen)).toEqual(interpreted.errors!.map(seen));
  });

  it("refuses a bad variable with graphql-js's error (its node, for Apollo's BAD_USER_INPUT)", async () => {
    const schema = schemaWithResolvers({ info: [] });
    const { compiled, interpreted } = await run(schema, `query Q($n: Int) { items(first: $n) { id } }`, { n: 'many' });
    expect(compiled).toEqual(interpreted);
    expect(compiled.errors![0].nodes?.[0].kind).toBe('VariableDefinition');
  });

  it('leaves input objects to graphql-js, which gives a required field its default (graphql-jit 0.8 refuses it as missing)', async () => {
    const schema = schemaWithResolvers({ info: [] });
    const byVariable = await run(schema, `query Q($f: Flags!) { echo(flags: $f) }`, { f: { name: 'a' } });
    expect(byVariable.compiled).toEqual({ data: { echo: 'a false' } });
    const written = await run(schema, `{ echo(flags: { name: "b" }) }`);
    expect(written.compiled).toEqual({ data: { echo: 'b false' } });
    const mutation = await run(schema, `mutation M($f: Flags!) { save(flags: $f) }`, { f: { name: 'c' } });
    expect(mutation.compiled).toEqual({ data: { save: 'c false' } });
  });

  it("answers an unknown operation name with graphql-js's error", async () => {
    const schema = schemaWithResolvers({ info: [] });
    const { compiled, interpreted } = await run(schema, `query Q { items { id } }`, {}, 'Nope');
    expect(compiled).toEqual(interpreted);
    expect(compiled.errors![0].message).toMatch(/Unknown operation named "Nope"/);
  });
});
