import { ForbiddenError, Role, UnauthenticatedError } from '@vfr/domain';
import { Actor, RequestContext, SessionClaim } from './actor';
import { readConfirmingSession } from './session-claim';

// The order of readConfirmingSession's decisions, with a claim whose confirm and settle are
// scripted (the guard's own are tried against the database in session-in-read.spec.ts): no
// answer is given for the claim unless its row confirms it, and an actor another field of the
// request has checked still meets this operation's refusals.

const COORDINATOR: Actor = { userId: 'u1', email: 'c@x', role: Role.COORDINATOR, siteId: 's1' };
const HEAD: Actor = { ...COORDINATOR, role: Role.DEPARTMENT_HEAD };

function request(claim: Partial<SessionClaim> & Pick<SessionClaim, 'settle'>, actor?: Actor): RequestContext['req'] {
  return { headers: {}, actor, claim: { actor: COORDINATOR, confirm: () => undefined, ...claim } };
}

describe('readConfirmingSession', () => {
  it('gives the answer read for the claim only when the row confirms it', async () => {
    const reads: (string | null)[] = [];
    const req = request({ confirm: (row) => (row === 'ok' ? COORDINATOR : undefined), settle: () => Promise.reject(new Error('not asked')) });
    const out = await readConfirmingSession(req, (actor, id) => (reads.push(id), Promise.resolve({ result: actor.role, sessionRow: 'ok' })));
    expect(out).toEqual({ actor: COORDINATOR, result: Role.COORDINATOR });
    expect(reads).toEqual(['u1']);
  });

  it("settles when the row does not confirm, and reads again for the row's actor when its view differs", async () => {
    const reads: string[] = [];
    const req = request({ settle: () => Promise.resolve(HEAD) });
    const out = await readConfirmingSession(
      req,
      (actor, id) => (reads.push(`${actor.role}:${id}`), Promise.resolve({ result: actor.role, sessionRow: 'changed' })),
    );
    expect(out).toEqual({ actor: HEAD, result: Role.DEPARTMENT_HEAD });
    expect(reads).toEqual(['COORDINATOR:u1', 'DEPARTMENT_HEAD:null']);
  });

  it('refuses for the session before the error of the read itself', async () => {
    const req = request({ settle: () => Promise.reject(new UnauthenticatedError('You have signed out; sign in again')) });
    await expect(readConfirmingSession(req, () => Promise.reject(new Error('the filter is wrong')))).rejects.toThrow('You have signed out');
  });

  it("holds an actor another field checked meanwhile to this operation's refusals", async () => {
    const reads: Actor[] = [];
    const req = request({ settle: () => Promise.reject(new ForbiddenError('Your role (DEPARTMENT_HEAD) does not allow this operation')) }, HEAD);
    await expect(readConfirmingSession(req, (actor) => (reads.push(actor), Promise.resolve({ result: 1 })))).rejects.toThrow(ForbiddenError);
    expect(reads).toEqual([]);
  });

  it('reads for the actor the guard admitted when it handed over no claim', async () => {
    const out = await readConfirmingSession({ headers: {}, actor: COORDINATOR }, (actor, id) => Promise.resolve({ result: `${actor.role}:${id}` }));
    expect(out.result).toBe('COORDINATOR:null');
    await expect(readConfirmingSession({ headers: {} }, () => Promise.resolve({ result: 1 }))).rejects.toThrow(UnauthenticatedError);
  });
});
