export * from './test-database';
export * from './test-app';
export * from './sessions';
export * from './follow-up-ends';
export * from './http';
export * from './standby-cluster';
export * from './pgbouncer.process';
export * from './auto-failover.process';
