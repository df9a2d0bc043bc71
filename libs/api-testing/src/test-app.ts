import { INestApplication } from '@nestjs/common';
import { AddressInfo } from 'node:net';
import { OpenDatabase } from '@vfr/api-database';
import { DEMO_PASSWORD, DemoLogin, seedDemoRegistry } from '@vfr/seed';
import { createApp } from '@vfr/api-app';
import { openApiConnection, openTestDatabase, TestDatabase, TestTarget, testTargets } from './test-database';

/**
 * An answer as the specs read it: untyped JSON on purpose, since they check the shape the API
 * sends, which typing it as the API's own types would take for granted.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the one place the specs' untyped JSON is declared
export type UntypedJson = any;

export interface GraphQLResponse<T = Record<string, UntypedJson>> {
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, UntypedJson>; path?: string[] }[];
}

export interface TestApp {
  app: INestApplication;
  /** The owner's connection, for setting up and inspecting; the app serves as the restricted role. */
  db: TestDatabase;
  /** The app's own connection (the API's restricted role). */
  api: OpenDatabase;
  url: string;
  logins: DemoLogin[];
  /** Sends a GraphQL operation over HTTP, as a client would. */
  gql<T = Record<string, UntypedJson>>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResponse<T>>;
  /** A token for the first demo user of a role (and site code, for site-bound roles). */
  login(email: string): Promise<string>;
  close(): Promise<void>;
}

/** Tests sign their own tokens (expired, forged) with the secret the app under test uses. */
export const TEST_JWT_SECRET = 'test-secret-for-the-registry-tests-only';

/**
 * The demo registry a suite runs on: its size, and its seed (the tests' own unless given; the
 * demo's is 1); and the environment its app starts in.
 */
export interface TestAppOptions {
  patients?: number;
  seed?: number;
  /** How the app connects (by default as the restricted role, straight to the test's database). */
  connectApi?: (db: TestDatabase) => Promise<OpenDatabase>;
  /** Environment variables while the app is made and started (undefined: unset), e.g. JWT_SECRET. */
  env?: Record<string, string | undefined>;
}

export async function startTestApp(target: TestTarget, options: TestAppOptions = {}): Promise<TestApp> {
  process.env.JWT_SECRET = TEST_JWT_SECRET;
  const db = await openTestDatabase(target);
  try {
    const logins = await seedDemoRegistry(db.dataSource, { patients: options.patients ?? 30, seed: options.seed ?? 7 });
    return await serve(db, logins, options.env ?? {}, () => db.close(), options.connectApi);
  } catch (e) {
    await db.close();
    throw e;
  }
}

/**
 * Another app on the database of `first`, with a pool of its own: a second API process, as a
 * deployment runs several behind a load balancer. Each keeps its own memory; all they share is
 * the database. Closing it leaves the database (and `first`) open.
 */
export async function startAnotherApp(first: TestApp, options: Pick<TestAppOptions, 'env'> = {}): Promise<TestApp> {
  return serve(first.db, first.logins, options.env ?? {}, () => Promise.resolve());
}

async function serve(
  db: TestDatabase,
  logins: DemoLogin[],
  env: Record<string, string | undefined>,
  closeDb: () => Promise<void>,
  connectApi: (db: TestDatabase) => Promise<OpenDatabase> = openApiConnection,
): Promise<TestApp> {
  const api = await connectApi(db);
  let app: Awaited<ReturnType<typeof createApp>>;
  try {
    app = await withEnv(env, async () => {
      const made = await createApp(api, { logger: false, closeDatabaseOnShutdown: false });
      try {
        await made.listen(0, '127.0.0.1');
      } catch (e) {
        await made.close();
        throw e;
      }
      return made;
    });
  } catch (e) {
    await api.close();
    throw e;
  }
  const { port } = app.getHttpServer().address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const gql = async <T>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResponse<T>> => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as GraphQLResponse<T>;
  };
  const tokens = new Map<string, string>();
  const served = app;
  return {
    app: served,
    db,
    api,
    url,
    logins,
    gql,
    async login(email: string) {
      if (!tokens.has(email)) {
        const r = await gql<{ login: { token: string } }>('mutation($i: LoginInput!) { login(input: $i) { token } }', {
          i: { email, password: DEMO_PASSWORD },
        });
        if (!r.data?.login) throw new Error(`login failed for ${email}: ${JSON.stringify(r.errors)}`);
        tokens.set(email, r.data.login.token);
      }
      return tokens.get(email)!;
    },
    async close() {
      await served.close();
      await api.close();
      await closeDb();
    },
  };
}

/** Runs `fn` with these environment variables set (or unset), and puts them back afterwards. */
async function withEnv<T>(env: Record<string, string | undefined>, fn: () => Promise<T>): Promise<T> {
  const before = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  const put = (values: Record<string, string | undefined>) => {
    for (const [k, v] of Object.entries(values)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
  put(env);
  try {
    return await fn();
  } finally {
    put(before);
  }
}

/** Runs a suite once per database target, each with its own app and database. */
export function describeEachDatabase(name: string, body: (ctx: () => TestApp) => void, options: TestAppOptions = {}): void {
  for (const target of testTargets()) {
    describe(`${name} [${target}]`, () => {
      let t: TestApp;
      beforeAll(async () => {
        t = await startTestApp(target, options);
      });
      afterAll(async () => {
        await t?.close();
      });
      body(() => t);
    });
  }
}

export const ADMIN = 'admin@demo.registry';
export const RESEARCHER = 'researcher@demo.registry';
export const COORD_NORTH = 'coordinator.north@demo.registry';
export const COORD_SOUTH = 'coordinator.south@demo.registry';
export const HEAD_NORTH = 'head.north@demo.registry';

/** Counts rows of the tables a failed write must not touch. */
export async function rowCounts(db: TestDatabase): Promise<Record<string, number>> {
  // count() and sum() are bigint and numeric, which the driver may hand over as strings.
  const [row] = await db.dataSource.query<Record<string, string | number>[]>(`SELECT
    (SELECT count(*) FROM patient) AS patient, (SELECT count(*) FROM patient_identifier) AS identifier,
    (SELECT count(*) FROM fracture) AS fracture, (SELECT count(*) FROM treatment) AS treatment,
    (SELECT count(*) FROM treated_level) AS treated_level, (SELECT count(*) FROM assessment) AS assessment,
    (SELECT count(*) FROM complication) AS complication, (SELECT count(*) FROM death) AS death, (SELECT count(*) FROM audit_event) AS audit_event,
    (SELECT count(*) FROM site) AS site, (SELECT count(*) FROM app_user) AS app_user,
    (SELECT coalesce(sum(version), 0) FROM patient) + (SELECT coalesce(sum(version), 0) FROM assessment)
      + (SELECT coalesce(sum(version), 0) FROM death) + (SELECT coalesce(sum(version), 0) FROM complication) AS versions`);
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)]));
}
