import { type AppRoute, lazyScreen } from './app-route';

export const adminRoutes: AppRoute[] = [
  {
    path: '/admin/users',
    label: 'Users',
    roles: ['ADMIN'],
    ...lazyScreen(() => import('./admin/users.page'), 'UsersPage'),
  },
  {
    path: '/admin/sites',
    label: 'Sites',
    roles: ['ADMIN'],
    ...lazyScreen(() => import('./admin/sites.page'), 'SitesPage'),
  },
  {
    path: '/admin/audit',
    label: 'Audit log',
    roles: ['ADMIN'],
    ...lazyScreen(() => import('./admin/audit-log.page'), 'AuditLogPage'),
  },
  {
    path: '/admin/data-issues',
    label: 'Data issues',
    roles: ['ADMIN'],
    ...lazyScreen(() => import('./data-issues/data-issues.page'), 'DataIssuesPage'),
  },
];
