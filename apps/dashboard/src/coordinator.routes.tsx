import type { AppRoute } from './app-route';
import { PatientsPage } from './patients-page';

export const coordinatorRoutes: AppRoute[] = [
  { path: '/patients', label: 'Patients', roles: ['COORDINATOR', 'ADMIN'], element: <PatientsPage /> },
];
