// npm run follow-primary -- --monitor URL --file PATH --admin URL [--database registry=dbname=registry]
//                          [--formation default] [--group 0] [--poll-ms 1000]
// Keeps PgBouncer's [databases] entry on the primary of a pg_auto_failover formation
// (docs/scaling.md, "PgBouncer that follows the primary"): run one beside each PgBouncer, for as
// long as PgBouncer runs. It writes the file PgBouncer's ini includes and sends RELOAD when the
// monitor names another primary; it stops on SIGTERM or SIGINT.
import { PgBouncerFollower } from '@vfr/api-database';
import { cliArgsOrExit } from '../cli-args';

const USAGE = 'npm run follow-primary -- --monitor URL --file PATH --admin URL [--database name=settings] [--formation default] [--group 0] [--poll-ms 1000]';
const ARGS = cliArgsOrExit(process.argv.slice(2), {
  usage: USAGE,
  numbers: { group: { default: 0, min: 0 }, 'poll-ms': { default: 1000, min: 100 } },
  strings: ['monitor', 'file', 'admin', 'database', 'formation'],
  flags: [],
});

function fail(message: string): never {
  console.error(`${message}\nUsage: ${USAGE}`);
  process.exit(2);
}

async function main(): Promise<void> {
  const { monitor, file, admin } = ARGS.strings;
  if (!monitor) fail('--monitor is required: the pg_auto_failover monitor, e.g. postgres://autoctl_node@monitor:5432/pg_auto_failover');
  if (!file) fail("--file is required: the file PgBouncer's ini includes for its [databases] section (%include)");
  if (!admin) fail("--admin is required: PgBouncer's admin console as one of its admin_users, e.g. postgres://pgbouncer_admin@127.0.0.1:6432/pgbouncer");
  const database = ARGS.strings.database ?? 'registry=dbname=registry';
  const at = database.indexOf('=');
  if (at < 1) fail(`--database ${database}: give the name clients use, "=", and its settings without host and port, e.g. registry=dbname=registry`);
  const follower = new PgBouncerFollower({
    monitorUrl: monitor,
    formation: ARGS.strings.formation ?? 'default',
    group: ARGS.numbers.group,
    databasesFile: file,
    databases: { [database.slice(0, at)]: database.slice(at + 1) },
    adminUrl: admin,
    pollMs: ARGS.numbers['poll-ms'],
  });
  await follower.start();
  const stop = () => void follower.stop().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
