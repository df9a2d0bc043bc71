import type { AppRoute } from './app-route';
import { AuditLogPage } from './admin/audit-log.page';
import { SitesPage } from './admin/sites.page';
import { UsersPage } from './admin/users.page';

export const adminRoutes: AppRoute[] = [
  { path: '/admin/users', label: 'Users', roles: ['ADMIN'], element: <UsersPage /> },
  { path: '/admin/sites', label: 'Sites', roles: ['ADMIN'], element: <SitesPage /> },
  { path: '/admin/audit', label: 'Audit log', roles: ['ADMIN'], element: <AuditLogPage /> },
];
