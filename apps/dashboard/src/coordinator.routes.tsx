import type { AppRoute } from './app-route';
import { session } from './api';
import { PatientNewPage } from './patients/patient-new.page';
import { PatientPage } from './patients/patient.page';
import { PatientSearchPage } from './patients/patient-search.page';
import { CsvImportPage } from './worklist/csv-import.page';
import { WorklistPage } from './worklist/worklist.page';

// Data entry: coordinators (their site) and admins write; researchers browse de-identified
// patients read-only (the API withholds identifiers and dates from them).
export const coordinatorRoutes: AppRoute[] = [
  { path: '/patients', label: 'Patients', roles: ['COORDINATOR', 'ADMIN', 'RESEARCHER'], element: <PatientSearchPage /> },
  { path: '/patients/new', label: null, roles: ['COORDINATOR', 'ADMIN'], element: <PatientNewPage /> },
  { path: '/patients/:id', label: null, roles: ['COORDINATOR', 'ADMIN', 'RESEARCHER'], element: <PatientPage /> },
  { path: '/worklist', label: 'Worklist', roles: ['COORDINATOR', 'ADMIN'], element: <WorklistPage /> },
  { path: '/import', label: 'Import', roles: ['COORDINATOR', 'ADMIN'], element: <CsvImportPage token={() => session.token} /> },
];
