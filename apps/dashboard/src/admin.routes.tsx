import type { AppRoute } from './app-route';

export const adminRoutes: AppRoute[] = [];
