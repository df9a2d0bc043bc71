// npx nx run dashboard:budget (after dashboard:build): fails when the dashboard's JavaScript is
// over its gzipped budget. Argument: the built assets directory.
import { checkBundle, measureBundle } from './bundle-budget';

try {
  console.log(checkBundle(measureBundle(process.argv[2] ?? 'dist/apps/dashboard/assets')));
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
}
