import type { AnyVariables, Client } from 'urql';
import type { ResponderDefinition } from '../gql/graphql';
import { askAhead, type TypedDocument } from '../graphql/hooks';
import {
  OVERVIEW_COMPLETENESS,
  OVERVIEW_COMPLICATIONS,
  OVERVIEW_DISCHARGE,
  OVERVIEW_FUNNEL,
  OVERVIEW_HEADLINES,
  OVERVIEW_READMISSIONS,
  OVERVIEW_RESPONDERS,
  OVERVIEW_SITES,
  OVERVIEW_TRAJECTORY,
  OVERVIEW_VOLUMES,
} from './overview.documents';
import { chartScopes, siteFilter, subgroupFilter, viewFromSearch } from './overview-view';

/** The responder definition the overview opens with. */
export const FIRST_DEFINITION: ResponderDefinition = 'NRS_DROP_2';

/**
 * Asks for the overview's first screen while the app is still checking the session and loading
 * the page: the same requests, with the same variables, as the page's cards make when they first
 * render (overview.page.tsx), which then take these answers instead of asking again. `ownSiteId`
 * is the token's (it only steers this guess: the server scopes every answer, and a page whose site
 * differs asks for its own). Opened at "/", the overview shows its default view.
 *
 * What the window holds first is asked for first: the sites (the filters), the registry's size
 * (the summary line) and the headline figures. The charts below the window are asked for once
 * those are answered: sent together, the eight charts' figures shared the server with the
 * headline figures and held the browser's six connections, and the first screen waited for all
 * of them (docs/performance.md).
 */
export function askOverviewAhead(client: Client, ownSiteId: string | null): void {
  // Not the charts' drawing library: the first screen is the headline figures, and the charts
  // below them are drawn after it (charts/draw-later.ts); a card in sight asks for it itself.
  const view = viewFromSearch(window.location.pathname === '/overview' ? window.location.search : '');
  const siteId = view.siteId || ownSiteId;
  const registry = subgroupFilter(view);
  const site = siteId ? siteFilter(view, siteId) : null;
  const firstScreen = Promise.allSettled([
    askAhead(client, OVERVIEW_HEADLINES, { site, registry, withSite: site !== null }),
    askAhead(client, OVERVIEW_SITES),
    askAhead(client, OVERVIEW_VOLUMES, { filter: registry }),
  ]);
  // The answers land in the document cache; a failure is the card's to show when it asks.
  const later = <TData, TVariables extends AnyVariables>(document: TypedDocument<TData, TVariables>, variables: TVariables) =>
    void askAhead(client, document, variables, firstScreen);
  for (const filter of chartScopes(view, site, registry)) {
    later(OVERVIEW_VOLUMES, { filter });
    later(OVERVIEW_TRAJECTORY, { filter });
    later(OVERVIEW_RESPONDERS, { filter, definition: FIRST_DEFINITION });
    later(OVERVIEW_COMPLICATIONS, { filter });
    later(OVERVIEW_DISCHARGE, { filter });
    later(OVERVIEW_READMISSIONS, { filter });
  }
  later(OVERVIEW_COMPLETENESS, { siteId: view.charts === 'SITE' && siteId ? siteId : null });
  later(OVERVIEW_FUNNEL, { filter: registry });
}
