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

export const session = {
  get token(): string | null {
    return sessionStorage.getItem(TOKEN_KEY);
  },
  set(token: string | null) {
    if (token) sessionStorage.setItem(TOKEN_KEY, token);
    else sessionStorage.removeItem(TOKEN_KEY);
  },
};

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
