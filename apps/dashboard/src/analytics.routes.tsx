import { claimsOf, session } from './api';
import { type AppRoute, lazyScreen } from './app-route';
import { currentClient } from './graphql/client';

// Analytics screens load on first visit: coordinators never download the charts.
// The API lets every role read aggregates (coordinators only their own site's); these screens
// are for the roles whose job is the registry as a whole.
export const analyticsRoutes: AppRoute[] = [
  {
    path: '/overview',
    label: 'Overview',
    roles: ['DEPARTMENT_HEAD', 'RESEARCHER', 'ADMIN'],
    ...lazyScreen(
      () => import('./overview/overview.page'),
      'OverviewPage',
      // A chunk of its own, a few kilobytes: the figures are asked for as soon as it has run, and
      // the page's chunk is fetched after it, not beside it (app-route.tsx).
      () => import('./overview/overview.ahead').then((m) => m.askOverviewAhead(currentClient(), claimsOf(session.token).siteId ?? null)),
    ),
  },
  {
    path: '/cohorts',
    label: 'Cohort explorer',
    roles: ['RESEARCHER', 'ADMIN'],
    ...lazyScreen(() => import('./cohorts/cohorts.page'), 'CohortsPage'),
  },
  // Aggregates of the whole registry for every role (docs/methods.md, Patients like this one);
  // coordinators arrive from a patient's page.
  {
    path: '/patients-like-this',
    label: 'Matched outcomes',
    roles: ['COORDINATOR', 'DEPARTMENT_HEAD', 'RESEARCHER', 'ADMIN'],
    ...lazyScreen(() => import('./similar/patients-like-this.page'), 'PatientsLikeThisPage'),
  },
];
