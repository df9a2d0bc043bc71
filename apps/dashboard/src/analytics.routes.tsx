import { lazy } from 'react';
import type { AppRoute } from './app-route';

// Analytics screens load on first visit: coordinators never download the charts.
const OverviewPage = lazy(() => import('./overview/overview.page').then((m) => ({ default: m.OverviewPage })));
const CohortsPage = lazy(() => import('./cohorts/cohorts.page').then((m) => ({ default: m.CohortsPage })));

// The API lets every role read aggregates (coordinators only their own site's); these screens
// are for the roles whose job is the registry as a whole.
export const analyticsRoutes: AppRoute[] = [
  { path: '/overview', label: 'Overview', roles: ['DEPARTMENT_HEAD', 'RESEARCHER', 'ADMIN'], element: <OverviewPage /> },
  { path: '/cohorts', label: 'Cohort explorer', roles: ['RESEARCHER', 'ADMIN'], element: <CohortsPage /> },
];
