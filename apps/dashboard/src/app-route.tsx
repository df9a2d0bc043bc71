import { type ComponentType, lazy, type ReactNode } from 'react';

/** The roles exactly as the API names them (libs/domain's Role). */
export type RoleName = 'ADMIN' | 'COORDINATOR' | 'RESEARCHER' | 'DEPARTMENT_HEAD';

/** One screen: who may open it, and its nav label (null keeps it out of the nav, e.g. detail pages). */
export interface AppRoute {
  path: string;
  label: string | null;
  roles: RoleName[];
  element: ReactNode;
  /** Fetches the screen's chunk (screens made by lazyScreen). */
  load?: () => Promise<unknown>;
}

/**
 * A screen loaded when first opened (React.lazy), whose chunk can also be asked for ahead: the
 * app fetches the landing screen's chunk while it checks the session, not after, and `ahead`
 * then lets the screen ask for its first data too.
 */
export function lazyScreen<M extends Record<K, ComponentType>, K extends keyof M>(
  load: () => Promise<M>,
  name: K,
  ahead?: (m: M) => void,
): Pick<AppRoute, 'element' | 'load'> {
  const Screen = lazy(async () => {
    const component: ComponentType = (await load())[name];
    return { default: component };
  });
  return { element: <Screen />, load: () => load().then((m) => ahead?.(m)) };
}
