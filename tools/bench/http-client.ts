// A minimal GraphQL-over-HTTP client for the tools: every answer with errors is an exception
// naming the operation, so a benchmark never times a failure as if it were a result.
export const BENCH_PASSWORD = 'demo-registry-2026';

export interface GraphQLAnswer<T> {
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

export class ApiClient {
  constructor(readonly baseUrl: string) {}

  async post<T>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<{ status: number; body: GraphQLAnswer<T> }> {
    const res = await fetch(`${this.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const text = await res.text();
    let body: GraphQLAnswer<T>;
    try {
      body = JSON.parse(text) as GraphQLAnswer<T>;
    } catch {
      throw new Error(`HTTP ${res.status} with a body that is not JSON: ${text.slice(0, 200)}`);
    }
    return { status: res.status, body };
  }

  async gql<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
    const { status, body } = await this.post<T>(query, variables, token);
    if (body.errors?.length || !body.data) {
      const name = /(?:query|mutation)\s*(\w*)/.exec(query)?.[1] || query.slice(0, 60);
      throw new Error(`${name}: HTTP ${status}: ${JSON.stringify(body.errors ?? body)}`);
    }
    return body.data;
  }

  async login(email: string, password = BENCH_PASSWORD): Promise<string> {
    const data = await this.gql<{ login: { token: string } }>('mutation Login($i: LoginInput!) { login(input: $i) { token } }', { i: { email, password } });
    return data.login.token;
  }

  async health(): Promise<{ status: number; body: unknown }> {
    const res = await fetch(`${this.baseUrl}/health`);
    return { status: res.status, body: await res.json().catch(() => null) };
  }
}
