import { Module } from '@nestjs/common';
import { AccessAudit } from './access-audit';
import { AuditLogController } from './audit-log.controller';
import { AuditResolver } from './audit.resolver';
import { AuditService } from './audit.service';
import { AuditedWriter } from './audit.writer';
import { IdentifierReadAudit } from './identifier-reads';

@Module({
  controllers: [AuditLogController],
  providers: [AuditedWriter, AuditService, AuditResolver, AccessAudit, IdentifierReadAudit],
  exports: [AuditedWriter, AuditService, AccessAudit],
})
export class AuditModule {}
