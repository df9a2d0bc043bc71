// A worker thread of npm run seed: generates the batches it is sent and writes them out for COPY
// (copyBatch), so that the seed's main thread only streams them to the database.
import { parentPort } from 'node:worker_threads';
import { BatchSpec, copyBatch } from '@vfr/seed';

parentPort!.on('message', (message: { id: number; spec: BatchSpec }) => {
  parentPort!.postMessage({ id: message.id, batch: copyBatch(message.spec) });
});
