// Load from a thread of its own: the clients of a server under test run in a worker thread, so the
// server's thread spends its time on the server's work alone, as a server does whose clients are
// elsewhere. Beside it, the bench still measures clients in the server's own thread (underLoad).
import * as fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import { percentile } from './timing';

/** One GraphQL request, sent as is, again and again. */
export interface FixedRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

export interface ThreadThroughput {
  requests: number;
  perSecond: number;
  p50: number;
  p95: number;
  /** CPU time of this process's main thread (the servers' thread) per request; the clients' thread is not in it. */
  serverCpuMs: number;
}

// Plain JavaScript, run by the worker: `connections` clients, each sending its next request as soon
// as its last is answered, first for the warm-up and then for the time measured. An answer with
// errors stops the load: a failure is never timed as if it were a result.
const CLIENTS = `
const { parentPort, workerData } = require('node:worker_threads');
const { url, headers, body, connections, warmMs, ms } = workerData;
async function load(duration, latencies) {
  const end = Date.now() + duration;
  await Promise.all(Array.from({ length: connections }, async () => {
    while (Date.now() < end) {
      const t = process.hrtime.bigint();
      const res = await fetch(url, { method: 'POST', headers, body });
      const answer = JSON.parse(await res.text());
      if (answer.errors || !answer.data) throw new Error('HTTP ' + res.status + ': ' + JSON.stringify(answer.errors ?? answer).slice(0, 300));
      if (latencies) latencies.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
  }));
}
(async () => {
  await load(warmMs, null);
  parentPort.postMessage({ started: true });
  const latencies = [];
  const began = process.hrtime.bigint();
  await load(ms, latencies);
  parentPort.postMessage({ latencies, seconds: Number(process.hrtime.bigint() - began) / 1e9 });
})().catch((e) => parentPort.postMessage({ error: String((e && e.stack) || e) }));
`;

/** CPU seconds the process's main thread has used (Linux: its task's utime and stime). */
function mainThreadCpuSeconds(): number {
  const stat = fs.readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
  // Fields after the command (which may hold spaces), from the third: utime and stime are 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Whether the main thread's CPU time can be read here (Linux). */
export const THREAD_CPU_READABLE = fs.existsSync(`/proc/self/task/${process.pid}/stat`);

/** `connections` clients on a thread of their own for `ms`, after `warmMs` of the same load. */
export function underLoadFromThread(request: FixedRequest, connections: number, warmMs: number, ms: number): Promise<ThreadThroughput> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(CLIENTS, { eval: true, workerData: { ...request, connections, warmMs, ms } });
    let cpu = 0;
    const done = () => void worker.terminate();
    worker.on('message', (m: { started?: true; latencies?: number[]; seconds?: number; error?: string }) => {
      if (m.started) cpu = THREAD_CPU_READABLE ? mainThreadCpuSeconds() : 0;
      else if (m.error) {
        done();
        reject(new Error(`the load thread failed: ${m.error}`));
      } else {
        done();
        const used = THREAD_CPU_READABLE ? mainThreadCpuSeconds() - cpu : NaN;
        const latencies = m.latencies!;
        resolve({
          requests: latencies.length,
          perSecond: latencies.length / m.seconds!,
          p50: percentile(latencies, 50),
          p95: percentile(latencies, 95),
          serverCpuMs: (used * 1000) / latencies.length,
        });
      }
    });
    worker.on('error', reject);
    // Terminated once it has answered (a later reject is then ignored).
    worker.on('exit', (code) => reject(new Error(`the load thread exited with ${code} before answering`)));
  });
}
