// Checks, without writing anything, that apps/dashboard/src/gql is what `npm run codegen` would
// make of the committed schema and the dashboard's documents. Exits 1 and names the stale files.
import { generate, loadCodegenConfig } from '@graphql-codegen/cli';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

async function main(): Promise<void> {
  process.chdir(join(__dirname, '..', '..'));
  // The dashboard's configuration file, loaded as `graphql-codegen --config` loads it.
  const { config } = await loadCodegenConfig({ configFilePath: 'apps/dashboard/codegen.ts' });
  const outputs = (await generate({ ...config, silent: true }, false)) as { filename: string; content: string }[];
  const stale = outputs.filter((o) => {
    try {
      return readFileSync(o.filename, 'utf8') !== o.content;
    } catch {
      return true;
    }
  });
  if (stale.length) {
    console.error(`Stale generated types: ${stale.map((o) => o.filename).join(', ')}. Run \`npm run codegen\` and commit apps/dashboard/src/gql.`);
    process.exit(1);
  }
  console.log(`Generated types are current: ${outputs.length} files`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
