import { lazy } from 'react';
import type { AppRoute } from './app-route';
import { session } from './api';

// Each screen loads when first opened, so a role's first screen does not wait for the others
// (the data-entry forms also bring the domain's validation rules).
const PatientSearchPage = lazy(() => import('./patients/patient-search.page').then((m) => ({ default: m.PatientSearchPage })));
const PatientNewPage = lazy(() => import('./patients/patient-new.page').then((m) => ({ default: m.PatientNewPage })));
const PatientPage = lazy(() => import('./patients/patient.page').then((m) => ({ default: m.PatientPage })));
const WorklistPage = lazy(() => import('./worklist/worklist.page').then((m) => ({ default: m.WorklistPage })));
const CallListPage = lazy(() => import('./worklist/call-list.page').then((m) => ({ default: m.CallListPage })));
const CsvImportPage = lazy(() => import('./worklist/csv-import.page').then((m) => ({ default: m.CsvImportPage })));
const DataIssuesPage = lazy(() => import('./data-issues/data-issues.page').then((m) => ({ default: m.DataIssuesPage })));

// Data entry: coordinators (their site) and admins write; researchers browse de-identified
// patients read-only (the API withholds identifiers and dates from them).
export const coordinatorRoutes: AppRoute[] = [
  { path: '/patients', label: 'Patients', roles: ['COORDINATOR', 'ADMIN', 'RESEARCHER'], element: <PatientSearchPage /> },
  { path: '/patients/new', label: null, roles: ['COORDINATOR', 'ADMIN'], element: <PatientNewPage /> },
  { path: '/patients/:id', label: null, roles: ['COORDINATOR', 'ADMIN', 'RESEARCHER'], element: <PatientPage /> },
  { path: '/worklist', label: 'Worklist', roles: ['COORDINATOR', 'ADMIN'], element: <WorklistPage /> },
  { path: '/worklist/call-list', label: null, roles: ['COORDINATOR', 'ADMIN'], element: <CallListPage /> },
  { path: '/import', label: 'Import', roles: ['COORDINATOR', 'ADMIN'], element: <CsvImportPage token={() => session.token} /> },
  // Admins open the same page from their own menu (admin routes), for every site.
  { path: '/data-issues', label: 'Data issues', roles: ['COORDINATOR'], element: <DataIssuesPage /> },
];
