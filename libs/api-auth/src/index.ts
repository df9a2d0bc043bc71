export * from './site.entity';
export * from './user.entity';
