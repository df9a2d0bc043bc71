import { createContext, useContext } from 'react';

/** The signed-in user as the shell knows them: read once at start-up (or returned by the sign-in). */
export interface Me {
  email: string;
  displayName: string;
  role: string;
  /** Signed in with a password an administrator set: only the change of it is open. */
  mustChangePassword: boolean;
  /** The user's own site (null for roles of the whole registry): pages scoped to it need not ask again. */
  siteId: string | null;
}

/** The fields of Me, one selection for the start-up query and the sign-in's answer alike. */
export const ME_FIELDS = 'email displayName role mustChangePassword siteId';

export const MeContext = createContext<Me | null>(null);

/** The signed-in user, for pages inside the shell. */
export function useMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useMe is used outside the signed-in shell');
  return me;
}
