import type { ApolloServerOptionsWithGateway, BaseContext } from '@apollo/server';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { Injectable } from '@nestjs/common';
import {
  BREAK,
  DocumentNode,
  execute,
  getNamedType,
  GraphQLError,
  GraphQLSchema,
  isInputObjectType,
  NamedTypeNode,
  OperationDefinitionNode,
  OperationTypeNode,
  printSchema,
  typeFromAST,
  visit,
} from 'graphql';
import { getVariableValues } from 'graphql/execution/values';
import { CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';

type GatewayInterface = ApolloServerOptionsWithGateway<BaseContext>['gateway'];
type GatewayExecutor = NonNullable<Awaited<ReturnType<GatewayInterface['load']>>['executor']>;
type SchemaListener = Parameters<GatewayInterface['onSchemaLoadOrUpdate']>[0];

/**
 * Executes each operation with graphql-jit: compiled once into a function for its document, then
 * run for every request that sends the same query. graphql-js interprets the document anew for
 * every request, field by field; on the patient list (50 patients, some 30 fields each plus their
 * records) that interpretation was a large share of the API's CPU per request
 * (docs/performance.md, "Patient list beside PostGraphile 4").
 *
 * Apollo Server still parses, validates (the depth, cost and alias limits among its rules),
 * runs its plugins and formats errors; only execution is replaced. Apollo Server takes a custom
 * executor only from a gateway, so this is one that serves the schema it is given.
 */
export function compiledExecutorGateway(schema: GraphQLSchema): GatewayInterface {
  // Apollo keeps one parsed document per query text (its document store), so a compiled
  // operation lives as long as Apollo keeps its document, and no longer.
  const compiled = new WeakMap<DocumentNode, Map<string, CompiledQuery | null>>();
  const executor: GatewayExecutor = async ({ document, operation, request, context }) => {
    // The name the client sent (the context's operationName is that of the operation found, or null).
    const operationName = request.operationName;
    const interpreted = () => execute({ schema, document, contextValue: context, variableValues: request.variables, operationName });
    // No such operation in the document: graphql-js's error for it, as before.
    if (!operation) return interpreted();
    let byName = compiled.get(document);
    if (!byName) compiled.set(document, (byName = new Map<string, CompiledQuery | null>()));
    const name = operationName ?? '';
    let query = byName.get(name);
    if (query === undefined) {
      const result = compilable(schema, document, operation) ? compileQuery(schema, document, operationName ?? undefined) : null;
      // Not compiled: run by graphql-js, as Apollo Server would have.
      query = result && isCompiledQuery(result) ? result : null;
      byName.set(name, query);
    }
    if (!query) return interpreted();
    // Variables checked by graphql-js first, so that a bad value gets graphql-js's error (with
    // the variable's node, which Apollo reads to answer BAD_USER_INPUT and HTTP 400) as before.
    const variables = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {});
    if (variables.errors) return { errors: variables.errors };
    const result = await query.query(undefined, context, request.variables ?? {});
    return result.errors ? { ...result, errors: (result.errors as readonly CompiledError[]).map(asGraphQLError) } : result;
  };
  let listener: SchemaListener | undefined;
  return {
    onSchemaLoadOrUpdate(callback) {
      listener = callback;
      return () => (listener = undefined);
    },
    load() {
      listener?.({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
      return Promise.resolve({ executor });
    },
    stop: () => Promise.resolve(),
  };
}

/**
 * Whether graphql-jit runs the operation as graphql-js would: a query (reads; mutations run one
 * after another and stay with graphql-js) with no input object in its variables or arguments.
 * graphql-jit 0.8 leaves out the default of a required field of an input object (a create
 * input's `activeCancer: Boolean! = false` is refused as missing), so input objects, in
 * variables or written in the query, stay with graphql-js.
 */
function compilable(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): boolean {
  if (operation.operation !== OperationTypeNode.QUERY) return false;
  for (const v of operation.variableDefinitions ?? []) {
    const type = typeFromAST(schema, v.type as NamedTypeNode);
    if (!type || isInputObjectType(getNamedType(type))) return false;
  }
  let objects = false;
  visit(document, {
    ObjectValue() {
      objects = true;
      return BREAK;
    },
  });
  return !objects;
}

/** An error as graphql-jit reports it (its own kind, not the project's GraphQLError). */
interface CompiledError {
  message: string;
  path?: ReadonlyArray<string | number>;
  locations?: GraphQLError['locations'];
  originalError?: unknown;
}

/**
 * An error of the compiled query as graphql-js's locatedError gives it: what the resolver threw
 * when it is a GraphQLError with its path, else a GraphQLError of the project's graphql with what
 * was thrown as its originalError; so that Apollo and the error mapper (graphql-error.mapper.ts)
 * see what they saw from graphql-js.
 */
function asGraphQLError(e: CompiledError): GraphQLError {
  // graphql-js's execution errors all carry what was thrown (a null in a non-null field too).
  const thrown = e.originalError ?? new Error(e.message);
  if (thrown instanceof GraphQLError && Array.isArray(thrown.path)) return thrown;
  const error = new GraphQLError(thrown instanceof Error ? thrown.message : e.message, {
    ...(thrown instanceof GraphQLError ? { nodes: thrown.nodes, source: thrown.source, positions: thrown.positions } : {}),
    path: e.path,
    originalError: thrown instanceof Error ? thrown : undefined,
  });
  // Where in the query, as graphql-jit computed it (GraphQLError computes it only from AST nodes).
  if (!error.locations && e.locations) Object.defineProperty(error, 'locations', { value: e.locations, enumerable: true });
  return error;
}

/** Nest's Apollo driver with the compiled executor in front of the schema Nest built. */
@Injectable()
export class CompiledApolloDriver extends ApolloDriver {
  override async registerServer(options: ApolloDriverConfig): Promise<void> {
    if (!options.schema) throw new Error('The compiled executor needs the schema Nest built');
    await super.registerServer({ ...options, gateway: compiledExecutorGateway(options.schema) } as ApolloDriverConfig);
  }
}
