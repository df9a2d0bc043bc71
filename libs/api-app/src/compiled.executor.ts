import type { ApolloServerOptionsWithGateway, BaseContext } from '@apollo/server';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { Injectable } from '@nestjs/common';
import { DocumentNode, GraphQLSchema, printSchema } from 'graphql';
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
  const compiled = new WeakMap<DocumentNode, Map<string, CompiledQuery>>();
  const executor: GatewayExecutor = async ({ document, operationName, request, context }) => {
    let byName = compiled.get(document);
    if (!byName) compiled.set(document, (byName = new Map()));
    const name = operationName ?? '';
    let query = byName.get(name);
    if (!query) {
      const result = compileQuery(schema, document, operationName ?? undefined);
      // Not compilable (no such operation): the errors graphql-js would give.
      if (!isCompiledQuery(result)) return result;
      byName.set(name, (query = result));
    }
    return query.query(undefined, context, request.variables ?? {});
  };
  let listener: SchemaListener | undefined;
  return {
    onSchemaLoadOrUpdate(callback) {
      listener = callback;
      return () => (listener = undefined);
    },
    async load() {
      listener?.({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
      return { executor };
    },
    async stop() {},
  };
}

/** Nest's Apollo driver with the compiled executor in front of the schema Nest built. */
@Injectable()
export class CompiledApolloDriver extends ApolloDriver {
  override async registerServer(options: ApolloDriverConfig): Promise<void> {
    if (!options.schema) throw new Error('The compiled executor needs the schema Nest built');
    await super.registerServer({ ...options, gateway: compiledExecutorGateway(options.schema) } as ApolloDriverConfig);
  }
}
