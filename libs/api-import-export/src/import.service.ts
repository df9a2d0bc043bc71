import { Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { Actor, siteScope } from '@vfr/api-core';
import { deferAnalysis, eq5dValueSetFromEnv, refreshAnalysis } from '@vfr/api-database';
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
import { readCsv } from './csv-reader';
import { ImportKind, KINDS, Refs } from './import-kinds';

export type ImportReport = DomainImportReport<ImportKind>;

const MAX_ISSUES = 1000;
const snake = (s: string) => s.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();

/** A validation field ('identifiers.mrn', 'levels.1.cementVolumeMl') as the CSV column it came from. */
function columnOf(kind: ImportKind, field: string): string {
  if (field.startsWith('identifiers.')) return snake(field.split('.')[1]);
  if (field.startsWith('levels.') && field.endsWith('cementFillPercent')) return 'cement_fill_percent';
  if (field.startsWith('levels.')) return field.endsWith('fractureId') ? 'levels' : field.endsWith('cementType') ? 'cement_type' : 'cement_volumes_ml';
  if (/^(odiItems|rmdqItems|eq5dLevels)\./.test(field)) return snake(field.split('.')[0]);
  if (field === 'patientId') return 'registry_number';
  if (field === 'siteId') return 'site_code';
  if (field === 'treatmentId') return 'registry_number';
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
  constructor(private readonly dataSource: DataSource) {}

  async run(actor: Actor, kind: ImportKind, body: Buffer, commit: boolean): Promise<ImportReport> {
    const spec = KINDS[kind];
    const table = readCsv(body, {
      required: spec.columns.filter((c) => c.required).map((c) => c.name),
      optional: spec.columns.filter((c) => !c.required).map((c) => c.name),
    });
    const fileSha256 = createHash('sha256').update(body).digest('hex');
    return this.dataSource.transaction(async (manager) => {
      // One import of a kind at a time, so two uploads of one file cannot both add its rows.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`import:${kind}`]);
      const { report, inputs, refs } = await this.check(manager, actor, kind, table.rows, fileSha256, commit);
      if (commit && report.issues.length === 0) {
        await this.write(manager, actor, kind, report, inputs, refs);
        report.committed = true;
      }
      return report;
    });
  }

  /** The report, and the validated rows with their references, ready to write. */
  private async check(
    manager: EntityManager,
    actor: Actor,
    kind: ImportKind,
    rows: Record<string, string>[],
    fileSha256: string,
    commit: boolean,
  ): Promise<{ report: ImportReport; inputs: Record<string, unknown>[]; refs: Refs[] }> {
    const spec = KINDS[kind];
    const issues: RowIssue[] = [];
    const add = (row: number, column: string, rule: string, message: string) => {
      if (issues.length < MAX_ISSUES) issues.push({ row, column, rule, message });
    };
    const ctx = await this.lookups(manager, actor, kind, rows);
    const seen = new Set<string>();
    const inputs: Record<string, unknown>[] = [];
    const refsOut: Refs[] = [];
    let unchanged = 0;
    const deathRows = new Set<string>();
    rows.forEach((r, i) => {
      const rowNo = i + 2;
      const key = spec.key(r);
      if (seen.has(key)) return add(rowNo, 'registry_number', 'unique', `this row repeats an earlier row of the file (${key.replace(/\|/g, ', ')})`);
      seen.add(key);
      const registryNumber = (r.registry_number ?? '').trim();
      const refs: Refs = {};
      if (kind === ImportKind.PATIENTS) {
        if (ctx.existing.has(key)) return void unchanged++;
        refs.siteId = ctx.sites.get((r.site_code ?? '').trim().toUpperCase());
        if (!refs.siteId) return add(rowNo, 'site_code', 'exists', `site_code "${r.site_code}" is not a site of the registry`);
        const scope = siteScope(actor);
        if (scope && scope !== refs.siteId) return add(rowNo, 'site_code', 'site', `site_code ${r.site_code} is not your site`);
      } else {
        refs.patient = ctx.patients.get(registryNumber);
        if (!refs.patient) return add(rowNo, 'registry_number', 'exists', `registry_number "${registryNumber}" is not a patient of your site`);
        const index = ctx.index.get(refs.patient.id);
        refs.treatmentId = index?.id;
        refs.treatmentStart = index?.start;
        refs.treatedLevels = index ? ctx.treatedLevels.get(index.id) : undefined;
        refs.latestDoneVisit = ctx.latestDone.get(refs.patient.id);
        refs.diedOn = ctx.deaths.get(refs.patient.id);
        if ((kind === ImportKind.ASSESSMENTS || kind === ImportKind.COMPLICATIONS) && !index) {
          return add(rowNo, 'registry_number', 'exists', `patient ${registryNumber} has no treatment yet: import the treatment first`);
        }
        if (kind === ImportKind.TREATMENTS) {
          const levels = (r.levels ?? '')
            .split(';')
            .map((l) => l.trim().toUpperCase())
            .filter(Boolean);
          refs.fractureIds = levels.map((l) => ctx.fractures.get(`${refs.patient!.id}|${l}`));
          const missing = levels.filter((_, j) => !refs.fractureIds![j]);
          if (missing.length)
            return add(
              rowNo,
              'levels',
              'exists',
              `levels ${missing.join(', ')} are not recorded fractures of patient ${registryNumber}: import the fractures first`,
            );
        }
        if (ctx.existing.has(spec.key({ ...r, registry_number: refs.patient.id }))) return void unchanged++;
        if (kind === ImportKind.DEATHS) {
          // A patient dies once: a death in force on another day, or a second row of the file, is refused.
          if (refs.diedOn) return add(rowNo, 'registry_number', 'oneDeath', `patient ${registryNumber}: ${secondDeathMessage(refs.diedOn)}`);
          if (deathRows.has(registryNumber)) return add(rowNo, 'registry_number', 'oneDeath', `patient ${registryNumber} has another death row in this file`);
          deathRows.add(registryNumber);
        }
      }
      const input = spec.input(r, refs);
      const found = fieldIssues(spec.schema, input);
      for (const f of found) add(rowNo, columnOf(kind, f.field), f.rule, f.message);
      if (found.length) return;
      if (kind === ImportKind.ASSESSMENTS && refs.treatmentStart) {
        // The same window rule as the API, against the index treatment the row is recorded on.
        // Validated above: the visit date is a date's text or nothing.
        const visit = {
          timePoint: String(input.timePoint),
          status: String(input.status),
          visitDate: typeof input.visitDate === 'string' ? input.visitDate : null,
        };
        const issue = checkVisitWindow(visit, refs.treatmentStart, 'visit_date');
        if (issue) return add(rowNo, 'visit_date', issue.rule, issue.message);
        const afterDeath = input.status === 'DONE' ? checkVisitNotAfterDeath(String(input.visitDate), refs.diedOn ?? null) : null;
        if (afterDeath) return add(rowNo, 'visit_date', afterDeath.rule, afterDeath.message);
      }
      if (kind === ImportKind.DEATHS) {
        const issue = checkDeathDate(String(input.diedOn), refs.treatmentStart ?? null, refs.latestDoneVisit ?? null);
        if (issue) return add(rowNo, 'died_on', issue.rule, issue.message);
      }
      if (kind === ImportKind.COMPLICATIONS && refs.treatmentStart && String(input.occurredOn) < refs.treatmentStart) {
        return add(
          rowNo,
          'occurred_on',
          'notBeforeTreatment',
          `occurred_on (${String(input.occurredOn)}) is before the index treatment (${refs.treatmentStart})`,
        );
      }
      if (kind === ImportKind.COMPLICATIONS) {
        // A new fracture's kind against its level's adjacency to the index treatment's levels: as the API.
        const contradictions = newFractureContradictions({
          kind: input.kind as string,
          level: input.level as string | null,
          treatedLevels: refs.treatedLevels ?? [],
        });
        for (const f of contradictions) add(rowNo, columnOf(kind, f.field), f.rule, f.message);
        if (contradictions.length) return;
      }
      if (kind === ImportKind.ASSESSMENTS) {
        // Scores computed from the items, a total alone held to what the instrument can give: as the API.
        const scored = scoreInstruments(input, eq5dValueSetFromEnv());
        for (const f of scored.issues) add(rowNo, columnOf(kind, f.field), f.rule, f.message);
        if (scored.issues.length) return;
        inputs.push({ ...(spec.schema.parse(input) as Record<string, unknown>), ...scored.scores });
        return void refsOut.push(refs);
      }
      inputs.push(spec.schema.parse(input) as Record<string, unknown>);
      refsOut.push(refs);
    });
    const report: ImportReport = {
      kind,
      mode: commit ? 'COMMIT' : 'DRY_RUN',
      fileSha256,
      rows: rows.length,
      created: inputs.length,
      unchanged,
      issues,
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
