export * from './enums';
export * from './inputs';
export * from './errors';
