import type { Client } from 'urql';
import type { ResponderDefinition } from '../gql/graphql';
import { askAhead } from '../graphql/hooks';
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
 */
export function askOverviewAhead(client: Client, ownSiteId: string | null): void {
  // Not the charts' drawing library: the first screen is the headline figures, and the charts
  // below them are drawn after it (charts/draw-later.ts); a card in sight asks for it itself.
  const view = viewFromSearch(window.location.pathname === '/overview' ? window.location.search : '');
  const siteId = view.siteId || ownSiteId;
  const registry = subgroupFilter(view);
  const site = siteId ? siteFilter(view, siteId) : null;
  for (const filter of chartScopes(view, site, registry)) {
    askAhead(client, OVERVIEW_VOLUMES, { filter });
    askAhead(client, OVERVIEW_TRAJECTORY, { filter });
    askAhead(client, OVERVIEW_RESPONDERS, { filter, definition: FIRST_DEFINITION });
    askAhead(client, OVERVIEW_COMPLICATIONS, { filter });
    askAhead(client, OVERVIEW_DISCHARGE, { filter });
    askAhead(client, OVERVIEW_READMISSIONS, { filter });
  }
  // The registry's size (the summary line) even when only the site's charts are shown.
  if (view.charts === 'SITE' && site) askAhead(client, OVERVIEW_VOLUMES, { filter: registry });
  askAhead(client, OVERVIEW_COMPLETENESS, { siteId: view.charts === 'SITE' && siteId ? siteId : null });
  askAhead(client, OVERVIEW_FUNNEL, { filter: registry });
  askAhead(client, OVERVIEW_HEADLINES, { site, registry, withSite: site !== null });
  askAhead(client, OVERVIEW_SITES);
}
