import { Module } from '@nestjs/common';
import { FollowUpModule } from '@vfr/api-follow-up';
import { ExportService } from './export.service';
import { ImportExportController } from './import-export.controller';
import { ImportService } from './import.service';

@Module({
  imports: [FollowUpModule],
  controllers: [ImportExportController],
  providers: [ImportService, ExportService],
  exports: [ImportService, ExportService],
})
export class ImportExportModule {}
