export * from './random';
export * from './synthetic-registry';
export * from './bulk-insert';
export * from './demo-seed';
