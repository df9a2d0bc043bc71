export * from './enums';
export * from './inputs';
export * from './errors';
export * from './dates';
export * from './ranges';
export * from './time-points';
export * from './validation';
export * from './schemas';
