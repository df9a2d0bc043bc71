import { Module } from '@nestjs/common';
import { AuditResolver } from './audit.resolver';
import { AuditService } from './audit.service';
import { AuditedWriter } from './audit.writer';

@Module({
  providers: [AuditedWriter, AuditService, AuditResolver],
  exports: [AuditedWriter, AuditService],
})
export class AuditModule {}
