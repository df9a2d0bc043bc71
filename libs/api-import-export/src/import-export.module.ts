import { Module } from '@nestjs/common';
import { FollowUpModule } from '@vfr/api-follow-up';
import { ExportService } from './export.service';
import { ImportExportController } from './import-export.controller';
import { ImportProgressBoard } from './import-progress';
import { ImportService } from './import.service';

@Module({
  imports: [FollowUpModule],
  controllers: [ImportExportController],
  providers: [ImportService, ExportService, ImportProgressBoard],
  exports: [ImportService, ExportService],
})
export class ImportExportModule {}
