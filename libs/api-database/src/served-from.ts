import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Where a request's aggregates came from: when any was served by a hot standby, the oldest time
 * its data is as of. The API puts it in the answer (extensions.asOf), and the dashboard says
 * "as of" beside the figures, so that a reader knows how fresh they are.
 */
export interface ServedFrom {
  asOf?: Date;
}

const store = new AsyncLocalStorage<ServedFrom>();

/** Runs one request with its own record (the HTTP layer wraps every request in it). */
export function withServedFrom<T>(run: () => T): T {
  return store.run({}, run);
}

/** Notes that an aggregate of this request was served from a standby with data as of `asOf`. */
export function noteServedFromStandby(asOf: Date): void {
  const s = store.getStore();
  if (s && (!s.asOf || asOf < s.asOf)) s.asOf = asOf;
}

export function servedFrom(): ServedFrom | undefined {
  return store.getStore();
}
