import { useEffect, useMemo, useRef } from 'react';
import { useBlocker, type BlockerFunction } from 'react-router';

export const LEAVE_QUESTION = 'This form has changes that are not saved. Leave it? (They are kept as a draft in this tab.)';

/** A form with unsaved changes; `sending` while its Save is under way. */
interface Unsaved {
  sending: boolean;
}

// The forms of the page with unsaved changes. A router heeds only one blocker, and a page can hold
// several forms, so the forms register here and one LeaveGuard asks for all of them.
const unsaved = new Set<Unsaved>();

const asks: BlockerFunction = ({ currentLocation: from, nextLocation: to }) =>
  // A link to the page already shown leaves nothing (the form stays as it is).
  (from.pathname !== to.pathname || from.search !== to.search) && [...unsaved].some((f) => !f.sending);

/**
 * Asks before any navigation inside the dashboard while a form has unsaved changes: a link, the
 * browser's Back and Forward buttons, and the page's own moves (navigate()). Declining stays on the
 * form with its values; leaving keeps them as a draft. Rendered once, inside the router.
 */
export function LeaveGuard(): null {
  const blocker = useBlocker(asks);
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    if (window.confirm(LEAVE_QUESTION)) blocker.proceed();
    else blocker.reset();
  }, [blocker]);
  return null;
}

export interface LeaveWarning {
  /** The form is reset on purpose (Cancel, Discard): what the caller does next leaves without asking. */
  release: () => void;
  /**
   * Runs the form's Save: the page it opens once saved (a new patient's page) is not asked about;
   * the values are the record's by then. Leaving while it runs keeps the draft until it succeeds.
   */
  sending: <T>(send: () => Promise<T>) => Promise<T>;
}

/**
 * While a form has unsaved changes: LeaveGuard asks before the dashboard shows another page, and
 * the browser asks before the tab is closed or reloaded.
 */
export function useLeaveWarning(dirty: boolean): LeaveWarning {
  const self = useRef<Unsaved>({ sending: false });
  useEffect(() => {
    if (!dirty) return;
    const form = self.current;
    unsaved.add(form);
    const beforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      // Older browsers show the dialog only when returnValue is set.
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', beforeUnload);
    return () => {
      unsaved.delete(form);
      window.removeEventListener('beforeunload', beforeUnload);
    };
  }, [dirty]);
  return useMemo(
    () => ({
      // The form's values are reset in the same event, but the change reaches React only after
      // the caller's navigation is judged: the form leaves the set now.
      release: () => void unsaved.delete(self.current),
      sending: async (send) => {
        self.current.sending = true;
        try {
          return await send();
        } finally {
          self.current.sending = false;
        }
      },
    }),
    [],
  );
}
