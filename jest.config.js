// One jest run for the whole workspace. @swc/jest compiles our TypeScript and the ESM-only
// @nestjs packages to CommonJS, with legacy decorators and their metadata (code-first GraphQL
// reads the metadata to resolve field types), and ECharts' ESM modules for the dashboard's SVG
// download, whose spec draws charts with the modules the dashboard registers.
const { compilerOptions } = require('./tsconfig.base.json');

const moduleNameMapper = {};
for (const [alias, [target]] of Object.entries(compilerOptions.paths)) {
  moduleNameMapper[`^${alias}$`] = `<rootDir>/${target}`;
}

const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true, tsx: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  },
];

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/tools', '<rootDir>/docker', '<rootDir>/migrations'],
  testMatch: ['**/*.spec.ts', '**/*.spec.tsx'],
  transform: { '^.+\\.(t|j|mj)sx?$': swc },
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs|marked|echarts|zrender)/)'],
  moduleNameMapper,
  testTimeout: 60000,
  maxWorkers: 2,
  // A worker takes longer to end the more memory it holds (0.2 to 0.5 s for the 1.1 to 1.7 GB one
  // held after 70 test files, longer on a busy machine), and jest kills one that has not ended
  // 0.5 s after the last test file, with a warning that it "failed to exit gracefully". A worker
  // above 512 MB after a test file is replaced by a fresh one.
  workerIdleMemoryLimit: '512MB',
};
