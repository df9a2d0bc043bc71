export * from './database.config';
export * from './database.module';
export * from './database.tokens';
export * from './embedded-postgres';
export * from './open-database';
export * from './statement-counter.logger';
export * from './snake-naming.strategy';
export * from './base.entity';
