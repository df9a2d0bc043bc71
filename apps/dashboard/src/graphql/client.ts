import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { SetContextLink } from '@apollo/client/link/context';
import { ErrorLink } from '@apollo/client/link/error';
import { from, mergeMap } from 'rxjs';
import { session } from '../api';

// One client for every screen. The token is read per request (not captured once) so signing in
// and out needs no new client; a server that says UNAUTHENTICATED ends the session.
const auth = new SetContextLink((prev) => {
  const token = session.token;
  return token ? { headers: { ...(prev.headers as Record<string, string> | undefined), authorization: `Bearer ${token}` } } : {};
});

// A refused session is resumed in place: the sign-in dialog opens over the page, and the
// operation is sent again (with the new token) once the same user has signed in.
const endSessionWhenRefused = new ErrorLink(({ error, operation, forward }) => {
  const refused = CombinedGraphQLErrors.is(error) ? error.errors.find((e) => e.extensions?.code === 'UNAUTHENTICATED') : undefined;
  if (refused && session.token) return from(session.reauthenticate(refused.message)).pipe(mergeMap(() => forward(operation)));
});

export const apolloClient = new ApolloClient({
  link: ApolloLink.from([endSessionWhenRefused, auth, new HttpLink({ uri: '/graphql' })]),
  cache: new InMemoryCache(),
  defaultOptions: { watchQuery: { fetchPolicy: 'cache-and-network' } },
});

/** Signing out must not leave one user's records in the cache for the next. */
session.subscribe((token) => {
  if (!token) void apolloClient.clearStore();
});
