export const OPEN_DATABASE = Symbol('OPEN_DATABASE');
