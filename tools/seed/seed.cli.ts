// npm run seed -- --patients N [--sites K] [--seed S] [--workers W]
// Fills the registry (DATABASE_URL, or the embedded database under DATA_DIR) with a synthetic,
// deterministic registry. It refuses a database that already holds patients. The rows are
// generated in W worker threads (default: the cores but one, at least one) while the database
// writes the ones before.
import fs from 'node:fs';
import os from 'node:os';
import { hash } from '@node-rs/argon2';
import { databaseConfigFromEnv, openDatabase } from '@vfr/api-database';
import { Role } from '@vfr/domain';
import { BatchSpec, DEMO_PASSWORD, insertRegistry, Random } from '@vfr/seed';
import { REGISTRY_SCHEMA } from '@vfr/api-app';
import { cliArgsOrExit } from '../cli-args';
import { BatchWorkers } from './batch-workers';

const ARGS = cliArgsOrExit(process.argv.slice(2), {
  usage: 'npm run seed -- [--patients N] [--sites K] [--seed S] [--workers W]',
  numbers: {
    patients: { default: 1000 },
    sites: { default: 5 },
    seed: { default: 1 },
    workers: { default: Math.max(1, os.availableParallelism() - 1) },
  },
});

async function main(): Promise<void> {
  const { patients, sites: siteCount, seed } = ARGS.numbers;
  // The owner migrates: DATABASE_MIGRATION_URL when the API's DATABASE_URL is the restricted role.
  const config = databaseConfigFromEnv();
  const db = await openDatabase({ ...config, url: config.migrationUrl ?? config.url }, REGISTRY_SCHEMA);
  try {
    await db.dataSource.runMigrations({ transaction: 'each' });
    const [{ n }] = await db.dataSource.query<{ n: number }[]>('SELECT count(*)::int AS n FROM patient');
    if (n > 0) throw new Error(`the database already holds ${n} patients; seed an empty one`);
    const rnd = new Random(seed);
    const sites = Array.from({ length: siteCount }, (_, i) => ({
      id: rnd.uuid(),
      code: `SITE${String(i + 1).padStart(2, '0')}`,
      name: `Synthetic site ${i + 1}`,
    }));
    const [{ users }] = await db.dataSource.query<{ users: number }[]>('SELECT count(*)::int AS users FROM app_user');
    const passwordHash = await hash(DEMO_PASSWORD);
    const accounts =
      users > 0
        ? []
        : [
            { id: rnd.uuid(), email: 'admin@demo.registry', display_name: 'Ada Admin', role: Role.ADMIN, site_id: null, password_hash: passwordHash },
            {
              id: rnd.uuid(),
              email: 'researcher@demo.registry',
              display_name: 'Rita Researcher',
              role: Role.RESEARCHER,
              site_id: null,
              password_hash: passwordHash,
            },
          ];
    const started = Date.now();
    const timings: Record<string, number> = {};
    const cpuBefore = process.cpuUsage();
    let backend: { pid: number; before: number | null } | undefined;
    // A server on another host has its own process ids.
    const host = config.url ? new URL(config.url).hostname : 'localhost';
    const local = ['localhost', '127.0.0.1', '[::1]', ''].includes(host);
    const workers = new BatchWorkers(ARGS.numbers.workers);
    try {
      // Two batches per worker in flight: one being generated, one waiting for the database.
      const produce = (spec: BatchSpec) => workers.produce(spec);
      await insertRegistry(db.dataSource, {
        sites,
        users: accounts,
        patients,
        seed,
        copy: true,
        produce,
        ahead: 2 * ARGS.numbers.workers,
        timings,
        onBackend: (pid) => (backend = local ? { pid, before: processCpuSeconds(pid) } : undefined),
      });
    } finally {
      await workers.close();
    }
    // CPU time says what the wall time means on a machine shared with other work.
    const nodeCpu = process.cpuUsage(cpuBefore);
    const backendAfter = backend ? processCpuSeconds(backend.pid) : null;
    const cpu =
      `CPU time: this process ${((nodeCpu.user + nodeCpu.system) / 1e6).toFixed(1)} s (all threads)` +
      (backend?.before != null && backendAfter != null ? `, its database connection ${(backendAfter - backend.before).toFixed(1)} s` : '');
    const counts = await db.dataSource.query<Record<string, number>[]>(
      `SELECT (SELECT count(*) FROM patient)::int AS patients, (SELECT count(*) FROM assessment)::int AS assessments,
              (SELECT count(*) FROM treatment)::int AS treatments, (SELECT count(*) FROM complication)::int AS complications`,
    );
    const analyzed = Date.now();
    await db.dataSource.query('ANALYZE');
    timings['final ANALYZE'] = (Date.now() - analyzed) / 1000;
    console.log(cpu);
    console.log(
      `Where the time went (s): ${Object.entries(timings)
        .map(([k, v]) => `${k} ${v.toFixed(1)}`)
        .join(', ')}`,
    );
    console.log(
      `Seeded ${JSON.stringify(counts[0])} across ${siteCount} sites in ${((Date.now() - started) / 1000).toFixed(1)} s ` +
        `(load average ${os.loadavg()[0].toFixed(1)})`,
    );
  } finally {
    await db.close();
  }
}

/** User and system CPU seconds of a process on this machine (Linux /proc), or null where unreadable (another host). */
function processCpuSeconds(pid: number): number | null {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // utime and stime are fields 14 and 15 of the line, the 12th and 13th after the command name.
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return null;
  }
}
// Linux's clock ticks per second (getconf CLK_TCK), the unit of /proc/<pid>/stat's times.
const CLOCK_TICKS = 100;

main().catch((e) => {
  console.error(`Seeding failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
