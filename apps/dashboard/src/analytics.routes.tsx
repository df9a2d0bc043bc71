import { lazy } from 'react';
import type { AppRoute } from './app-route';

// Analytics screens load on first visit: coordinators never download the charts.
const OverviewPage = lazy(() => import('./overview/overview.page').then((m) => ({ default: m.OverviewPage })));
const CohortsPage = lazy(() => import('./cohorts/cohorts.page').then((m) => ({ default: m.CohortsPage })));
const PatientsLikeThisPage = lazy(() => import('./similar/patients-like-this.page').then((m) => ({ default: m.PatientsLikeThisPage })));

// The API lets every role read aggregates (coordinators only their own site's); these screens
// are for the roles whose job is the registry as a whole.
export const analyticsRoutes: AppRoute[] = [
  { path: '/overview', label: 'Overview', roles: ['DEPARTMENT_HEAD', 'RESEARCHER', 'ADMIN'], element: <OverviewPage /> },
  { path: '/cohorts', label: 'Cohort explorer', roles: ['RESEARCHER', 'ADMIN'], element: <CohortsPage /> },
  // Aggregates of the whole registry for every role (docs/methods.md, Patients like this one);
  // coordinators arrive from a patient's page.
  {
    path: '/patients-like-this',
    label: 'Matched outcomes',
    roles: ['COORDINATOR', 'DEPARTMENT_HEAD', 'RESEARCHER', 'ADMIN'],
    element: <PatientsLikeThisPage />,
  },
];
