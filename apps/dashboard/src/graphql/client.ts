import { createElement, useSyncExternalStore, type ReactNode } from 'react';
import { cacheExchange, Client, fetchExchange, Provider, type CombinedError, type Operation } from 'urql';
import { authExchange } from '@urql/exchange-auth';
import { session } from '../api';

const refused = (error: CombinedError) => error.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED');

function tokenSent(operation: Operation): string | undefined {
  const options = typeof operation.context.fetchOptions === 'function' ? operation.context.fetchOptions() : operation.context.fetchOptions;
  return (options?.headers as Record<string, string> | undefined)?.authorization?.replace(/^Bearer /, '');
}

/**
 * A client for one signed-in session. urql's document cache keeps whole answers per query and
 * variables, and a mutation's answer re-fetches the cached queries that hold a type it returned.
 * The token is read per request, and a renewed token an answer carries is taken (session.fetch).
 * A server that says UNAUTHENTICATED opens the sign-in dialog over the page
 * (`session.reauthenticate`); once the same user has signed in, the refused request is sent once
 * more with what was typed; otherwise the session ends and the request ends with the refusal.
 */
export function makeClient(url = '/graphql'): Client {
  const client: Client = new Client({
    url,
    // Every screen shows what it has at once and asks the server again, as it did with Apollo.
    requestPolicy: 'cache-and-network',
    preferGetMethod: false,
    fetch: (input, init) => session.fetch(input, init),
    exchanges: [
      cacheExchange,
      authExchange((utils) => {
        let refusal: CombinedError | undefined;
        let failedToken: string | undefined;
        return Promise.resolve({
          addAuthToOperation(operation) {
            const token = session.token;
            return token ? utils.appendHeaders(operation, { authorization: `Bearer ${token}` }) : operation;
          },
          didAuthError(error, operation) {
            if (!refused(error)) return false;
            refusal = error;
            failedToken = tokenSent(operation);
            return true;
          },
          async refreshAuth() {
            await session.reauthenticate(refusal?.graphQLErrors[0]?.message).catch(() => undefined);
            // Signed in again: the refused requests go out once more with the new token.
            if (session.token && session.token !== failedToken) return;
            // A client left behind by a sign-out must not end the session that followed it.
            if (client === current && session.token) session.set(null);
            // The refused requests end with the server's answer rather than going out again unsigned.
            throw refusal ?? new Error('The session has ended');
          },
        });
      }),
      fetchExchange,
    ],
  });
  return client;
}

let current = makeClient();
const watchers = new Set<() => void>();

/** The client screens use now: a new one after each sign-out, so no answer outlives its user. */
export function currentClient(): Client {
  return current;
}

session.subscribe((token) => {
  if (token) return;
  current = makeClient();
  watchers.forEach((watcher) => watcher());
});

function watchClient(watcher: () => void): () => void {
  watchers.add(watcher);
  return () => watchers.delete(watcher);
}

/** Gives the screens below it the current client, and the next one after a sign-out. */
export function GraphQLProvider({ children }: { children: ReactNode }) {
  const client = useSyncExternalStore(watchClient, currentClient);
  return createElement(Provider, { value: client }, children);
}
