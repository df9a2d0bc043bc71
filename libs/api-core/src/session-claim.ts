import { UnauthenticatedError } from '@vfr/domain';
import { Actor, RequestContext } from './actor';

/** What a read that may carry the session's check gives back: its answer, and the user's row when it read one. */
export interface ReadWithSession<T> {
  result: T;
  /** The user's row (sessionUserJson), or undefined when the statement returned no row to carry it. */
  sessionRow?: unknown;
}

/** Whether two actors read the same data (the answer depends on the role and the site alone). */
const sameView = (a: Actor, b: Actor) => a.role === b.role && a.siteId === b.siteId;

/**
 * Runs a read for the request's actor. Where the guard handed over a claim (@ChecksSessionInRead),
 * the read runs for the role and site the token claims with the user's id (`sessionUserId`), so
 * that its statement carries the user's row; its answer is given only when that row confirms
 * the claim. Otherwise, the guard's own check runs and decides (its refusals, in the order the
 * guard gives them: an error of the read itself comes after them), and the read runs again for
 * the actor the row gives when that reads other data.
 */
export async function readConfirmingSession<T>(
  req: RequestContext['req'],
  read: (actor: Actor, sessionUserId: string | null) => Promise<ReadWithSession<T>>,
): Promise<{ actor: Actor; result: T }> {
  const claim = req.claim;
  if (!claim) {
    if (!req.actor) throw new UnauthenticatedError();
    return { actor: req.actor, result: (await read(req.actor, null)).result };
  }
  // Checked meanwhile by another field of the request: that actor, with this operation's refusals.
  if (req.actor) {
    const actor = await claim.settle();
    return { actor, result: (await read(actor, null)).result };
  }
  let first: ReadWithSession<T>;
  try {
    first = await read(claim.actor, claim.actor.userId);
  } catch (error) {
    // A signed-out or deactivated user hears that, not what was wrong with the request.
    await claim.settle();
    throw error;
  }
  const actor = (first.sessionRow === undefined ? undefined : claim.confirm(first.sessionRow)) ?? (await claim.settle());
  if (sameView(actor, claim.actor)) return { actor, result: first.result };
  return { actor, result: (await read(actor, null)).result };
}
