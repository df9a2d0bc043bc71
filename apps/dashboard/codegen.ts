import type { CodegenConfig } from '@graphql-codegen/cli';

// Typed documents for the dashboard: every graphql(`...`) in src is checked against the API's
// printed schema (npm run codegen prints it first), and tsc then checks how results are used.
const config: CodegenConfig = {
  schema: 'apps/dashboard/schema.graphql',
  documents: ['apps/dashboard/src/**/*.{ts,tsx}', '!apps/dashboard/src/gql/**'],
  ignoreNoDocuments: false,
  generates: {
    'apps/dashboard/src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTime: 'string', JSON: 'unknown' },
        skipTypename: true,
      },
    },
  },
};

export default config;
