export * from './audit-event.entity';
export * from './audit.writer';
export * from './audit.service';
export * from './audit.module';
