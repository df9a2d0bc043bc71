import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { startTestApp, TestApp } from '@vfr/api-testing';
import { printRegistrySchema } from './registry-schema';

// The dashboard's generated types come from apps/dashboard/schema.graphql; if the API changes
// and nobody reruns `npm run codegen`, these fail instead of the dashboard silently drifting.
const committed = readFileSync(join(__dirname, '..', '..', 'apps', 'dashboard', 'schema.graphql'), 'utf8');
const stale = 'apps/dashboard/schema.graphql is stale: run `npm run codegen` and commit schema.graphql and apps/dashboard/src/gql';

describe('the dashboard schema file', () => {
  it('matches the schema printed from the resolvers', async () => {
    const printed = await printRegistrySchema();
    if (printed !== committed) throw new Error(stale);
  });

  describe('against the running server', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp('embedded', { patients: 1 });
    });
    afterAll(() => t?.close());

    it('matches the schema the server actually serves', () => {
      const served = `${printSchema(lexicographicSortSchema(t.app.get(GraphQLSchemaHost).schema))}\n`;
      expect(served).toBe(committed);
    });
  });
});

describe('the dashboard generated types', () => {
  it('match what codegen makes of schema.graphql and the documents in apps/dashboard/src', () => {
    // Codegen is ESM-only, which jest's module system cannot load, so it runs in a child process.
    const root = join(__dirname, '..', '..');
    const run = spawnSync(process.execPath, [join(root, 'tools/run-ts.js'), 'tools/schema/codegen-check.cli.ts'], { cwd: root, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(run.stderr || run.stdout);
    expect(run.stdout).toMatch(/^Generated types are current: \d+ files/);
  }, 90000);
});
