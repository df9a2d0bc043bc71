import { useCallback, useEffect, useMemo, useState } from 'react';
import { Client, CombinedError, createRequest, useClient, useQuery as useUrqlQuery, type AnyVariables, type DocumentInput } from 'urql';
import { ApiError } from '../api';

/**
 * The screens' GraphQL hooks: the part of Apollo Client's useQuery and useMutation the dashboard
 * uses, on urql. A result's type and its variables' come from the generated document, and every
 * failure is an ApiError (the API's messages and extensions), the one shape errorSentence and
 * serverProblem read.
 */

/** A generated document: what it answers and what it takes travel with it (codegen's typed documents). */
export interface TypedDocument<TData, TVariables> {
  __apiType?: (variables: TVariables) => TData;
}

export const UNREACHABLE = 'The registry server cannot be reached. Check your connection and try again.';

/** What urql reports as the ApiError the screens understand. */
export function apiErrorOf(error: CombinedError): ApiError {
  // The auth exchange passes a refusal it could not cure on as the reason the request ended.
  if (error.networkError instanceof CombinedError) return apiErrorOf(error.networkError);
  if (error.graphQLErrors.length) return new ApiError(error.graphQLErrors.map(({ message, extensions }) => ({ message, extensions })));
  const status = (error.response as Response | undefined)?.status;
  if (status && status !== 200) {
    return new ApiError([{ message: `The registry server could not answer (HTTP ${status}). Try again in a moment.`, extensions: { code: 'SERVER' } }]);
  }
  return new ApiError([{ message: UNREACHABLE, extensions: { code: 'NETWORK' } }]);
}

// Each document's text parsed once. urql keys a plain string afresh on every call (it strips
// the text's white space and hashes it: about 60 ms of the overview's first screen on a slow
// machine, its queries keyed twice on every render); a parsed document keeps its key.
const parsed = new Map<string, ReturnType<typeof createRequest>['query']>();

/** urql takes a document or a plain string; a generated TypedDocumentString is a String object: parsed once here. */
function queryOf<TData, TVariables extends AnyVariables>(document: TypedDocument<TData, TVariables>): DocumentInput<TData, TVariables> {
  if (!(document instanceof String) && typeof document !== 'string') return document as DocumentInput<TData, TVariables>;
  const text = document.toString();
  let node = parsed.get(text);
  if (!node) parsed.set(text, (node = createRequest(text, undefined).query));
  return node;
}

/** Asks the server (not the cache) once: the answer, or its ApiError. */
export async function ask<TData, TVariables extends AnyVariables>(
  client: Client,
  document: TypedDocument<TData, TVariables>,
  variables: TVariables,
): Promise<{ data: TData | undefined }> {
  const result = await client.query(queryOf(document), variables, { requestPolicy: 'network-only' }).toPromise();
  if (result.error) throw apiErrorOf(result.error);
  return { data: result.data };
}

/**
 * Sends a mutation: its answer, or its ApiError. urql's cache then re-fetches the cached queries
 * holding a type the answer names (a saved visit's Assessment, say, re-fetches the patient's page).
 */
export async function sendMutation<TData, TVariables extends AnyVariables>(
  client: Client,
  document: TypedDocument<TData, TVariables>,
  variables: TVariables,
): Promise<{ data: TData | undefined }> {
  const result = await client.mutation(queryOf(document), variables).toPromise();
  if (result.error) throw apiErrorOf(result.error);
  return { data: result.data };
}

// The queries on screen, by document, so that a mutation can name the ones to read again.
const onScreen = new Map<unknown, Set<() => Promise<unknown>>>();

// Answers asked for ahead of their screen (askAhead) by request key: when they were asked, their
// answer, and, for one held back, when it is sent. The screen's first look takes the answer (or
// joins the request still on its way) rather than asking the server a second time. Older than a
// screen's loading takes, they are asked for as usual.
interface Ahead {
  at: number;
  answered: Promise<unknown>;
  /** Held back until other answers were in: settles once the request has gone out. */
  sent?: Promise<void>;
}
const asked = new Map<number, Ahead>();
const AHEAD_MS = 30_000;

/**
 * Sends a screen's query before the screen has loaded; its useQuery then takes this answer. With
 * `after`, the request waits until that settles (the screen's useQuery waits with it, rather than
 * asking itself). The same query asked for twice is sent once. Settles when the answer is in; a
 * failure is the screen's to show when it asks.
 */
export function askAhead<TData, TVariables extends AnyVariables>(
  client: Client,
  document: TypedDocument<TData, TVariables>,
  variables?: TVariables,
  after?: Promise<unknown>,
): Promise<unknown> {
  const query = queryOf(document);
  const key = createRequest(query, variables).key;
  const known = asked.get(key);
  if (known && askedAhead(key)) return known.answered;
  // The answer lands in the document cache.
  const send = () => client.query(query, variables as TVariables, { requestPolicy: 'network-only' }).toPromise();
  const sent = after?.then(
    () => undefined,
    () => undefined,
  );
  const answered = sent ? sent.then(send) : send();
  asked.set(key, { at: Date.now(), answered, sent });
  return answered;
}

/** Whether this request was asked for ahead, recently enough for a screen to take its answer. */
function askedAhead(key: number): boolean {
  return Date.now() - (asked.get(key)?.at ?? -Infinity) < AHEAD_MS;
}

/** Asked for ahead and held back: settles once the request has gone out. */
function heldAhead(key: number): Promise<void> | undefined {
  return askedAhead(key) ? asked.get(key)?.sent : undefined;
}

/** A screen has taken the answer: the next look at the same data asks the server as usual. */
function takenAhead(key: number): void {
  asked.delete(key);
}

export interface QueryOptions<TVariables> {
  /** Checked against the document's variables, never inferred from what is passed. */
  variables?: NoInfer<TVariables>;
  /** Apollo's names; unset, a screen shows what the cache has and asks the server again. */
  fetchPolicy?: 'cache-first' | 'cache-and-network' | 'network-only';
  skip?: boolean;
}

/** Narrowing `data` narrows the whole result, so a callback below `q.data && ...` sees it too. */
export type QueryResult<TData> = QueryState<TData> &
  (
    | {
        /** The answer for these variables (undefined while another set's answer is all there is). */
        readonly data: TData;
      }
    | { readonly data: undefined }
  );

interface QueryState<TData> {
  /** The last answer before this one, to keep a list on screen while the next page loads. */
  readonly previousData: TData | undefined;
  /** Asking the server, with or without an answer on screen. */
  readonly loading: boolean;
  readonly error: ApiError | undefined;
  /** When the answer came from a hot standby: the time its data is as of (ISO), else undefined. */
  readonly asOf: string | undefined;
  /** Asks the server again; resolves with the new answer (rejects with its ApiError). */
  readonly refetch: () => Promise<{ data: TData | undefined }>;
}

export function useQuery<TData, TVariables extends AnyVariables>(
  document: TypedDocument<TData, TVariables>,
  options: QueryOptions<TVariables> = {},
): QueryResult<TData> {
  const client = useClient();
  const query = queryOf(document);
  const variables = options.variables as TVariables;
  const key = createRequest(query, variables).key;
  // Asked for ahead (askAhead): taken from the cache, or from the request on its way, once.
  const [ahead] = useState(() => (askedAhead(key) ? key : null));
  useEffect(() => {
    if (ahead !== null) takenAhead(ahead);
  }, [ahead]);
  // Asked for ahead but held back (askAhead's `after`): not asked here either until it has gone
  // out, so that the figures it waits for have the server to themselves.
  const [held, setHeld] = useState(() => (ahead === null ? undefined : heldAhead(key)));
  useEffect(() => {
    if (!held) return;
    let mounted = true;
    void held.then(() => mounted && setHeld(undefined));
    return () => {
      mounted = false;
    };
  }, [held]);
  const requestPolicy = ahead === key ? 'cache-first' : options.fetchPolicy;
  const [state] = useUrqlQuery<TData, TVariables>({ query, variables, requestPolicy, pause: options.skip || held !== undefined });
  // urql keeps the last answer while new variables load; Apollo's data was only ever this query's.
  const current = !options.skip && state.operation?.key === key;
  const data = current ? state.data : undefined;
  const error = useMemo(() => (current && state.error ? apiErrorOf(state.error) : undefined), [current, state.error]);

  const [seen, setSeen] = useState<{ data?: TData; previousData?: TData }>({});
  const previousData = data !== seen.data ? (seen.data ?? seen.previousData) : seen.previousData;
  if (data !== seen.data) setSeen({ data, previousData });

  const refetch = useCallback(
    () => ask(client, document, variables),
    // The key stands for the variables: a new object with the same values is the same query.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [client, document, key],
  );

  useEffect(() => {
    if (options.skip) return;
    const set = onScreen.get(document) ?? new Set();
    onScreen.set(document, set);
    set.add(refetch);
    return () => {
      set.delete(refetch);
    };
  }, [document, refetch, options.skip]);

  const asOf = current ? (state.extensions?.asOf as string | undefined) : undefined;
  return { data: data as TData, previousData, asOf, loading: !options.skip && (state.fetching || state.stale || !current), error, refetch };
}

export interface MutationOptions {
  /** Queries on screen to read again once the mutation has succeeded (Apollo's refetchQueries). */
  refetchQueries?: TypedDocument<unknown, never>[];
}

export type MutateFunction<TData, TVariables> = (options: { variables: TVariables }) => Promise<{ data: TData | undefined }>;

export function useMutation<TData, TVariables extends AnyVariables>(
  document: TypedDocument<TData, TVariables>,
  options: MutationOptions = {},
): [MutateFunction<TData, TVariables>, { loading: boolean }] {
  const client = useClient();
  const [pending, setPending] = useState(0);
  const { refetchQueries } = options;
  const mutate = useCallback<MutateFunction<TData, TVariables>>(
    async ({ variables }) => {
      setPending((n) => n + 1);
      try {
        const result = await sendMutation(client, document, variables);
        for (const other of refetchQueries ?? []) onScreen.get(other)?.forEach((refetch) => void refetch().catch(() => undefined));
        return result;
      } finally {
        setPending((n) => n - 1);
      }
    },
    [client, document, refetchQueries],
  );
  return [mutate, { loading: pending > 0 }];
}
