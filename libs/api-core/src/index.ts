export * from './actor';
export * from './current-actor.decorator';
export * from './graphql-error.mapper';
export * from './loaders';
export * from './pagination';
