// A thin GraphQL client: the token lives in sessionStorage so a closed tab signs out.
const TOKEN_KEY = 'vfr.token';

export interface GraphQLErrorShape {
  message: string;
  extensions?: { code?: string; field?: string; fields?: { field: string; message: string }[] };
}

export class ApiError extends Error {
  constructor(readonly errors: GraphQLErrorShape[]) {
    super(errors.map((e) => e.message).join('; '));
  }
  get code(): string | undefined {
    return this.errors[0]?.extensions?.code;
  }
}

// The app listens so that a session ended by the server (an expired token, a deactivated user)
// sends the user back to the sign-in page instead of leaving a screen of errors.
const listeners = new Set<(token: string | null) => void>();

export const session = {
  get token(): string | null {
    return sessionStorage.getItem(TOKEN_KEY);
  },
  set(token: string | null) {
    if (token) sessionStorage.setItem(TOKEN_KEY, token);
    else sessionStorage.removeItem(TOKEN_KEY);
    listeners.forEach((listener) => listener(token));
  },
  subscribe(listener: (token: string | null) => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

/** A sentence for any failure: the API's own message when it gave one. */
export function errorSentence(error: unknown, what = 'This'): string {
  if (error instanceof ApiError) return error.message;
  const errors = (error as { errors?: GraphQLErrorShape[] } | null)?.errors;
  if (Array.isArray(errors) && errors.length) return errors.map((e) => e.message).join(' ');
  if (error instanceof TypeError) return 'The registry server cannot be reached. Check your connection and try again.';
  return `${what} could not be loaded. Try again in a moment.`;
}

export async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const token = session.token;
  let res: Response;
  try {
    res = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new ApiError([{ message: 'The registry server cannot be reached. Check your connection and try again.' }]);
  }
  const body = (await res.json().catch(() => ({}))) as { data?: T; errors?: GraphQLErrorShape[] };
  if (body.errors?.length) {
    if (body.errors[0].extensions?.code === 'UNAUTHENTICATED') session.set(null);
    throw new ApiError(body.errors);
  }
  return body.data as T;
}
