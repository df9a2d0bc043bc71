import * as path from 'node:path';
import { Eq5dValueSet } from '@vfr/domain';
import {
  aggregateConcurrencyFromEnv,
  aggregateTimeoutFromEnv,
  DatabaseConfig,
  databaseConfigFromEnv,
  eq5dValueSetFromEnv,
  jwtSecretFromEnv,
  portFromEnv,
  sessionMaxHoursFromEnv,
  smallCellThresholdFromEnv,
  statsThreadsFromEnv,
  testTokenTtlSecondsFromEnv,
  tokenTtlMinutesFromEnv,
  wholeNumber,
} from './database.config';
import { StartupError } from './startup-error';

// Every variable the registry reads from the environment, each defined once: its name, what it
// means and its default (the README's configuration table is written from these:
// `npm run docs:config`), and the rule its value must follow. main.ts reads them all at once
// before anything starts (registryConfigFromEnv); a value that breaks its rule stops the start
// with a sentence per variable rather than being taken as 0 or as the default.

/** The whole configuration. */
export interface RegistryConfig {
  port: number;
  host: string;
  production: boolean;
  database: DatabaseConfig;
  jwtSecret: string | undefined;
  tokenTtlMinutes: number;
  sessionMaxHours: number;
  /** Tests only: an idle limit in seconds, in place of tokenTtlMinutes. */
  testTokenTtlSeconds: number | null;
  adminAccount: { email: string; password: string } | null;
  demoPatients: number;
  smallCellThreshold: number;
  aggregateConcurrency: number;
  aggregateTimeoutMs: number;
  statsThreads: number;
  eq5dValueSet: Eq5dValueSet;
  trustProxy: boolean | number | string;
  dashboardDir: string;
  sqlLog: boolean;
  questionnaires: QuestionnaireSettings;
}

/** One environment variable: its documentation and its reader (a StartupError when it breaks its rule). */
export interface Setting {
  /** The variable(s), as the README's first column shows them. */
  names: string[];
  meaning: string;
  default: string;
  /** Where the value goes in RegistryConfig (several settings may fill one part), or null for variables only tests read. */
  read: ((env: NodeJS.ProcessEnv) => Partial<RegistryConfig>) | null;
}

const oneOf = (name: string, raw: string, allowed: readonly string[], meaning: string, fallback: string) =>
  new StartupError(
    `${name} must be one of ${allowed.join(', ')} (${meaning}), ${raw.trim() === '' ? 'not empty' : `not "${raw.length > 40 ? `${raw.slice(0, 40)}...` : raw}"`}: correct it, or unset it for the default (${fallback}).`,
  );

/** NODE_ENV: only `production` changes what the registry does; a misspelt value stops the start. */
export function productionFromEnv(env: NodeJS.ProcessEnv = process.env): boolean {
  const raw = env.NODE_ENV;
  if (raw === undefined || raw === '') return false;
  const allowed = ['production', 'development', 'test'];
  if (!allowed.includes(raw)) throw oneOf('NODE_ENV', raw, allowed, 'production requires the settings a server needs', 'development');
  return raw === 'production';
}

/** HOST: the address the API listens on. */
export function hostFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  const raw = env.HOST;
  if (raw === undefined) return '0.0.0.0';
  const value = raw.trim();
  if (value === '' || /\s|\//.test(value))
    throw new StartupError(
      `HOST must be an address or a host name of this machine (the address the API listens on), not "${raw}": correct it, or unset it for the default (0.0.0.0, every address).`,
    );
  return value;
}

/** DEMO_PATIENTS: the size of the demo registry seeded into an empty embedded database. */
export function demoPatientsFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  return wholeNumber('DEMO_PATIENTS', env.DEMO_PATIENTS, {
    min: 0,
    max: 1_000_000,
    meaning: 'patients of the demo registry; 0 seeds only the sites and users',
    fallback: 300,
  });
}

/** ADMIN_EMAIL and ADMIN_PASSWORD: both or neither; the password rule is checked when the admin is created. */
export function adminAccountFromEnv(env: NodeJS.ProcessEnv = process.env): { email: string; password: string } | null {
  const email = env.ADMIN_EMAIL?.trim() || undefined;
  const password = env.ADMIN_PASSWORD || undefined;
  if (!email && !password) return null;
  if (!email || !password) {
    throw new StartupError(
      `ADMIN_EMAIL and ADMIN_PASSWORD create the first admin together: set ${email ? 'ADMIN_PASSWORD' : 'ADMIN_EMAIL'} too, or unset both.`,
    );
  }
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email))
    throw new StartupError(`ADMIN_EMAIL must be an email address (the first admin's sign-in), not "${email.slice(0, 60)}": correct it.`);
  return { email, password };
}

/**
 * TRUST_PROXY: which proxies' X-Forwarded-For the API believes when it takes a request's client
 * address (sign-in throttling, the audit trail), in Express's "trust proxy" terms: unset or
 * "false", none (the TCP peer's address; the header is ignored, since anyone can send it); a
 * number, that many proxies in front; otherwise a comma-separated list of proxy addresses or
 * subnets ("10.0.0.0/8, 127.0.0.1", or loopback, linklocal, uniquelocal).
 */
export function trustProxyFromEnv(env: NodeJS.ProcessEnv = process.env): boolean | number | string {
  const value = (env.TRUST_PROXY ?? '').trim();
  if (value === '' || value === 'false') return false;
  if (/^\d+$/.test(value)) return Number(value);
  if (value === 'true') {
    throw new StartupError(
      'TRUST_PROXY=true would believe an X-Forwarded-For sent by anyone: give the number of proxies in front of the API, or their addresses.',
    );
  }
  return value;
}

/** DASHBOARD_DIR: the built dashboard the API serves. */
export function dashboardDirFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.DASHBOARD_DIR || path.join(process.cwd(), 'dist', 'apps', 'dashboard'));
}

/** SQL_LOG: 1 prints every SQL statement (development). */
export function sqlLogFromEnv(env: NodeJS.ProcessEnv = process.env): boolean {
  const raw = env.SQL_LOG;
  if (raw === undefined || raw === '' || raw === '0') return false;
  if (raw === '1') return true;
  throw oneOf('SQL_LOG', raw, ['0', '1'], '1 prints every SQL statement', '0');
}

/** The patients' questionnaires (docs/questionnaires.md): the wording file, the public path's limits, email. */
export interface QuestionnaireSettings {
  /** The JSON file of the licensed ODI, RMDQ and EQ-5D-5L wording; null: marked placeholders. */
  wordingFile: string | null;
  /** Requests to the public questionnaire path per client address, and in all, per QUESTIONNAIRE_WINDOW_MS. */
  limitPerAddress: number;
  limitTotal: number;
  /** Days a link works at most (never past its visit's window). */
  linkDays: number;
  /** The address patients reach the registry at (the links' beginning); null: the one the coordinator uses. */
  publicUrl: string | null;
  /** SMTP server (a URL nodemailer takes) and sender; null: no email. */
  smtp: { url: string; from: string } | null;
}

/** The window the public path's limits count requests in. */
export const QUESTIONNAIRE_WINDOW_MS = 10 * 60 * 1000;

/** QUESTIONNAIRE_* , PUBLIC_URL, SMTP_URL and SMTP_FROM. */
export function questionnaireSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): QuestionnaireSettings {
  const wordingFile = env.QUESTIONNAIRE_WORDING_FILE?.trim() ? path.resolve(env.QUESTIONNAIRE_WORDING_FILE.trim()) : null;
  const limitPerAddress = wholeNumber('QUESTIONNAIRE_LIMIT_PER_ADDRESS', env.QUESTIONNAIRE_LIMIT_PER_ADDRESS, {
    min: 1,
    max: 100_000,
    meaning: 'requests to the questionnaire links from one address in 10 minutes',
    fallback: 30,
  });
  const limitTotal = wholeNumber('QUESTIONNAIRE_LIMIT_TOTAL', env.QUESTIONNAIRE_LIMIT_TOTAL, {
    min: 1,
    max: 10_000_000,
    meaning: 'requests to the questionnaire links from everywhere in 10 minutes',
    fallback: 2000,
  });
  const linkDays = wholeNumber('QUESTIONNAIRE_LINK_DAYS', env.QUESTIONNAIRE_LINK_DAYS, {
    min: 1,
    max: 120,
    meaning: 'days a questionnaire link works at most',
    fallback: 28,
  });
  const url = (name: string, raw: string | undefined, protocols: string[]): string | null => {
    const value = raw?.trim();
    if (!value) return null;
    const parsed = URL.canParse(value) ? new URL(value) : null;
    if (!parsed || !protocols.includes(parsed.protocol))
      throw new StartupError(`${name} must be a ${protocols.join(' or ')} URL, not "${value.slice(0, 60)}": correct it, or unset it.`);
    return value.replace(/\/+$/, '');
  };
  const publicUrl = url('PUBLIC_URL', env.PUBLIC_URL, ['http:', 'https:']);
  const smtpUrl = url('SMTP_URL', env.SMTP_URL, ['smtp:', 'smtps:']);
  const from = env.SMTP_FROM?.trim() || 'registry@localhost';
  if (!/^[^@\s<>]+@[^@\s<>]+$/.test(from)) throw new StartupError(`SMTP_FROM must be an email address, not "${from.slice(0, 60)}": correct it.`);
  if (smtpUrl && !publicUrl) throw new StartupError('SMTP_URL needs PUBLIC_URL: the address in the emails is the one patients reach the registry at.');
  return { wordingFile, limitPerAddress, limitTotal, linkDays, publicUrl, smtp: smtpUrl ? { url: smtpUrl, from } : null };
}

const link = (doc: string) => `[docs/${doc}](docs/${doc})`;

/** Every setting, in the order the README's table shows them. */
export const SETTINGS: readonly Setting[] = [
  { names: ['PORT'], meaning: 'HTTP port: a whole number from 1 to 65535 (0: any free port)', default: '`3000`', read: (env) => ({ port: portFromEnv(env) }) },
  { names: ['HOST'], meaning: 'the address the API listens on', default: '`0.0.0.0` (every address)', read: (env) => ({ host: hostFromEnv(env) }) },
  {
    names: ['NODE_ENV'],
    meaning:
      "`production` requires a `JWT_SECRET` and that `DATABASE_URL`'s role be restricted, and turns off GraphQL introspection, its landing page and field suggestions; otherwise `development` or `test` (any other value stops the start)",
    default: 'development',
    read: (env) => ({ production: productionFromEnv(env) }),
  },
  {
    names: ['DATABASE_URL'],
    meaning: `a PostgreSQL server (15 or newer), nothing seeded; several hosts as libpq writes them (\`postgres://user@db1:5432,db2:5432/registry?target_session_attrs=read-write\`, what \`pg_autoctl show uri\` prints) follow the writable one after a failover (see ${link('scaling.md')}); the role the API serves as, which should be a member of \`registry_api\` that owns nothing (required with \`NODE_ENV=production\`; see ${link('access-control.md')})`,
    default: 'unset: embedded database',
    read: (env) => ({ database: databaseConfigFromEnv(env) }),
  },
  {
    names: ['DATABASE_MIGRATION_URL'],
    meaning:
      "the same database as the schema's owner: the API (and `npm run migration:run`, `npm run seed`) migrate through it, then serve through `DATABASE_URL`",
    default: 'unset: `DATABASE_URL` migrates when its role is the owner',
    read: null,
  },
  {
    names: ['DATABASE_REPLICA_URLS'],
    meaning: `comma-separated hot standbys that serve the dashboards' and analyses' aggregates while reachable and fresh; every other read and every write goes to \`DATABASE_URL\` (see ${link('scaling.md')})`,
    default: 'none',
    read: null,
  },
  {
    names: ['REPLICA_MAX_LAG_SECONDS'],
    meaning: 'a standby further behind the primary than this (measured every 2 s) serves nothing until it catches up: a whole number from 0 to 3600',
    default: '5',
    read: null,
  },
  { names: ['DATA_DIR'], meaning: 'where the embedded database lives', default: '`./.data`', read: null },
  { names: ['DB_POOL_SIZE'], meaning: 'connections in the pool: a whole number from 1 to 100', default: '4 embedded, 20 server', read: null },
  {
    names: ['DB_PREPARED_STATEMENTS'],
    meaning: `\`on\` prepares the reads every request makes (the sign-in check, the patient list) once per connection; \`off\` behind a pooler in transaction mode that does not keep prepared statements, such as PgBouncer before 1.21 (on, the API turns them off itself at the first refusal, with a warning; see ${link('scaling.md')})`,
    default: '`on`',
    read: null,
  },
  {
    names: ['TRUST_PROXY'],
    meaning: "which proxies' `X-Forwarded-For` gives the client address (sign-in throttling, audit): a number of hops, or addresses and subnets",
    default: "unset: the TCP peer's address; the header is ignored",
    read: (env) => ({ trustProxy: trustProxyFromEnv(env) }),
  },
  {
    names: ['JWT_SECRET'],
    meaning: `secret that signs tokens, the same for every API process on the database; required, and at least 32 characters (e.g. \`openssl rand -hex 32\`), when \`NODE_ENV=production\`, and required whenever more than one API process serves the database: a process without it refuses to start beside another, and another beside it (see ${link('access-control.md')})`,
    default: 'a random one per process, for a process alone on its database',
    read: (env) => ({ jwtSecret: jwtSecretFromEnv(env) }),
  },
  {
    names: ['TOKEN_TTL_MINUTES'],
    meaning: `the idle limit: a session ends after this many minutes without activity (each token lasts this long, and every request and every refresh of an active user brings a fresh one): a whole number from 1 to 1440 (a day); see ${link('access-control.md')}`,
    default: '`60`',
    read: (env) => ({ tokenTtlMinutes: tokenTtlMinutesFromEnv(env) }),
  },
  {
    names: ['SESSION_MAX_HOURS'],
    meaning:
      'the absolute limit: no session lasts longer than this many hours from its sign-in, however active the user: a whole number from 1 to 168 (a week)',
    default: '`12`',
    read: (env) => ({ sessionMaxHours: sessionMaxHoursFromEnv(env) }),
  },
  {
    names: ['TEST_TOKEN_TTL_SECONDS'],
    meaning:
      'tests only: an idle limit of 5 to 3600 seconds in place of `TOKEN_TTL_MINUTES` (the end-to-end tests of expiry); refused with `NODE_ENV=production`',
    default: 'unset',
    read: (env) => ({ testTokenTtlSeconds: testTokenTtlSecondsFromEnv(env) }),
  },
  {
    names: ['ADMIN_EMAIL', 'ADMIN_PASSWORD'],
    meaning: 'create the first admin on a database with no users (a new server database); both or neither, and the password must pass the password rule',
    default: 'unset',
    read: (env) => ({ adminAccount: adminAccountFromEnv(env) }),
  },
  {
    names: ['DEMO_PATIENTS'],
    meaning: 'size of the demo registry seeded into an empty embedded database: a whole number from 0 to 1,000,000',
    default: '`300`',
    read: (env) => ({ demoPatients: demoPatientsFromEnv(env) }),
  },
  {
    names: ['SMALL_CELL_THRESHOLD'],
    meaning: 'smallest count shown to researchers and department heads: a whole number from 5 (below that, groups of two or three patients would show) to 100',
    default: '`11`',
    read: (env) => ({ smallCellThreshold: smallCellThresholdFromEnv(env) }),
  },
  {
    names: ['AGGREGATE_CONCURRENCY'],
    meaning: `dashboard and analytics queries one API process runs at once (more wait their turn, so writes are not starved of CPU): a whole number from 1 to 256. Per process: N processes run up to N × this many at once on the database, or on its standby (see ${link('performance.md')})`,
    default: 'one per core, at least 2',
    read: (env) => ({ aggregateConcurrency: aggregateConcurrencyFromEnv(env) }),
  },
  {
    names: ['AGGREGATE_TIMEOUT_MS'],
    meaning:
      'longest a dashboard or analytics query, or one read of a CSV export, may run (a whole number of milliseconds from 100 to 3600000); past it the server stops it, and a second later the API gives up on an answer that does not come, closes that connection and answers `QUERY_TIMEOUT` (an export that has begun is cut off, never ended as if complete)',
    default: '`30000`',
    read: (env) => ({ aggregateTimeoutMs: aggregateTimeoutFromEnv(env) }),
  },
  {
    names: ['STATS_THREADS'],
    meaning:
      "worker threads one API process fits models on (the adjusted comparison's propensity models), so that a fit never holds up other requests: a whole number from 0 to 64; 0 fits in the request's own thread. A fit gets the time limit of `AGGREGATE_TIMEOUT_MS`",
    default: 'one fewer than the cores, from 1 to 4',
    read: (env) => ({ statsThreads: statsThreadsFromEnv(env) }),
  },
  {
    names: ['EQ5D_VALUE_SET'],
    meaning:
      'the EQ-5D-5L value set the registry values health states with: `ENGLAND` (Devlin et al. 2018), `GERMANY` (Ludwig et al. 2018) or `US` (Pickard et al. 2019); each visit stores the set its index was computed with (docs/methods.md, Instruments and their scoring)',
    default: '`ENGLAND`',
    read: (env) => ({ eq5dValueSet: eq5dValueSetFromEnv(env) }),
  },
  {
    names: ['DASHBOARD_DIR'],
    meaning: 'the built dashboard the API serves',
    default: '`dist/apps/dashboard`',
    read: (env) => ({ dashboardDir: dashboardDirFromEnv(env) }),
  },
  { names: ['SQL_LOG'], meaning: '`1` prints every SQL statement (development)', default: '`0`', read: (env) => ({ sqlLog: sqlLogFromEnv(env) }) },
  {
    names: ['QUESTIONNAIRE_WORDING_FILE'],
    meaning: `the JSON file with the licensed wording of the ODI, RMDQ and EQ-5D-5L in English and German for the questionnaires patients answer by link (see ${link('questionnaires.md')})`,
    default: 'unset: clearly marked placeholder wording',
    read: (env) => ({ questionnaires: questionnaireSettingsFromEnv(env) }),
  },
  {
    names: ['QUESTIONNAIRE_LIMIT_PER_ADDRESS', 'QUESTIONNAIRE_LIMIT_TOTAL'],
    meaning:
      'requests to the questionnaire links in 10 minutes from one client address, and from everywhere, shared by every API process; past them the links answer 429',
    default: '`30`, `2000`',
    read: null,
  },
  {
    names: ['QUESTIONNAIRE_LINK_DAYS'],
    meaning: "days a questionnaire link works at most (never past its visit's window): 1 to 120",
    default: '`28`',
    read: null,
  },
  {
    names: ['PUBLIC_URL'],
    meaning: 'the address patients reach the registry at (the beginning of the questionnaire links and their QR codes), e.g. `https://registry.example.org`',
    default: 'unset: the address the coordinator uses',
    read: null,
  },
  {
    names: ['SMTP_URL', 'SMTP_FROM'],
    meaning: `optional: an SMTP server (\`smtp://user:password@host:587\`, \`smtps://...\`) and the sender address the questionnaire links and reminders are emailed with; needs \`PUBLIC_URL\`. Unset: no email, links are printed (see ${link('questionnaires.md')})`,
    default: 'unset; `registry@localhost`',
    read: null,
  },
  { names: ['TEST_DATABASE_URL'], meaning: 'tests also run against this server (each test file in a fresh database)', default: 'unset', read: null },
];

/**
 * The whole configuration, or a StartupError whose message has one sentence for each variable
 * that breaks its rule, saying what to fix: all of them at once, not one per attempt.
 */
export function registryConfigFromEnv(env: NodeJS.ProcessEnv = process.env): RegistryConfig {
  const problems: string[] = [];
  const config: Partial<RegistryConfig> = {};
  for (const s of SETTINGS) {
    if (!s.read) continue;
    try {
      Object.assign(config, s.read(env));
    } catch (e) {
      if (!(e instanceof StartupError)) throw e;
      problems.push(e.message);
    }
  }
  if (problems.length) throw new StartupError(problems.join(' '));
  return config as RegistryConfig;
}

/** The README's configuration table, written from SETTINGS. */
export function renderSettingsTable(): string {
  const rows = SETTINGS.map((s) => `| ${s.names.map((n) => `\`${n}\``).join(', ')} | ${s.meaning} | ${s.default} |`);
  return ['| variable | meaning | default |', '|---|---|---|', ...rows].join('\n');
}
