import { Controller, Get, Header, Param, Post, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { Actor, ErrorResponse, Roles, sendHttpError } from '@vfr/api-core';
import { WorklistService, WorklistSort, WorklistState } from '@vfr/api-follow-up';
import {
  exportReaders,
  type ImportFormat,
  type RecordExport,
  type ImportProgress,
  NotFoundError,
  readersOf,
  Role,
  SCHEDULED_TIME_POINTS,
  ValidationError,
} from '@vfr/domain';
import { Readable } from 'node:stream';
import { dataDictionary, importFormat, importFormatOf, recordsDictionary } from './data-dictionary';
import { ExportFormat, ExportService } from './export.service';
import { ImportKind, template } from './import-kinds';
import { ImportProgressBoard } from './import-progress';
import { ImportReport, ImportService } from './import.service';
import { callListRow } from './worklist-export';

interface Req {
  actor: Actor;
  body: unknown;
}

function kindOf(value: string): ImportKind {
  const kind = value as ImportKind;
  if (!Object.values(ImportKind).includes(kind)) {
    throw ValidationError.single('kind', 'enum', `kind must be one of ${Object.values(ImportKind).join(', ')} (got "${value}")`);
  }
  return kind;
}

/** A query parameter that is one of `allowed` (or a comma-separated list of them), named in the error if not. */
function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[]): T[] {
  if (!value) return [];
  const values = value.split(',');
  const bad = values.find((v) => !allowed.includes(v as T));
  if (bad !== undefined) throw ValidationError.single(name, 'enum', `${name} must be one of ${allowed.join(', ')} (got "${bad}")`);
  return values as T[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function progressIdOf(value: string | undefined): string | undefined {
  if (value === undefined || UUID.test(value)) return value;
  throw ValidationError.single('progress', 'format', `progress must be a UUID the client chose (got "${value.slice(0, 40)}")`);
}

function formatOf(value: string | undefined): ExportFormat {
  if (value === undefined || value === 'long' || value === 'wide') return value ?? 'long';
  throw ValidationError.single('format', 'enum', `format must be long or wide (the dictionary also complications or treatments) (got "${value}")`);
}

/**
 * A CSV download that fails like any other request while nothing has been sent (Nest's default
 * would answer 400), and is cut off, so that the truncation shows, once it has begun.
 */
function csvFile(stream: Readable): StreamableFile {
  return new StreamableFile(stream).setErrorHandler((err, res) => sendHttpError(res as unknown as ErrorResponse, err));
}

@Controller('api')
export class ImportExportController {
  constructor(
    private readonly imports: ImportService,
    private readonly exports: ExportService,
    private readonly worklist: WorklistService,
    private readonly progress: ImportProgressBoard,
  ) {}

  @Roles(Role.ADMIN, Role.COORDINATOR)
  @Get('import/:kind/template.csv')
  @Header('content-type', 'text/csv; charset=utf-8')
  template(@Param('kind') kind: string): string {
    return template(kindOf(kind));
  }

  @Roles(Role.ADMIN, Role.COORDINATOR)
  @Get('import/:kind/format.md')
  @Header('content-type', 'text/markdown; charset=utf-8')
  format(@Param('kind') kind: string): string {
    return importFormat(kindOf(kind));
  }

  /** The same guide, structured: the dashboard shows it as a table. */
  @Roles(Role.ADMIN, Role.COORDINATOR)
  @Get('import/:kind/format.json')
  formatJson(@Param('kind') kind: string): ImportFormat {
    return importFormatOf(kindOf(kind));
  }

  /**
   * How far an import sent with ?progress=<id> has come: rows checked of the file's rows, then
   * writing, then done. Only its sender may ask; an unknown id answers 404.
   */
  @Roles(Role.ADMIN, Role.COORDINATOR)
  @Get('import-progress/:id')
  importProgress(@Param('id') id: string, @Req() req: Req): ImportProgress {
    const progress = this.progress.get(req.actor.userId, progressIdOf(id)!);
    if (!progress) throw new NotFoundError('ImportProgress', id);
    return progress;
  }

  /**
   * POST the file as text/csv. Without ?commit=true it is a dry run: every row is checked and
   * nothing is written. With it, all rows are written or, if any row is refused, none (422).
   */
  @Roles(Role.ADMIN, Role.COORDINATOR)
  @Post('import/:kind')
  async import(
    @Param('kind') kind: string,
    @Query('commit') commit: string | undefined,
    @Query('progress') progress: string | undefined,
    @Req() req: Req,
    @Res({ passthrough: true }) res: { status(n: number): void },
  ): Promise<ImportReport> {
    const k = kindOf(kind);
    const progressId = progressIdOf(progress);
    if (!Buffer.isBuffer(req.body)) {
      throw ValidationError.single('file', 'required', 'send the file as the request body with content-type text/csv');
    }
    const report = await this.imports.run(req.actor, k, req.body, commit === 'true', progressId);
    if (commit === 'true' && !report.committed) res.status(422);
    return report;
  }

  // Who may download each export, and what each column gives them, is the field-access table's.
  @Roles(...exportReaders('assessments'))
  @Get('export/assessments.csv')
  async export(
    @Query('format') format: string | undefined,
    @Query('cohort') cohort: string | undefined,
    @Req() req: Req,
    @Res({ passthrough: true }) res: { setHeader(k: string, v: string): void },
  ): Promise<StreamableFile> {
    const f = formatOf(format);
    const filter = this.exports.parseCohort(req.actor, cohort);
    const stream = await this.exports.stream(req.actor, f, filter);
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader('content-disposition', `attachment; filename="registry-assessments-${f}.csv"`);
    return csvFile(stream);
  }

  // The research exports of a cohort's records: de-identified like the cohort export, each column as the field-access table says.
  @Roles(...exportReaders('complications'))
  @Get('export/complications.csv')
  complications(@Query('cohort') cohort: string | undefined, @Req() req: Req, @Res({ passthrough: true }) res: { setHeader(k: string, v: string): void }) {
    return this.cohortRecords('complications', cohort, req, res);
  }

  @Roles(...exportReaders('treatments'))
  @Get('export/treatments.csv')
  treatments(@Query('cohort') cohort: string | undefined, @Req() req: Req, @Res({ passthrough: true }) res: { setHeader(k: string, v: string): void }) {
    return this.cohortRecords('treatments', cohort, req, res);
  }

  private async cohortRecords(
    file: RecordExport,
    cohort: string | undefined,
    req: Req,
    res: { setHeader(k: string, v: string): void },
  ): Promise<StreamableFile> {
    const filter = this.exports.parseCohort(req.actor, cohort);
    const stream = await this.exports.cohortRecords(req.actor, file, filter);
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader('content-disposition', `attachment; filename="registry-${file}.csv"`);
    return csvFile(stream);
  }

  @Roles(...exportReaders('records'))
  @Get('export/records/:kind.csv')
  async records(
    @Param('kind') kind: string,
    @Req() req: Req,
    @Res({ passthrough: true }) res: { setHeader(k: string, v: string): void },
  ): Promise<StreamableFile> {
    const stream = await this.exports.records(req.actor, kindOf(kind));
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader('content-disposition', `attachment; filename="registry-${kind}.csv"`);
    return csvFile(stream);
  }

  /**
   * The worklist as a call list, with the filters and sort of the dashboard's list: one row per
   * expected visit with the patient's names, each value as the field-access table gives it.
   */
  @Roles(...readersOf('WorklistItem'))
  @Get('export/worklist.csv')
  async callList(
    @Query() query: Record<string, string | undefined>,
    @Req() req: Req,
    @Res({ passthrough: true }) res: { setHeader(k: string, v: string): void },
  ): Promise<StreamableFile> {
    const filter = {
      states: oneOf('states', query.states, Object.values(WorklistState)),
      timePoints: oneOf('timePoint', query.timePoint, SCHEDULED_TIME_POINTS),
      registryNumber: query.registryNumber?.trim() || null,
      today: query.today || null,
    };
    const [sort = WorklistSort.DUE_DATE] = oneOf('sort', query.sort, Object.values(WorklistSort));
    const rows = (await this.worklist.callList(req.actor, filter, sort)).map((r) => callListRow(req.actor, r));
    const stream = await this.exports.callList(req.actor, rows, { filter, sort });
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader('content-disposition', 'attachment; filename="worklist-call-list.csv"');
    return csvFile(stream);
  }

  @Roles(...exportReaders('dictionary'))
  @Get('export/dictionary.csv')
  @Header('content-type', 'text/csv; charset=utf-8')
  dictionary(@Query('format') format: string | undefined, @Req() req: Req): string {
    if (format === 'complications' || format === 'treatments') return recordsDictionary(format, req.actor.role);
    return dataDictionary(formatOf(format), req.actor.role);
  }
}
