import { type AppRoute, lazyScreen } from './app-route';

// Each screen loads when first opened, so a role's first screen does not wait for the others
// (the data-entry forms also bring the domain's validation rules).
// Data entry: coordinators (their site) and admins write; researchers browse de-identified
// patients read-only (the API withholds identifiers and dates from them).
export const coordinatorRoutes: AppRoute[] = [
  {
    path: '/patients',
    label: 'Patients',
    roles: ['COORDINATOR', 'ADMIN', 'RESEARCHER'],
    ...lazyScreen(() => import('./patients/patient-search.page'), 'PatientSearchPage'),
  },
  {
    path: '/patients/new',
    label: null,
    roles: ['COORDINATOR', 'ADMIN'],
    ...lazyScreen(() => import('./patients/patient-new.page'), 'PatientNewPage'),
  },
  {
    path: '/patients/:id',
    label: null,
    roles: ['COORDINATOR', 'ADMIN', 'RESEARCHER'],
    ...lazyScreen(() => import('./patients/patient.page'), 'PatientPage'),
  },
  {
    path: '/worklist',
    label: 'Worklist',
    roles: ['COORDINATOR', 'ADMIN'],
    ...lazyScreen(() => import('./worklist/worklist.page'), 'WorklistPage'),
  },
  {
    path: '/worklist/call-list',
    label: null,
    roles: ['COORDINATOR', 'ADMIN'],
    ...lazyScreen(() => import('./worklist/call-list.page'), 'CallListPage'),
  },
  {
    path: '/import',
    label: 'Import',
    roles: ['COORDINATOR', 'ADMIN'],
    ...lazyScreen(() => import('./worklist/csv-import.page'), 'CsvImportPage'),
  },
  // Admins open the same page from their own menu (admin routes), for every site.
  {
    path: '/data-issues',
    label: 'Data issues',
    roles: ['COORDINATOR'],
    ...lazyScreen(() => import('./data-issues/data-issues.page'), 'DataIssuesPage'),
  },
];
