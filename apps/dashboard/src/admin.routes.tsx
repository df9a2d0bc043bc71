import { lazy } from 'react';
import type { AppRoute } from './app-route';

const UsersPage = lazy(() => import('./admin/users.page').then((m) => ({ default: m.UsersPage })));
const SitesPage = lazy(() => import('./admin/sites.page').then((m) => ({ default: m.SitesPage })));
const AuditLogPage = lazy(() => import('./admin/audit-log.page').then((m) => ({ default: m.AuditLogPage })));

export const adminRoutes: AppRoute[] = [
  { path: '/admin/users', label: 'Users', roles: ['ADMIN'], element: <UsersPage /> },
  { path: '/admin/sites', label: 'Sites', roles: ['ADMIN'], element: <SitesPage /> },
  { path: '/admin/audit', label: 'Audit log', roles: ['ADMIN'], element: <AuditLogPage /> },
];
