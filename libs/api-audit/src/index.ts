export * from './audit-event.entity';
export * from './audit.writer';
export * from './audit.service';
export * from './audit.module';
export * from './access-audit';
export * from './identifier-reads';
