import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { BatchSpec, CopyBatch } from '@vfr/seed';

/**
 * Worker threads that generate the seed's batches (registry.worker.ts), each a batch at a time, in
 * the order asked. A worker loads the TypeScript sources as npm run seed does (tools/run-ts.js).
 */
export class BatchWorkers {
  private readonly workers: Worker[];
  private readonly waiting = new Map<number, { resolve: (b: CopyBatch) => void; reject: (e: Error) => void }>();
  private nextId = 0;

  constructor(count: number) {
    const register = require.resolve('@swc-node/register');
    const script = path.join(__dirname, 'registry.worker.ts');
    this.workers = Array.from({ length: count }, () => {
      const worker = new Worker(`require(${JSON.stringify(register)}); require(${JSON.stringify(script)});`, { eval: true });
      worker.on('message', (m: { id: number; batch: CopyBatch }) => {
        this.waiting.get(m.id)?.resolve(m.batch);
        this.waiting.delete(m.id);
      });
      worker.on('error', (e) => this.failAll(e));
      return worker;
    });
  }

  /** The batch, from the workers in turn (a worker works through its batches in order). */
  produce(spec: BatchSpec): Promise<CopyBatch> {
    const id = this.nextId++;
    const worker = this.workers[id % this.workers.length];
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      worker.postMessage({ id, spec });
    });
  }

  private failAll(e: Error): void {
    for (const w of this.waiting.values()) w.reject(e);
    this.waiting.clear();
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
