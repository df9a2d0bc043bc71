// npm run codegen (first step): writes apps/dashboard/schema.graphql from the API's code.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { printRegistrySchema } from './registry-schema';

export const SCHEMA_FILE = join(__dirname, '..', '..', 'apps', 'dashboard', 'schema.graphql');

printRegistrySchema()
  .then((sdl) => {
    writeFileSync(SCHEMA_FILE, sdl);
    console.log(`Wrote ${SCHEMA_FILE.slice(join(__dirname, '..', '..').length + 1)} (${sdl.split('\n').length} lines)`);
  })
  .catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
