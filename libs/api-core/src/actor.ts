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

/**
 * What a verified token claims (its user, role and site), not yet checked against the user's row:
 * the auth guard's hand-over to an operation that reads that row in the same statement as its
 * data (readConfirmingSession). Only `confirm` or `settle` make it the request's actor.
 */
export interface SessionClaim {
  actor: Actor;
  /**
   * The user's row as `sessionUserJson` gives it, read in the operation's statement: the actor,
   * set as the request's, when the row confirms the claim (the account usable, no sign-out since
   * the token, the same role and site); undefined when the role or site changed; throws the
   * guard's refusal when the account is not usable or signed out.
   */
  confirm(row: unknown): Actor | undefined;
  /** The guard's own check, its statement and its refusals: the request's actor as the row says. */
  settle(): Promise<Actor>;
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
    /**
     * A token whose user's row is still to be read, for an operation that reads it in its own
     * statement (@ChecksSessionInRead, session-claim.ts); never an actor until confirmed.
     */
    claim?: SessionClaim;
  };
  loaders: Map<string, unknown>;
}
