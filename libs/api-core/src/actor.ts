import { Role } from '@vfr/domain';

/** Who is calling: taken from a verified token by the auth guard. */
export interface Actor {
  userId: string;
  email: string;
  role: Role;
  /** Null for admins and cross-site researchers. */
  siteId: string | null;
}

/** What a verified token says of its session (times in ms since the epoch). */
export interface SessionToken {
  /** The sign-in that began the session: the absolute limit counts from it. */
  startedAt: number;
  issuedAt: number;
  expiresAt: number;
  /** Signed in with a password an administrator set: only the change of it is open. */
  mustChangePassword: boolean;
}

/** The per-request GraphQL context. Loaders are created per request so nothing leaks between callers. */
export interface RequestContext {
  req: {
    headers: Record<string, string | string[] | undefined>;
    ip?: string;
    actor?: Actor;
    /** The verified token's session, set by the auth guard beside the actor. */
    session?: SessionToken;
    /** Express's response, where the auth guard puts a renewed token. */
    res?: { setHeader(name: string, value: string): unknown };
  };
  loaders: Map<string, unknown>;
}
