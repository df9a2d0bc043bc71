import type { ReactNode } from 'react';

/** The roles exactly as the API names them (libs/domain's Role). */
export type RoleName = 'ADMIN' | 'COORDINATOR' | 'RESEARCHER' | 'DEPARTMENT_HEAD';

/** One screen: who may open it, and its nav label (null keeps it out of the nav, e.g. detail pages). */
export interface AppRoute {
  path: string;
  label: string | null;
  roles: RoleName[];
  element: ReactNode;
}
