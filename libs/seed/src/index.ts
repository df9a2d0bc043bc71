export * from './random';
export * from './synthetic-registry';
export * from './bulk-insert';
export * from './demo-seed';
export * from './bulk-load';
export * from './registry-batch';
