import { lazy } from 'react';
import type { AppRoute } from './app-route';

const UsersPage = lazy(() => import('./admin/users.page').then((m) => ({ default: m.UsersPage })));
const SitesPage = lazy(() => import('./admin/sites.page').then((m) => ({ default: m.SitesPage })));
const AuditLogPage = lazy(() => import('./admin/audit-log.page').then((m) => ({ default: m.AuditLogPage })));
const DataIssuesPage = lazy(() => import('./data-issues/data-issues.page').then((m) => ({ default: m.DataIssuesPage })));

export const adminRoutes: AppRoute[] = [
  { path: '/admin/users', label: 'Users', roles: ['ADMIN'], element: <UsersPage /> },
  { path: '/admin/sites', label: 'Sites', roles: ['ADMIN'], element: <SitesPage /> },
  { path: '/admin/audit', label: 'Audit log', roles: ['ADMIN'], element: <AuditLogPage /> },
  { path: '/admin/data-issues', label: 'Data issues', roles: ['ADMIN'], element: <DataIssuesPage /> },
];
