import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { AuditModule } from '@vfr/api-audit';
import { AuthModule } from '@vfr/api-auth';
import { formatGraphQLError, RequestContext } from '@vfr/api-core';
import { DatabaseModule, OpenDatabase } from '@vfr/api-database';
import { FollowUpModule } from '@vfr/api-follow-up';
import { RegistryModule } from '@vfr/api-registry';

/** The composition root: wires the feature modules to one database and one GraphQL endpoint. */
@Module({})
export class AppModule {
  static forDatabase(db: OpenDatabase, options: { closeDatabaseOnShutdown?: boolean } = {}): DynamicModule {
    const production = process.env.NODE_ENV === 'production';
    return {
      module: AppModule,
      imports: [
        DatabaseModule.forDatabase(db, { closeOnShutdown: options.closeDatabaseOnShutdown }),
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          path: '/graphql',
          autoSchemaFile: true,
          sortSchema: true,
          introspection: !production,
          playground: false,
          includeStacktraceInErrorResponses: false,
          context: ({ req }: { req: RequestContext['req'] }): RequestContext => ({ req, loaders: new Map() }),
          formatError: formatGraphQLError,
        }),
        AuditModule,
        AuthModule,
        RegistryModule,
        FollowUpModule,
      ],
    };
  }
}
