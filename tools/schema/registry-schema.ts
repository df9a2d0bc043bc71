// The API's GraphQL schema as SDL, built from the resolvers' decorators alone: no database, no
// server. The dashboard's generated types are checked against this text.
import { DynamicModule, Type } from '@nestjs/common';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { NestFactory } from '@nestjs/core';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { OpenDatabase } from '@vfr/api-database';
import { AppModule } from '@vfr/api-app';

type ModuleRef = Type<unknown> | DynamicModule | Promise<DynamicModule>;

// @Resolver() without a type marks only its methods (Query, Mutation, ResolveField), so look there too.
const isResolver = (cls: Function): boolean =>
  Boolean(Reflect.getMetadata('graphql:resolver_type', cls)) ||
  Object.getOwnPropertyNames(cls.prototype).some((key) => {
    const member = Object.getOwnPropertyDescriptor(cls.prototype, key)?.value;
    return typeof member === 'function' && Boolean(Reflect.getMetadata('graphql:resolver_type', member));
  });

/** Every resolver class the app's modules provide, found by walking the import graph. */
export function registryResolvers(): Function[] {
  // forDatabase only captures the database in providers (nothing here instantiates them), so an
  // empty stand-in suffices.
  const root = AppModule.forDatabase({} as OpenDatabase);
  const seen = new Set<unknown>();
  const resolvers = new Set<Function>();
  const visit = (ref: ModuleRef | undefined) => {
    if (!ref || ref instanceof Promise || seen.has(ref)) return;
    seen.add(ref);
    const cls = 'module' in ref ? ref.module : ref;
    const dynamic = 'module' in ref ? ref : undefined;
    const imports: ModuleRef[] = [...(Reflect.getMetadata('imports', cls) ?? []), ...(dynamic?.imports ?? [])];
    const providers: unknown[] = [...(Reflect.getMetadata('providers', cls) ?? []), ...(dynamic?.providers ?? [])];
    for (const p of providers) {
      if (typeof p === 'function' && isResolver(p)) resolvers.add(p);
    }
    imports.forEach(visit);
  };
  visit(root);
  return [...resolvers];
}

/** The schema exactly as the server prints it with sortSchema: true. */
export async function printRegistrySchema(): Promise<string> {
  const app = await NestFactory.create(GraphQLSchemaBuilderModule, { logger: false });
  try {
    await app.init();
    const schema = await app.get(GraphQLSchemaFactory).create(registryResolvers());
    return `${printSchema(lexicographicSortSchema(schema))}\n`;
  } finally {
    await app.close();
  }
}
