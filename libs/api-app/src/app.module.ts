import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { GraphQLError, ValidationContext } from 'graphql';
import { AnalyticsModule } from '@vfr/api-analytics';
import { AuditModule } from '@vfr/api-audit';
import { AuthModule } from '@vfr/api-auth';
import { formatGraphQLError, RequestContext, withPresolvedFields } from '@vfr/api-core';
import { DatabaseModule, OpenDatabase, productionFromEnv } from '@vfr/api-database';
import { FollowUpModule } from '@vfr/api-follow-up';
import { ImportExportModule } from '@vfr/api-import-export';
import { QuestionnairesModule } from '@vfr/api-questionnaires';
import { LIST_PRESOLVED_FIELDS, RegistryModule } from '@vfr/api-registry';
import { CompiledApolloDriver } from './compiled.executor';
import { servedFromPlugin } from './served-from.plugin';

// The limits' own default is to throw, which surfaces as an internal error; reported through
// the validation context they become ordinary GRAPHQL_VALIDATION_FAILED errors.
const reportAsValidationError = {
  exposeLimits: true,
  propagateOnRejection: false,
  onReject: [(ctx: ValidationContext | null, error: GraphQLError) => ctx?.reportError(error)],
};

/**
 * Error messages without graphql-js's "Did you mean ...?". Apollo's option takes it out of
 * validation errors only; a variable's value is checked later, during execution, and its errors
 * would still suggest the input fields and enum values meant.
 */
function withoutSuggestions(format: typeof formatGraphQLError): typeof formatGraphQLError {
  return (formatted, error) => {
    const out = format(formatted, error);
    return { ...out, message: out.message.replace(/ ?Did you mean [^?]*\?/g, '') };
  };
}

/** The composition root: wires the feature modules to one database and one GraphQL endpoint. */
@Module({})
export class AppModule {
  static forDatabase(db: OpenDatabase, options: { closeDatabaseOnShutdown?: boolean } = {}): DynamicModule {
    const production = productionFromEnv();
    return {
      module: AppModule,
      imports: [
        DatabaseModule.forDatabase(db, { closeOnShutdown: options.closeDatabaseOnShutdown }),
        GraphQLModule.forRoot<ApolloDriverConfig>({
          // Operations compiled by graphql-jit, once per query text (compiled.executor.ts).
          driver: CompiledApolloDriver,
          path: '/graphql',
          autoSchemaFile: true,
          sortSchema: true,
          // The patient list's nested records come with each patient, read by the page's one statement.
          transformSchema: (schema) => withPresolvedFields(schema, LIST_PRESOLVED_FIELDS),
          introspection: !production,
          // Without introspection, "Did you mean ...?" in a validation error would still name the
          // schema's fields to anyone who guesses, signed in or not (Apollo's own option).
          hideSchemaDetailsFromClientErrors: production,
          playground: false,
          // Cache hints are never used (every answer is no-store, app.factory.ts), and the plugin
          // that computes them wraps every field's resolver of every request to do so.
          plugins: [...(production ? [ApolloServerPluginLandingPageDisabled()] : []), ApolloServerPluginCacheControlDisabled(), servedFromPlugin],
          // Refuse queries built to exhaust the server: deep nesting, huge cost, alias floods.
          // (Batched HTTP requests are off: Apollo Server refuses them unless enabled.)
          validationRules: [
            maxDepthRule({ n: 10, ...reportAsValidationError }),
            costLimitRule({ maxCost: 20000, ...reportAsValidationError }),
            maxAliasesRule({ n: 20, ...reportAsValidationError }),
          ],
          allowBatchedHttpRequests: false,
          includeStacktraceInErrorResponses: false,
          context: ({ req }: { req: RequestContext['req'] }): RequestContext => ({ req, loaders: new Map() }),
          formatError: production ? withoutSuggestions(formatGraphQLError) : formatGraphQLError,
        }),
        AuditModule,
        AuthModule,
        RegistryModule,
        FollowUpModule,
        ImportExportModule,
        AnalyticsModule,
        QuestionnairesModule,
      ],
    };
  }
}
