// The API's GraphQL schema as SDL, built from the resolvers' decorators alone: no database, no
// server. The dashboard's generated types are checked against this text.
import { DynamicModule, ForwardReference, Provider, Type } from '@nestjs/common';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { NestFactory } from '@nestjs/core';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { OpenDatabase } from '@vfr/api-database';
import { AppModule } from '@vfr/api-app';

type ModuleRef = Type<unknown> | DynamicModule | Promise<DynamicModule> | ForwardReference<() => ModuleRef>;

// @Resolver() without a type marks only its methods (Query, Mutation, ResolveField), so look there too.
const isResolver = (cls: Type<unknown>): boolean =>
  Boolean(Reflect.getMetadata('graphql:resolver_type', cls)) ||
  Object.getOwnPropertyNames(cls.prototype).some((key) => {
    const member: unknown = Object.getOwnPropertyDescriptor(cls.prototype, key)?.value;
    return typeof member === 'function' && Boolean(Reflect.getMetadata('graphql:resolver_type', member));
  });

/** Every resolver class the app's modules provide, found by walking the import graph. */
export function registryResolvers(): Type<unknown>[] {
  // forDatabase only captures the database in providers (nothing here instantiates them), so an
  // empty stand-in suffices.
  const root = AppModule.forDatabase({} as OpenDatabase);
  const seen = new Set<unknown>();
  const resolvers = new Set<Type<unknown>>();
  const visit = (ref: ModuleRef | undefined) => {
    if (!ref || ref instanceof Promise || seen.has(ref)) return;
    if ('forwardRef' in ref) return visit(ref.forwardRef());
    seen.add(ref);
    const cls = 'module' in ref ? ref.module : ref;
    const dynamic = 'module' in ref ? ref : undefined;
    // What @Module() recorded, as Nest's types say it is.
    const imports: ModuleRef[] = [...((Reflect.getMetadata('imports', cls) as ModuleRef[] | undefined) ?? []), ...(dynamic?.imports ?? [])];
    const providers: Provider[] = [...((Reflect.getMetadata('providers', cls) as Provider[] | undefined) ?? []), ...(dynamic?.providers ?? [])];
    // A provider that is a function is a class (the others are { provide, use... } objects).
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
