// The patient list beside its peer: the API's `patients` page and PostGraphile 4's compilation of
// the same page, on the same database, in interleaved rounds (so that other work on the machine
// falls on both alike). The two answers are compared before anything is timed.
import * as os from 'node:os';
import { daysBetween } from '@vfr/domain';
import { OpenDatabase } from '@vfr/api-database';
import { ApiClient } from './http-client';
import { PEER_PATIENTS_PAGE, startPostGraphile } from './postgraphile';
import { ResultRow } from './report';
import { FixedRequest, ThreadThroughput, underLoadFromThread } from './thread-load';
import { rowsOf, Sql } from './registry-setup';
import { percentile, timeIt } from './timing';

/** The page the dashboard's patient list asks for, without the total (the list does not show one). */
export const PATIENT_LIST = `query Patients($first: Int, $after: String) {
  patients(first: $first, after: $after) {
    pageInfo { hasNextPage endCursor }
    edges { node { registryNumber fractures { level genantGrade } treatments { kind startDay } latestAssessment { timePoint nrsActivity odi } } }
  }
}`;

/** One patient as both answers reduce to: the values a reader of the list sees. */
interface ListedPatient {
  registryNumber: string;
  fractures: [string, number | null][];
  treatments: [string, number | null][];
  latest: [string, number | null, number | null] | null;
}

interface ApiPage {
  patients: {
    pageInfo: { hasNextPage: boolean };
    edges: {
      node: {
        registryNumber: string;
        fractures: { level: string; genantGrade: number | null }[];
        treatments: { kind: string; startDay: number | null }[];
        latestAssessment: { timePoint: string; nrsActivity: number | null; odi: number | null } | null;
      };
    }[];
  };
}

interface PeerPage {
  allPatients: {
    pageInfo: { hasNextPage: boolean };
    nodes: {
      registryNumber: string;
      fracturesByPatientId: { nodes: { level: string; genantGrade: number | null }[] };
      treatmentsByPatientId: { nodes: { kind: string; startDate: string }[] };
      assessmentsByPatientId: { nodes: { timePoint: string; nrsActivity: number | null; odi: number | null }[] };
    }[];
  };
}

function fromApi(d: ApiPage): ListedPatient[] {
  return d.patients.edges.map(({ node: n }) => ({
    registryNumber: n.registryNumber,
    fractures: n.fractures.map((f) => [f.level, f.genantGrade]),
    treatments: n.treatments.map((t) => [t.kind, t.startDay]),
    latest: n.latestAssessment && [n.latestAssessment.timePoint, n.latestAssessment.nrsActivity, n.latestAssessment.odi],
  }));
}

function fromPeer(d: PeerPage): ListedPatient[] {
  return d.allPatients.nodes.map((n) => {
    const treatments = n.treatmentsByPatientId.nodes;
    // Days from the first treatment in force, as the API counts them for every reader of days.
    const index = treatments[0]?.startDate ?? null;
    const a = n.assessmentsByPatientId.nodes[0];
    return {
      registryNumber: n.registryNumber,
      fractures: n.fracturesByPatientId.nodes.map((f) => [f.level, f.genantGrade]),
      treatments: treatments.map((t) => [t.kind, index === null ? null : daysBetween(index, t.startDate)]),
      latest: a ? [a.timePoint, a.nrsActivity, a.odi] : null,
    };
  });
}

export interface Throughput {
  requests: number;
  perSecond: number;
  p50: number;
  p95: number;
  /** This process's CPU time per request (server and client together; PostgreSQL's is not in it). */
  cpuMs: number;
}

/** `connections` clients, each sending its next request as soon as its last is answered, for `ms`. */
export async function underLoad(send: () => Promise<unknown>, connections: number, ms: number): Promise<Throughput> {
  const latencies: number[] = [];
  const cpu = process.cpuUsage();
  const began = process.hrtime.bigint();
  const end = Date.now() + ms;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (Date.now() < end) {
        const t = process.hrtime.bigint();
        await send();
        latencies.push(Number(process.hrtime.bigint() - t) / 1e6);
      }
    }),
  );
  const elapsed = Number(process.hrtime.bigint() - began) / 1e9;
  const used = process.cpuUsage(cpu);
  return {
    requests: latencies.length,
    perSecond: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    cpuMs: (used.user + used.system) / 1000 / latencies.length,
  };
}

export interface PatientListOptions {
  url: string;
  db: OpenDatabase;
  floorDb: Sql;
  api: ApiClient;
  /** A coordinator of the first site: the list of one site. */
  token: string;
  warmup: number;
  runs: number;
  rounds: number;
  roundSeconds: number;
  connections: number;
}

const r1 = (v: number) => Math.round(v * 10) / 10;

export async function patientListSection(o: PatientListOptions): Promise<{ rows: ResultRow[]; details: Record<string, unknown> }> {
  const [site] = rowsOf<{ id: string }>(await o.floorDb.query(`SELECT site_id AS id FROM app_user WHERE email = 'coordinator.bench@demo.registry'`));
  const peer = await startPostGraphile(o.url, 20);
  const peerApi = new ApiClient(peer.baseUrl);
  try {
    const api = () => o.api.gql<ApiPage>(PATIENT_LIST, { first: 50 }, o.token);
    const other = () => peerApi.gql<PeerPage>(PEER_PATIENTS_PAGE, { site: site.id, first: 50 });

    // Same rows first: a peer that answered something else would be measured doing less.
    const mine = fromApi(await api());
    const theirs = fromPeer(await other());
    if (mine.length !== 50) throw new Error(`the API's page has ${mine.length} patients, not 50`);
    const differ = mine.findIndex((p, i) => JSON.stringify(p) !== JSON.stringify(theirs[i]));
    if (differ >= 0 || theirs.length !== mine.length)
      throw new Error(`the API and PostGraphile answer differently at patient ${differ}: ${JSON.stringify(mine[differ])} vs ${JSON.stringify(theirs[differ])}`);
    const withFractures = mine.filter((p) => p.fractures.length).length;
    const withVisit = mine.filter((p) => p.latest).length;
    console.log(`  patient list: both answer the same 50 patients (${withFractures} with fractures, ${withVisit} with a visit)`);

    o.db.statements.reset();
    await api();
    const apiStatements = o.db.statements.count;
    peer.statements.reset();
    await other();
    const peerStatements = peer.statements.count;

    // Single requests, one at a time, interleaved: the latency of one reader on an idle server.
    const single = { api: [] as number[], peer: [] as number[] };
    const loaded = { api: [] as Throughput[], peer: [] as Throughput[] };
    const threaded = { api: [] as ThreadThroughput[], peer: [] as ThreadThroughput[] };
    const fixed: Record<'api' | 'peer', FixedRequest> = {
      api: {
        url: `${o.api.baseUrl}/graphql`,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${o.token}` },
        body: JSON.stringify({ query: PATIENT_LIST, variables: { first: 50 } }),
      },
      peer: {
        url: `${peer.baseUrl}/graphql`,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: PEER_PATIENTS_PAGE, variables: { site: site.id, first: 50 } }),
      },
    };
    const loads: number[] = [os.loadavg()[0]];
    for (let round = 0; round < o.rounds; round++) {
      // Alternate which goes first, so neither always follows the other's garbage.
      const order: ['api' | 'peer', () => Promise<unknown>][] = [
        ['api', api],
        ['peer', other],
      ];
      if (round % 2) order.reverse();
      for (const [who, send] of order) {
        const t = await timeIt(send, { warmup: round === 0 ? o.warmup : 2, runs: o.runs });
        single[who].push(t.median);
        // Warm at the concurrency measured (the pools' connections opened), then measure. The
        // first round warms longer: a server in its steady state, its hot paths optimised by V8,
        // as after its first minute of traffic (both servers alike).
        await underLoad(send, o.connections, round === 0 ? 5000 : 1000);
        loaded[who].push(await underLoad(send, o.connections, o.roundSeconds * 1000));
        // The same load from a thread of its own: the server's thread does the server's work only.
        threaded[who].push(await underLoadFromThread(fixed[who], o.connections, 1000, o.roundSeconds * 1000));
      }
      loads.push(os.loadavg()[0]);
      const a = loaded.api[round];
      const p = loaded.peer[round];
      const ta = threaded.api[round];
      const tp = threaded.peer[round];
      console.log(
        `  round ${round + 1}: clients in the servers' thread: API ${a.perSecond.toFixed(0)}/s (${a.cpuMs.toFixed(1)} ms CPU each), PostGraphile ${p.perSecond.toFixed(0)}/s (${p.cpuMs.toFixed(1)} ms CPU each); ` +
          `clients on their own thread: API ${ta.perSecond.toFixed(0)}/s (${ta.serverCpuMs.toFixed(1)} ms server thread CPU each), PostGraphile ${tp.perSecond.toFixed(0)}/s (${tp.serverCpuMs.toFixed(1)} ms) (load ${os.loadavg()[0].toFixed(2)})`,
      );
    }
    const median = (xs: number[]) => percentile(xs, 50);
    const summary = (who: 'api' | 'peer') => ({
      perSecond: median(loaded[who].map((t) => t.perSecond)),
      p50: median(loaded[who].map((t) => t.p50)),
      p95: median(loaded[who].map((t) => t.p95)),
      cpuMs: median(loaded[who].map((t) => t.cpuMs)),
      single: median(single[who]),
    });
    const a = summary('api');
    const p = summary('peer');
    // Per round, so a round slowed by other work weighs on both sides of its ratio.
    const ratios = loaded.api.map((t, i) => t.perSecond / loaded.peer[i].perSecond);
    const ratio = median(ratios);
    const threadSummary = (who: 'api' | 'peer') => ({
      perSecond: median(threaded[who].map((t) => t.perSecond)),
      p50: median(threaded[who].map((t) => t.p50)),
      p95: median(threaded[who].map((t) => t.p95)),
      serverCpuMs: median(threaded[who].map((t) => t.serverCpuMs)),
    });
    const ta = threadSummary('api');
    const tp = threadSummary('peer');
    const threadRatios = threaded.api.map((t, i) => t.perSecond / threaded.peer[i].perSecond);
    const threadRatio = median(threadRatios);
    const details = {
      connections: o.connections,
      rounds: o.rounds,
      roundSeconds: o.roundSeconds,
      statements: { api: apiStatements, postgraphile: peerStatements },
      api: a,
      postgraphile: p,
      throughputRatios: ratios.map((x) => Math.round(x * 100) / 100),
      clientsOnTheirOwnThread: {
        api: ta,
        postgraphile: tp,
        throughputRatios: threadRatios.map((x) => Math.round(x * 100) / 100),
      },
      loadAverages: loads.map((l) => Math.round(l * 100) / 100),
    };
    const rows: ResultRow[] = [
      {
        operation: `patient list of 50, ${o.connections} connections (requests/s)`,
        medianMs: null,
        p95Ms: null,
        target: '>= 1.5x PostGraphile 4 requests/s',
        met: ratio >= 1.5,
        ratio: Math.round(ratio * 100) / 100,
        note: `API ${a.perSecond.toFixed(0)}/s, PostGraphile ${p.perSecond.toFixed(0)}/s, median of ${o.rounds} rounds`,
      },
      {
        operation: `patient list of 50, ${o.connections} connections from their own thread (requests/s)`,
        medianMs: null,
        p95Ms: null,
        target: '>= 1.5x PostGraphile 4 requests/s',
        met: threadRatio >= 1.5,
        ratio: Math.round(threadRatio * 100) / 100,
        note: `API ${ta.perSecond.toFixed(0)}/s, PostGraphile ${tp.perSecond.toFixed(0)}/s; server thread CPU per request ${ta.serverCpuMs.toFixed(1)} vs ${tp.serverCpuMs.toFixed(1)} ms`,
      },
      {
        operation: `patient list of 50, ${o.connections} connections, API latency`,
        medianMs: r1(a.p50),
        p95Ms: r1(a.p95),
        target: '(PostGraphile beside it)',
        met: null,
        note: `PostGraphile p50 ${p.p50.toFixed(1)} ms, p95 ${p.p95.toFixed(1)} ms; Node CPU per request ${a.cpuMs.toFixed(1)} vs ${p.cpuMs.toFixed(1)} ms`,
      },
      {
        operation: 'patient list of 50, one request at a time, API',
        medianMs: r1(a.single),
        p95Ms: null,
        floorMs: null,
        ratio: Math.round((a.single / p.single) * 100) / 100,
        target: '(ratio to PostGraphile)',
        met: null,
        note: `PostGraphile ${p.single.toFixed(1)} ms; statements: API ${apiStatements}, PostGraphile ${peerStatements}`,
      },
    ];
    console.log(
      `  patient list: API ${a.perSecond.toFixed(0)}/s vs PostGraphile ${p.perSecond.toFixed(0)}/s (ratio ${ratio.toFixed(2)}); ` +
        `p50 ${a.p50.toFixed(1)} vs ${p.p50.toFixed(1)} ms; single ${a.single.toFixed(1)} vs ${p.single.toFixed(1)} ms; ` +
        `statements ${apiStatements} vs ${peerStatements}; load ${loads.map((l) => l.toFixed(2)).join(' ')}`,
    );
    console.log(
      `  patient list, clients on their own thread: API ${ta.perSecond.toFixed(0)}/s vs PostGraphile ${tp.perSecond.toFixed(0)}/s (ratio ${threadRatio.toFixed(2)}, rounds ${threadRatios.map((x) => x.toFixed(2)).join(' ')}); ` +
        `p50 ${ta.p50.toFixed(1)} vs ${tp.p50.toFixed(1)} ms; server thread CPU per request ${ta.serverCpuMs.toFixed(1)} vs ${tp.serverCpuMs.toFixed(1)} ms`,
    );
    return { rows, details };
  } finally {
    await peer.close();
  }
}
