import { type ComponentType, lazy, type ReactNode } from 'react';

/** The roles exactly as the API names them (libs/domain's Role). */
export type RoleName = 'ADMIN' | 'COORDINATOR' | 'RESEARCHER' | 'DEPARTMENT_HEAD';

/** One screen: who may open it, and its nav label (null keeps it out of the nav, e.g. detail pages). */
export interface AppRoute {
  path: string;
  label: string | null;
  roles: RoleName[];
  element: ReactNode;
  /** Asks for the screen's first data, then fetches its chunk (screens made by lazyScreen). */
  load?: () => Promise<unknown>;
}

/**
 * A screen loaded when first opened (React.lazy), whose chunk can also be asked for ahead: the
 * app fetches the landing screen's chunk while it checks the session, not after. `ahead` asks
 * for the screen's first data; it is a small chunk of its own, fetched and run before the
 * screen's. Fetched beside it, the browser ran the screen's code first (its graph holds the
 * ahead module too), and on a slow machine that put the server's work a quarter of a second
 * later, after the code's evaluation (docs/performance.md).
 */
export function lazyScreen<M extends Record<K, ComponentType>, K extends keyof M>(
  load: () => Promise<M>,
  name: K,
  ahead?: () => Promise<void>,
): Pick<AppRoute, 'element' | 'load'> {
  // The data asked for ahead, once; a failure is the screen's to report when it asks itself.
  let asked: Promise<unknown> | undefined;
  const Screen = lazy(async () => {
    await asked;
    const component: ComponentType = (await load())[name];
    return { default: component };
  });
  return {
    element: <Screen />,
    load: () => {
      asked ??= ahead?.().catch(() => undefined);
      return Promise.resolve(asked).then(load);
    },
  };
}
