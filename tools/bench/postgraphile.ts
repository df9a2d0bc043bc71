// The peer the patient list is measured against: PostGraphile 4 over the same database, served by
// its own HTTP handler on a free loopback port in this process, as the API is. It compiles each
// request's selection into one SQL statement with JSON aggregation.
import * as fs from 'node:fs';
import { createServer } from 'node:http';
import Module from 'node:module';
import { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { Pool } from 'pg';

/**
 * PostGraphile 4 is built on graphql 15, which it carries in its own node_modules, and so does
 * graphile-build-pg in its own; graphql-parse-resolve-info, hoisted, would load the project's
 * graphql 16. One schema cannot mix two copies of graphql, so every `graphql` the peer's packages
 * load is PostGraphile's own; the project's modules keep theirs.
 */
function useOneGraphqlForThePeer(): void {
  const dir = (pkg: string, from?: string) => fs.realpathSync(path.dirname(require.resolve(`${pkg}/package.json`, from ? { paths: [from] } : undefined)));
  const postgraphileDir = dir('postgraphile');
  const graphql15 = dir('graphql', postgraphileDir);
  const peers = [postgraphileDir, dir('graphile-build-pg'), dir('graphql-parse-resolve-info')].map((d) => d + path.sep);
  const loader = Module as unknown as { _resolveFilename: (request: string, parent: { filename?: string } | undefined, ...rest: unknown[]) => string };
  const resolve = loader._resolveFilename;
  loader._resolveFilename = function (request, parent, ...rest) {
    const fromPeer = parent?.filename !== undefined && peers.some((d) => parent.filename!.startsWith(d));
    if (fromPeer && (request === 'graphql' || request.startsWith('graphql/'))) request = graphql15 + request.slice('graphql'.length);
    return resolve.call(this, request, parent, ...rest);
  };
}

export interface Peer {
  baseUrl: string;
  /** Statements PostGraphile sent since the last reset (its pool's queries; introspection excluded). */
  statements: { count: number; reset(): void };
  close(): Promise<void>;
}

/**
 * PostGraphile on its own pool (as many connections as the API's), reading the public schema as
 * the pool's role. It serves the same rows the API gives a coordinator of the site: the bench's
 * query asks for the site's patients that are not withdrawn and their records in force, and the
 * bench compares the two answers before timing.
 */
export async function startPostGraphile(url: string, poolSize: number): Promise<Peer> {
  const pool = new Pool({ connectionString: url, max: poolSize });
  const statements = {
    count: 0,
    reset() {
      this.count = 0;
    },
  };
  let counting = false;
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      if (counting) statements.count++;
      return query(...args);
    };
  });
  useOneGraphqlForThePeer();
  const { postgraphile } = await import('postgraphile');
  const handler = postgraphile(pool, 'public', {
    graphqlRoute: '/graphql',
    disableDefaultMutations: true,
    disableQueryLog: true,
    retryOnInitFail: false,
    ignoreRBAC: true,
    dynamicJson: true,
    setofFunctionsContainNulls: false,
  });
  // PostGraphile's handler answers through the response; the promise it also returns carries nothing.
  const server = createServer((req, res) => void handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  // The first request builds the schema (introspection); it is not counted.
  await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ __typename }' }),
  });
  counting = true;
  return {
    baseUrl,
    statements,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await handler.release();
      await pool.end();
    },
  };
}

/**
 * The API's patient list as PostGraphile's schema asks for it: a site's patients not withdrawn,
 * by registry number, with their fractures and treatments in force in the API's order and their
 * latest completed visit. Treatment days are counted from the first treatment by the bench, as
 * the API counts them.
 */
export const PEER_PATIENTS_PAGE = `query Patients($site: UUID!, $first: Int, $after: Cursor) {
  allPatients(first: $first, after: $after, orderBy: [REGISTRY_NUMBER_ASC], condition: { siteId: $site, withdrawnAt: null }) {
    pageInfo { hasNextPage endCursor }
    nodes {
      registryNumber
      fracturesByPatientId(orderBy: [ONSET_DATE_ASC, LEVEL_ASC], condition: { withdrawnAt: null }) { nodes { level genantGrade } }
      treatmentsByPatientId(orderBy: [START_DATE_ASC, CREATED_AT_ASC], condition: { withdrawnAt: null }) { nodes { kind startDate } }
      assessmentsByPatientId(first: 1, orderBy: [VISIT_DATE_DESC, CREATED_AT_DESC], condition: { status: DONE, withdrawnAt: null }) {
        nodes { timePoint nrsActivity odi }
      }
    }
  }
}`;
