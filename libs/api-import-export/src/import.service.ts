import { Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { Actor, siteScope } from '@vfr/api-core';
import { compactAnalysisCells, deferAnalysis, eq5dValueSetFromEnv, refreshAnalysis } from '@vfr/api-database';
import { AssessmentEntity } from '@vfr/api-follow-up';
import {
  ComplicationEntity,
  DeathEntity,
  FractureEntity,
  PatientEntity,
  PatientIdentifierEntity,
  TreatedLevelEntity,
  TreatmentEntity,
} from '@vfr/api-registry';
import {
  AuditAction,
  checkDeathDate,
  type ImportReport as DomainImportReport,
  type RowIssue,
  checkVisitNotAfterDeath,
  checkVisitWindow,
  fieldIssues,
  newFractureContradictions,
  Role,
  scoreInstruments,
  secondDeathMessage,
} from '@vfr/domain';
import { setImmediate } from 'node:timers/promises';
import { readCsv } from './csv-reader';
import { columnLabel, ImportKind, KINDS, Refs } from './import-kinds';
import { ImportProgressBoard } from './import-progress';

export type ImportReport = DomainImportReport<ImportKind>;

const MAX_ISSUES = 1000;
/** Rows checked between two reports of progress (and two chances for the server to answer others). */
const PROGRESS_EVERY = 250;
const snake = (s: string) => s.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();

/** A treated level's fields, as the treatments file's list columns hold them. */
const LEVEL_COLUMNS: Readonly<Record<string, string>> = {
  fractureId: 'levels',
  cementVolumeMl: 'cement_volumes_ml',
  cementType: 'cement_type',
  cementFillPercent: 'cement_fill_percent',
};

/** The fields the import's rows carry besides the defined ones, as the domain's rules name them. */
const NAMED_FIELDS = [
  'registryNumber',
  'birthYear',
  'siteId',
  'patientId',
  'treatmentId',
  'timePoint',
  'visitDate',
  'startDate',
  'odiItems',
  'rmdqItems',
  'eq5dLevels',
  'eq5dIndex',
  'cementVolumeMl',
  'cementType',
  'cementFillPercent',
  'fractureId',
  'familyName',
  'givenName',
  'dateOfBirth',
  'additionalInjuries',
  'diedOn',
  'occurredOn',
];

/**
 * A rule's sentence with the fields named as the file's columns: the domain's rules speak of
 * nrsRest and visitDate, the person correcting the spreadsheet sees nrs_rest and visit_date.
 */
function inColumns(kind: ImportKind, message: string): string {
  const names = new Set([...NAMED_FIELDS, ...Object.keys(KINDS[kind].defined ?? {})]);
  return message.replace(/\b[a-z][a-z0-9]*(?:[A-Z][a-z0-9]*)+\b/g, (word) => (names.has(word) ? columnOf(kind, word) : word));
}

/** A validation field ('identifiers.mrn', 'levels.1.cementVolumeMl') as the CSV column it came from. */
function columnOf(kind: ImportKind, field: string): string {
  if (field.startsWith('identifiers.')) return snake(field.split('.')[1]);
  if (field.startsWith('levels.') && field.endsWith('cementFillPercent')) return 'cement_fill_percent';
  if (field.startsWith('levels.')) return field.endsWith('fractureId') ? 'levels' : field.endsWith('cementType') ? 'cement_type' : 'cement_volumes_ml';
  if (/^(odiItems|rmdqItems|eq5dLevels)\./.test(field)) return snake(field.split('.')[0]);
  if (field === 'patientId') return 'registry_number';
  if (field === 'siteId') return 'site_code';
  if (field === 'treatmentId') return 'registry_number';
  if (Object.hasOwn(LEVEL_COLUMNS, field)) return LEVEL_COLUMNS[field];
  // A defined field names its own column (vitaminDSupplementation is vitamin_d_supplementation).
  const defined = KINDS[kind].defined;
  if (defined && Object.hasOwn(defined, field)) return defined[field].column;
  return snake(field);
}

async function insertChunks<T extends ObjectLiteral>(manager: EntityManager, target: EntityTarget<T>, rows: Partial<T>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    await manager
      .createQueryBuilder()
      .insert()
      .into(target)
      .values(rows.slice(i, i + 1000))
      .updateEntity(false)
      .execute();
  }
}

/**
 * CSV import: every row validated by the same rules as the API, a row-by-row report, and a commit
 * that writes all rows or none, in one transaction, audited as one event carrying the file's hash.
 */
@Injectable()
export class ImportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly progress: ImportProgressBoard,
  ) {}

  /** `progressId`: a UUID the client chose, under which it may poll how far the check has come. */
  async run(actor: Actor, kind: ImportKind, body: Buffer, commit: boolean, progressId?: string): Promise<ImportReport> {
    const spec = KINDS[kind];
    const table = readCsv(body, {
      required: spec.columns.filter((c) => c.required).map((c) => c.name),
      optional: spec.columns.filter((c) => !c.required).map((c) => c.name),
    });
    const tracked = progressId ? { userId: actor.userId, id: progressId } : null;
    this.progress.set(tracked, { phase: 'checking', checked: 0, total: table.rows.length });
    const fileSha256 = createHash('sha256').update(body).digest('hex');
    return this.dataSource
      .transaction(async (manager) => {
        // One import of a kind at a time, so two uploads of one file cannot both add its rows.
        await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`import:${kind}`]);
        const { report, inputs, refs } = await this.check(manager, actor, kind, table.rows, fileSha256, commit, (checked) =>
          this.progress.set(tracked, { phase: 'checking', checked, total: table.rows.length }),
        );
        if (commit && report.issues.length === 0) {
          this.progress.set(tracked, { phase: 'writing', checked: table.rows.length, total: table.rows.length });
          await this.write(manager, actor, kind, report, inputs, refs);
          report.committed = true;
        }
        return report;
      })
      .finally(() => this.progress.end(tracked));
  }

  /** The report, and the validated rows with their references, ready to write. */
  private async check(
    manager: EntityManager,
    actor: Actor,
    kind: ImportKind,
    rows: Record<string, string>[],
    fileSha256: string,
    commit: boolean,
    progress: (checked: number) => void,
  ): Promise<{ report: ImportReport; inputs: Record<string, unknown>[]; refs: Refs[] }> {
    const spec = KINDS[kind];
    const issues: RowIssue[] = [];
    let omitted = 0;
    const ctx = await this.lookups(manager, actor, kind, rows);
    const seen = new Set<string>();
    const inputs: Record<string, unknown>[] = [];
    const refsOut: Refs[] = [];
    let unchanged = 0;
    const deathRows = new Set<string>();

    /**
     * Every problem of one row: a reference that cannot be resolved, each column's own rule, the
     * rules between its columns and those that need the registry's other records. A rule whose
     * inputs are themselves wrong is not judged (a visit date that is no date is not compared with
     * the treatment), so each problem is reported once, under the column to correct.
     */
    const checkRow = (r: Record<string, string>, rowNo: number): void => {
      const found: { column: string; rule: string; message: string }[] = [];
      const flag = (column: string, rule: string, message: string) => found.push({ column, rule, message: inColumns(kind, message) });
      const key = spec.key(r);
      const repeated = seen.has(key);
      if (repeated) flag('registry_number', 'unique', `this row repeats an earlier row of the file (${key.replace(/\|/g, ', ')})`);
      seen.add(key);
      const registryNumber = (r.registry_number ?? '').trim();
      const refs: Refs = {};
      // Fields whose value comes from a reference already reported as missing: not reported again.
      const unresolved = new Set<string>();
      if (kind === ImportKind.PATIENTS) {
        if (!repeated && ctx.existing.has(key)) return void unchanged++;
        refs.siteId = ctx.sites.get((r.site_code ?? '').trim().toUpperCase());
        const scope = siteScope(actor);
        if (!refs.siteId) flag('site_code', 'exists', `site_code "${r.site_code}" is not a site of the registry`);
        else if (scope && scope !== refs.siteId) flag('site_code', 'site', `site_code ${r.site_code} is not your site`);
        if (!refs.siteId) unresolved.add('siteId');
      } else {
        refs.patient = ctx.patients.get(registryNumber);
        if (!refs.patient) {
          flag('registry_number', 'exists', `registry_number "${registryNumber}" is not a patient of your site`);
          unresolved.add('patientId').add('treatmentId').add('levels');
        } else {
          const index = ctx.index.get(refs.patient.id);
          refs.treatmentId = index?.id;
          refs.treatmentStart = index?.start;
          refs.treatedLevels = index ? ctx.treatedLevels.get(index.id) : undefined;
          refs.latestDoneVisit = ctx.latestDone.get(refs.patient.id);
          refs.diedOn = ctx.deaths.get(refs.patient.id);
          if ((kind === ImportKind.ASSESSMENTS || kind === ImportKind.COMPLICATIONS) && !index) {
            flag('registry_number', 'exists', `patient ${registryNumber} has no treatment yet: import the treatment first`);
            unresolved.add('treatmentId');
          }
        }
        if (kind === ImportKind.TREATMENTS && refs.patient) {
          const levels = (r.levels ?? '')
            .split(';')
            .map((l) => l.trim().toUpperCase())
            .filter(Boolean);
          refs.fractureIds = levels.map((l) => ctx.fractures.get(`${refs.patient!.id}|${l}`));
          const missing = levels.filter((_, j) => !refs.fractureIds![j]);
          if (missing.length) {
            flag('levels', 'exists', `levels ${missing.join(', ')} are not recorded fractures of patient ${registryNumber}: import the fractures first`);
            unresolved.add('levels');
          }
        }
        if (!repeated && refs.patient && ctx.existing.has(spec.key({ ...r, registry_number: refs.patient.id }))) return void unchanged++;
        if (kind === ImportKind.DEATHS && refs.patient) {
          // A patient dies once: a death in force on another day, or a second row of the file, is refused.
          if (refs.diedOn) flag('registry_number', 'oneDeath', `patient ${registryNumber}: ${secondDeathMessage(refs.diedOn)}`);
          else if (deathRows.has(registryNumber)) flag('registry_number', 'oneDeath', `patient ${registryNumber} has another death row in this file`);
          deathRows.add(registryNumber);
        }
      }
      const input = spec.input(r, refs);
      // Each column's own rule and the rules between columns (the schema runs both at once).
      const fieldProblems = fieldIssues(spec.schema, input).filter((f) => !unresolved.has(f.field.split('.')[0]));
      for (const f of fieldProblems) flag(columnOf(kind, f.field), f.rule, f.message);
      const wrong = new Set(fieldProblems.map((f) => f.field.split('.')[0]));
      const valid = (...fields: string[]) => fields.every((f) => !wrong.has(f));
      if (kind === ImportKind.ASSESSMENTS && refs.treatmentStart && valid('timePoint', 'status', 'visitDate')) {
        // The same window rule as the API, against the index treatment the row is recorded on.
        const visit = {
          timePoint: String(input.timePoint),
          status: String(input.status),
          visitDate: typeof input.visitDate === 'string' ? input.visitDate : null,
        };
        const issue = checkVisitWindow(visit, refs.treatmentStart, 'visit_date');
        if (issue) flag('visit_date', issue.rule, issue.message);
        const afterDeath = input.status === 'DONE' && visit.visitDate ? checkVisitNotAfterDeath(visit.visitDate, refs.diedOn ?? null) : null;
        if (afterDeath) flag('visit_date', afterDeath.rule, afterDeath.message);
      }
      if (kind === ImportKind.DEATHS && refs.patient && valid('diedOn')) {
        const issue = checkDeathDate(String(input.diedOn), refs.treatmentStart ?? null, refs.latestDoneVisit ?? null);
        if (issue) flag('died_on', issue.rule, issue.message);
      }
      if (kind === ImportKind.COMPLICATIONS && refs.treatmentStart && valid('occurredOn') && String(input.occurredOn) < refs.treatmentStart) {
        flag('occurred_on', 'notBeforeTreatment', `occurred_on (${String(input.occurredOn)}) is before the index treatment (${refs.treatmentStart})`);
      }
      if (kind === ImportKind.COMPLICATIONS && refs.patient && valid('kind', 'level')) {
        // A new fracture's kind against its level's adjacency to the index treatment's levels: as the API.
        const contradictions = newFractureContradictions({
          kind: input.kind as string,
          level: input.level as string | null,
          treatedLevels: refs.treatedLevels ?? [],
        });
        for (const f of contradictions) flag(columnOf(kind, f.field), f.rule, f.message);
      }
      let scores: Record<string, unknown> = {};
      if (kind === ImportKind.ASSESSMENTS && valid('odi', 'odiItems', 'rmdq', 'rmdqItems', 'eq5dIndex', 'eq5dLevels')) {
        // Scores computed from the items, a total alone held to what the instrument can give: as the API.
        const scored = scoreInstruments(input, eq5dValueSetFromEnv());
        for (const f of scored.issues) flag(columnOf(kind, f.field), f.rule, f.message);
        scores = { ...scored.scores };
      }
      if (found.length) {
        const label = (column: string) => columnLabel(kind, column);
        for (const f of found) {
          if (issues.length < MAX_ISSUES) issues.push({ row: rowNo, column: f.column, label: label(f.column), rule: f.rule, message: f.message });
          else omitted++;
        }
        return;
      }
      inputs.push({ ...(spec.schema.parse(input) as Record<string, unknown>), ...scores });
      refsOut.push(refs);
    };

    for (let i = 0; i < rows.length; i++) {
      // Let the server answer other requests (the progress asked for meanwhile) every so many rows.
      if (i > 0 && i % PROGRESS_EVERY === 0) {
        progress(i);
        await setImmediate();
      }
      checkRow(rows[i], i + 2);
    }
    progress(rows.length);
    const report: ImportReport = {
      kind,
      mode: commit ? 'COMMIT' : 'DRY_RUN',
      fileSha256,
      rows: rows.length,
      created: inputs.length,
      unchanged,
      issues,
      issuesOmitted: omitted,
      committed: false,
    };
    return { report, inputs, refs: refsOut };
  }

  /** Everything the rows refer to, loaded in a few statements whatever the file's size. */
  private async lookups(manager: EntityManager, actor: Actor, kind: ImportKind, rows: Record<string, string>[]) {
    const scope = siteScope(actor);
    const numbers = [...new Set(rows.map((r) => (r.registry_number ?? '').trim()).filter(Boolean))];
    const patients = new Map<string, { id: string; siteId: string }>();
    const rowsP: { id: string; site_id: string; registry_number: string }[] = await manager.query(
      `SELECT id, site_id, registry_number FROM patient WHERE registry_number = ANY($1::text[]) AND withdrawn_at IS NULL ${scope ? 'AND site_id = $2' : ''}`,
      scope ? [numbers, scope] : [numbers],
    );
    for (const p of rowsP) patients.set(p.registry_number, { id: p.id, siteId: p.site_id });
    const ids = rowsP.map((p) => p.id);
    const sites = new Map<string, string>((await manager.query<{ code: string; id: string }[]>(`SELECT code, id FROM site`)).map((s) => [s.code, s.id]));
    const index = new Map<string, { id: string; start: string }>();
    for (const t of await manager.query<{ patient_id: string; id: string; start_date: string }[]>(
      `SELECT DISTINCT ON (patient_id) patient_id, id, start_date FROM treatment WHERE patient_id = ANY($1::uuid[]) AND withdrawn_at IS NULL ORDER BY patient_id, start_date, created_at`,
      [ids],
    ))
      index.set(t.patient_id, { id: t.id, start: t.start_date });
    const treatedLevels = new Map<string, string[]>();
    if (kind === ImportKind.COMPLICATIONS) {
      for (const l of await manager.query<{ treatment_id: string; level: string }[]>(
        `SELECT tl.treatment_id, f.level::text AS level FROM treated_level tl JOIN fracture f ON f.id = tl.fracture_id WHERE tl.treatment_id = ANY($1::uuid[])`,
        [[...index.values()].map((t) => t.id)],
      ))
        treatedLevels.set(l.treatment_id, [...(treatedLevels.get(l.treatment_id) ?? []), l.level]);
    }
    const fractures = new Map<string, string>();
    const existing = new Set<string>();
    if (kind === ImportKind.PATIENTS) {
      // Registry numbers are unique across sites: an existing one is this patient, imported before.
      for (const r of await manager.query<{ registry_number: string }[]>(`SELECT registry_number FROM patient WHERE registry_number = ANY($1::text[])`, [
        numbers,
      ]))
        existing.add(r.registry_number);
    } else {
      const keyed = await this.existingKeys(manager, kind, ids);
      keyed.forEach((k) => existing.add(k));
      if (kind === ImportKind.TREATMENTS) {
        for (const f of await manager.query<{ id: string; patient_id: string; level: string }[]>(
          `SELECT id, patient_id, level FROM fracture WHERE patient_id = ANY($1::uuid[]) AND withdrawn_at IS NULL`,
          [ids],
        )) {
          fractures.set(`${f.patient_id}|${f.level}`, f.id);
        }
      }
    }
    // The deaths in force and the latest completed visits: the rules between a death and the visits.
    const deaths = new Map<string, string>();
    const latestDone = new Map<string, { timePoint: string; visitDate: string }>();
    if (kind === ImportKind.DEATHS || kind === ImportKind.ASSESSMENTS) {
      for (const d of await manager.query<{ patient_id: string; died_on: string }[]>(
        `SELECT patient_id, died_on::text FROM death WHERE patient_id = ANY($1::uuid[]) AND withdrawn_at IS NULL`,
        [ids],
      )) {
        deaths.set(d.patient_id, d.died_on);
      }
      for (const a of await manager.query<{ patient_id: string; time_point: string; visit_date: string }[]>(
        `SELECT DISTINCT ON (patient_id) patient_id, time_point::text, visit_date::text FROM assessment
          WHERE patient_id = ANY($1::uuid[]) AND status = 'DONE' AND withdrawn_at IS NULL AND visit_date IS NOT NULL ORDER BY patient_id, visit_date DESC`,
        [ids],
      ))
        latestDone.set(a.patient_id, { timePoint: a.time_point, visitDate: a.visit_date });
    }
    return { patients, sites, index, fractures, existing, deaths, latestDone, treatedLevels };
  }

  /** Natural keys already present, spelled as KINDS[kind].key spells them (patient id for registry number). */
  private async existingKeys(manager: EntityManager, kind: ImportKind, patientIds: string[]): Promise<string[]> {
    // Rows of the named columns; enums and dates arrive as their text.
    const q = <R>(sql: string) => manager.query<R[]>(sql, [patientIds]);
    switch (kind) {
      case ImportKind.FRACTURES:
        return (
          await q<{ patient_id: string; level: string }>(`SELECT patient_id, level FROM fracture WHERE patient_id = ANY($1::uuid[]) AND withdrawn_at IS NULL`)
        ).map((r) => `${r.patient_id}|${r.level}`);
      case ImportKind.TREATMENTS:
        return (
          await q<{ patient_id: string; kind: string; start_date: string }>(
            `SELECT patient_id, kind, start_date FROM treatment WHERE patient_id = ANY($1::uuid[]) AND withdrawn_at IS NULL`,
          )
        ).map((r) => `${r.patient_id}|${r.kind}|${r.start_date}`);
      case ImportKind.ASSESSMENTS:
        return (
          await q<{ patient_id: string; time_point: string; visit_date: string | null }>(
            `SELECT patient_id, time_point, visit_date FROM assessment WHERE patient_id = ANY($1::uuid[]) AND withdrawn_at IS NULL`,
          )
        ).map((r) => (r.time_point === 'UNSCHEDULED' ? `${r.patient_id}|UNSCHEDULED|${r.visit_date ?? ''}` : `${r.patient_id}|${r.time_point}`));
      case ImportKind.COMPLICATIONS:
        return (
          await q<{ patient_id: string; kind: string; occurred_on: string }>(
            `SELECT patient_id, kind, occurred_on FROM complication WHERE patient_id = ANY($1::uuid[]) AND withdrawn_at IS NULL`,
          )
        ).map((r) => `${r.patient_id}|${r.kind}|${r.occurred_on}`);
      case ImportKind.DEATHS:
        return (
          await q<{ patient_id: string; died_on: string }>(
            `SELECT patient_id, died_on::text FROM death WHERE patient_id = ANY($1::uuid[]) AND withdrawn_at IS NULL`,
          )
        ).map((r) => `${r.patient_id}|${r.died_on}`);
      default:
        return [];
    }
  }

  private async write(
    manager: EntityManager,
    actor: Actor,
    kind: ImportKind,
    report: ImportReport,
    inputs: Record<string, unknown>[],
    refs: Refs[],
  ): Promise<void> {
    await deferAnalysis(manager);
    let patientIds = inputs.map((v) => v.patientId as string);
    switch (kind) {
      case ImportKind.PATIENTS: {
        const patients = inputs.map<Record<string, unknown> & { id: string }>((v) => ({ ...v, id: randomUUID() }));
        patientIds = patients.map((p) => p.id);
        await insertChunks(manager, PatientEntity, patients.map(({ identifiers: _i, ...p }) => p) as Partial<PatientEntity>[]);
        const identifiers = patients.filter((p) => p.identifiers).map((p) => ({ ...(p.identifiers as object), patientId: p.id, siteId: p.siteId }));
        await insertChunks(manager, PatientIdentifierEntity, identifiers as Partial<PatientIdentifierEntity>[]);
        break;
      }
      case ImportKind.FRACTURES:
        await insertChunks(manager, FractureEntity, inputs as Partial<FractureEntity>[]);
        break;
      case ImportKind.TREATMENTS: {
        const treatments = inputs.map<Record<string, unknown> & { id: string }>((v) => ({ ...v, id: randomUUID() }));
        await insertChunks(manager, TreatmentEntity, treatments.map(({ levels: _l, ...t }) => t) as Partial<TreatmentEntity>[]);
        const levels = treatments.flatMap((t) =>
          (t.levels as { fractureId: string; cementType?: string | null; cementVolumeMl?: number | null; cementFillPercent?: number | null }[]).map((l) => ({
            treatmentId: t.id,
            fractureId: l.fractureId,
            cementType: l.cementType ?? null,
            cementVolumeMl: l.cementVolumeMl ?? null,
            cementFillPercent: l.cementFillPercent ?? null,
          })),
        );
        await insertChunks(manager, TreatedLevelEntity, levels as Partial<TreatedLevelEntity>[]);
        break;
      }
      case ImportKind.ASSESSMENTS:
        await insertChunks(manager, AssessmentEntity, inputs as Partial<AssessmentEntity>[]);
        break;
      case ImportKind.COMPLICATIONS:
        await insertChunks(
          manager,
          ComplicationEntity,
          inputs.map((v, i) => ({ ...v, treatmentId: refs[i].treatmentId ?? null })) as Partial<ComplicationEntity>[],
        );
        break;
      case ImportKind.DEATHS:
        await insertChunks(manager, DeathEntity, inputs as Partial<DeathEntity>[]);
        break;
    }
    await refreshAnalysis(manager, patientIds);
    // The refresh appended rows of differences to the maintained cells, one set per patient it
    // touched, which every overview figure would sum until the triggers' occasional compaction
    // (docs/performance.md: a few large imports left 17 rows per cell, and the overview took ten
    // times as long). An import is a bulk write: it compacts them at once, in its transaction.
    await compactAnalysisCells(manager);
    await manager.query(
      `INSERT INTO audit_event (actor_id, actor_email, site_id, entity_type, entity_id, action, after, reason) VALUES ($1, $2, $3, 'Import', $4, $5, $6, $7)`,
      [
        actor.userId,
        actor.email,
        actor.role === Role.ADMIN ? null : actor.siteId,
        report.fileSha256.slice(0, 64),
        AuditAction.IMPORT,
        JSON.stringify({ kind, rows: report.rows, created: report.created, unchanged: report.unchanged, fileSha256: report.fileSha256 }),
        `CSV import of ${kind}`,
      ],
    );
  }
}
