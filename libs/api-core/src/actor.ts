import { Role } from '@vfr/domain';

/** Who is calling: taken from a verified token by the auth guard. */
export interface Actor {
  userId: string;
  email: string;
  role: Role;
  /** Null for admins and cross-site researchers. */
  siteId: string | null;
}

/** The per-request GraphQL context. Loaders are created per request so nothing leaks between callers. */
export interface RequestContext {
  req: { headers: Record<string, string | string[] | undefined>; ip?: string; actor?: Actor };
  loaders: Map<string, unknown>;
}
