import { Injectable } from '@nestjs/common';
import { Brackets, DataSource, In } from 'typeorm';
import { AuditedTransaction, AuditedWriter, snapshot } from '@vfr/api-audit';
import { PreparedReads } from '@vfr/api-database';
import { sessionUserJson, SiteEntity } from '@vfr/api-auth';
import {
  Actor,
  assertCanWriteSite,
  assertId,
  assertMayFilterBy,
  assertResearchVisible,
  assertSiteAccess,
  checkPageSize,
  Connection,
  decodeCursor,
  encodeCursor,
  isDeidentified,
  siteScope,
} from '@vfr/api-core';
import {
  AuditAction,
  ConflictError,
  FilterGranularity,
  granularityIssues,
  NotFoundError,
  parseIsoDate,
  patientCreateSchema,
  patientIdentifiersSchema,
  patientUpdateSchema,
  similarPatientsSchema,
  validate,
  ValidationError,
} from '@vfr/domain';
import { CreatePatientInput, PatientFilterInput, PatientIdentifiersInput, SimilarPatientsInput, UpdatePatientInput } from './dto/patient.input';
import { PatientIdentifierEntity } from './patient-identifier.entity';
import { PatientEntity } from './patient.entity';
import { Columns, entityFromJson, jsonOf, NestedParts, NestedRecords, nestedFromRaw, nestedSelects, PATIENT_KEYS, rowJson } from './patient-page.nested';

/** The total of a page whose request did not ask for it: never answered (GraphQL resolves only what is asked). */
const NOT_COUNTED = -1;
const NO_PARTS: NestedParts = {};
/** Marks a parameter's place while a page statement is built (no request's value starts with a NUL). */
const MARKER = '\u0000parameter:';

/** A condition of the page: constant SQL text with its named parameters. */
interface Condition {
  sql: string;
  params: Record<string, unknown>;
}

/** A statement built once for its shape of request, and the names of its parameters in order. */
interface PageStatement {
  sql: string;
  names: string[];
}

/** A statement's parameters, in its order, from this request's conditions. */
function valuesOf(statement: PageStatement, where: readonly Condition[], extra: Record<string, unknown> = {}): unknown[] {
  return statement.names.map((name) => {
    for (const c of where) if (Object.prototype.hasOwnProperty.call(c.params, name)) return c.params[name];
    if (Object.prototype.hasOwnProperty.call(extra, name)) return extra[name];
    throw new Error(`no value for the statement's parameter ${name}`);
  });
}

/** A page of patients with each one's records read in the same statement (patient-page.nested.ts). */
export interface PatientPage extends Connection<PatientEntity> {
  nested: Map<string, NestedRecords>;
  /** The user's row (sessionUserJson) when the page was asked to carry it and has a row to carry it in. */
  sessionRow?: unknown;
}

@Injectable()
export class PatientsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writer: AuditedWriter,
    private readonly reads: PreparedReads,
  ) {}

  /** The statements built so far, by shape of request (compiled). */
  private readonly statements = new Map<string, PageStatement>();

  async get(actor: Actor, id: string): Promise<PatientEntity> {
    assertId('id', id);
    const patient = await this.dataSource.getRepository(PatientEntity).findOneBy({ id });
    if (!patient) throw new NotFoundError('Patient', id);
    assertSiteAccess(actor, patient.siteId, 'Patient', id);
    assertResearchVisible(actor, patient, 'Patient', id);
    return patient;
  }

  /**
   * One page of patients ordered by registry number, plus the total when `count` (the total scans
   * every matching patient: a page that does not show it does not pay for it): one or two
   * statements whatever the page size. Nested fields are batched by DataLoaders. With
   * `sessionUserId`, the page's statement also reads that user's row (readConfirmingSession), on
   * the primary only: where reads go to a standby, the row is left to the guard's own check.
   */
  async page(
    actor: Actor,
    first: number | undefined,
    after: string | undefined,
    filter: PatientFilterInput = {},
    count = true,
    parts: NestedParts = NO_PARTS,
    columns: Columns = 'all',
    sessionUserId: string | null = null,
  ): Promise<PatientPage> {
    const size = checkPageSize(first);
    // The conditions, each a constant SQL text with its named parameters: the texts decide the
    // statement (kept once built, pageStatement), the parameters are this request's.
    const where: Condition[] = [];
    const scope = siteScope(actor);
    if (scope) where.push({ sql: 'p.site_id = :scope', params: { scope } });
    if (filter.siteId) where.push({ sql: 'p.site_id = :siteId', params: { siteId: assertId('filter.siteId', filter.siteId) } });
    if (filter.registryNumber) {
      if (filter.registryNumber.length > 32)
        throw ValidationError.single('filter.registryNumber', 'maxLength', 'filter.registryNumber must be at most 32 characters');
      where.push({ sql: "p.registry_number LIKE :rn ESCAPE '\\'", params: { rn: `${filter.registryNumber.replace(/[\\%_]/g, (c) => `\\${c}`)}%` } });
    }
    if (filter.name) {
      assertMayFilterBy(actor, 'Patient', 'identifiers', 'Only coordinators and admins may search patients by name or MRN');
      const name = filter.name.trim();
      if (name.length > 100) throw ValidationError.single('filter.name', 'maxLength', 'filter.name must be at most 100 characters');
      where.push({
        sql: `EXISTS (SELECT 1 FROM patient_identifier i WHERE i.patient_id = p.id
          AND (i.family_name ILIKE :namePrefix ESCAPE '\\' OR i.given_name ILIKE :namePrefix ESCAPE '\\' OR i.mrn = :nameExact))`,
        params: { namePrefix: `${name.replace(/[\\%_]/g, (c) => `\\${c}`)}%`, nameExact: name },
      });
    }
    if (!filter.includeWithdrawn) where.push({ sql: 'p.withdrawn_at IS NULL', params: {} });
    if (isDeidentified(actor)) {
      where.push({ sql: `p.consent_status = 'GIVEN'`, params: {} });
      // Narrowing a date range must not single out a treatment day: whole quarters only (docs/privacy.md).
      const issues = granularityIssues({ treatedFrom: filter.treatedFrom, treatedTo: filter.treatedTo }, FilterGranularity.DEIDENTIFIED);
      if (issues.length) throw new ValidationError(issues.map((i) => ({ ...i, field: `filter.${i.field}` })));
    }
    if (filter.treatmentKind || filter.treatedFrom || filter.treatedTo) {
      const from = filter.treatedFrom ? this.date('filter.treatedFrom', filter.treatedFrom) : null;
      const to = filter.treatedTo ? this.date('filter.treatedTo', filter.treatedTo) : null;
      where.push({
        sql: `(EXISTS (SELECT 1 FROM treatment t WHERE t.patient_id = p.id AND t.withdrawn_at IS NULL
              AND (CAST(:kind AS treatment_kind) IS NULL OR t.kind = :kind)
              AND (CAST(:from AS date) IS NULL OR t.start_date >= :from)
              AND (CAST(:to AS date) IS NULL OR t.start_date <= :to)))`,
        params: { kind: filter.treatmentKind ?? null, from, to },
      });
    }
    const counting = count ? this.count([...where]) : Promise.resolve(NOT_COUNTED);
    if (after) {
      const [rn] = decodeCursor(after, 1);
      where.push({ sql: 'p.registry_number > :after', params: { after: String(rn) } });
    }
    const sessionUser = sessionUserId !== null && this.readsOnPrimary() ? sessionUserId : null;
    const statement = this.pageStatement(where, size, parts, columns, sessionUser !== null);
    // The count scans every matching patient; the page is an index range: on two connections at once.
    const [total, raw] = await Promise.all([counting, this.read(statement.sql, valuesOf(statement, where, { sessionUser }))]);
    const metadata = this.dataSource.getMetadata(PatientEntity);
    const rows = raw.map((r) => entityFromJson(metadata, jsonOf(r.patient_row) as Record<string, unknown>) as PatientEntity);
    const nodes = rows.slice(0, size);
    const edges = nodes.map((node) => ({ node, cursor: encodeCursor([node.registryNumber]) }));
    const nested = new Map<string, NestedRecords>();
    raw.forEach((r, i) => nested.set(rows[i].id, nestedFromRaw(this.dataSource, parts, r)));
    return {
      nested,
      sessionRow: sessionUser !== null && raw.length > 0 ? raw[0].session_row : undefined,
      edges,
      totalCount: total,
      pageInfo: {
        hasNextPage: rows.length > size,
        hasPreviousPage: Boolean(after),
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges[edges.length - 1]?.cursor ?? null,
      },
    };
  }

  /** The patients matching the conditions, as a query builder. */
  private query(where: readonly Condition[]) {
    const qb = this.dataSource.getRepository(PatientEntity).createQueryBuilder('p');
    for (const c of where) qb.andWhere(c.sql, c.params);
    return qb;
  }

  /**
   * How many patients match: count(*), not the query builder's getCount, which counts distinct
   * ids (a sort or hash of every id: 72 against 15 ms over 100,000 patients) to allow for joins
   * this statement never has (its conditions are on the patient's row or EXISTS subqueries).
   */
  private async count(where: readonly Condition[]): Promise<number> {
    const statement = this.compiled(['count', where.map((c) => c.sql)], where, (qb) => qb.select('count(*)::int', 'n'));
    const [row] = await this.read(statement.sql, valuesOf(statement, where));
    return row.n as number;
  }

  /**
   * The page's statement for these conditions, this size and these parts: each patient as one
   * JSON value of the columns asked for, made into the entity the repository would give for
   * them (patient-page.nested.ts), with the nested records asked for beside it.
   */
  private pageStatement(where: readonly Condition[], size: number, parts: NestedParts, columns: Columns, sessionUser: boolean): PageStatement {
    return this.compiled(['page', where.map((c) => c.sql), size, parts, columns, sessionUser], where, (qb) => {
      qb.select(columns === 'all' ? 'to_json(p)' : rowJson('p', [...new Set([...PATIENT_KEYS, ...columns])]), 'patient_row');
      for (const [alias, expression] of nestedSelects(parts)) qb.addSelect(expression, alias);
      // The same value on every row: PostgreSQL reads it once (an uncorrelated subquery).
      if (sessionUser) qb.addSelect(sessionUserJson(':sessionUser'), 'session_row').setParameter('sessionUser', `${MARKER}sessionUser`);
      return qb.orderBy('p.registry_number', 'ASC').limit(size + 1);
    });
  }

  /**
   * A statement over the patients matching the conditions, built by TypeORM's query builder once
   * for each shape of request (`shape`) and kept (building it was about 0.4 ms of every
   * request), with its parameters' names in their order. Each parameter is built with a marker
   * value, found again in the parameters TypeORM gives: the statement is exactly the builder's.
   */
  private compiled(
    shape: unknown[],
    where: readonly Condition[],
    build: (qb: ReturnType<PatientsService['query']>) => ReturnType<PatientsService['query']>,
  ): PageStatement {
    const key = JSON.stringify(shape);
    const known = this.statements.get(key);
    if (known) return known;
    const marked = where.map((c) => ({ sql: c.sql, params: Object.fromEntries(Object.keys(c.params).map((name) => [name, `${MARKER}${name}`])) }));
    const [sql, params] = build(this.query(marked)).getQueryAndParameters();
    const names = params.map((v) => {
      if (typeof v !== 'string' || !v.startsWith(MARKER)) throw new Error(`the statement has a parameter it was not given: ${String(v)}`);
      return v.slice(MARKER.length);
    });
    const statement = { sql, names };
    // A few shapes in practice (the list, its filters, its pages); bounded all the same.
    if (this.statements.size >= 200) this.statements.delete(this.statements.keys().next().value!);
    this.statements.set(key, statement);
    return statement;
  }

  /** A read as the query builder runs it: on a standby when standbys are configured; prepared once per connection. */
  private read(sql: string, values: unknown[]): Promise<Record<string, unknown>[]> {
    return this.reads.query(sql, values, this.dataSource.defaultReplicationModeForReads());
  }

  /** Whether reads are sent to the primary: no standbys configured in TypeORM, or reads set to 'master'. */
  private readsOnPrimary(): boolean {
    const replication = (this.dataSource.driver.options as { replication?: unknown }).replication;
    return !replication || this.dataSource.defaultReplicationModeForReads() === 'master';
  }

  private date(field: string, value: string): string {
    if (!parseIsoDate(value)) throw ValidationError.single(field, 'date', `${field} must be a calendar date YYYY-MM-DD (got "${String(value).slice(0, 40)}")`);
    return value;
  }

  async create(actor: Actor, input: CreatePatientInput): Promise<PatientEntity> {
    assertId('siteId', input.siteId);
    assertCanWriteSite(actor, input.siteId);
    return this.writer.run(actor, async (tx) => {
      const site = await tx.manager.findOneBy(SiteEntity, { id: input.siteId });
      if (!site) throw new NotFoundError('Site', input.siteId, 'siteId');
      const registryNumber = input.registryNumber ?? (await this.nextRegistryNumber(tx, site.code));
      const { identifiers, ...values } = validate(patientCreateSchema, { ...input, registryNumber });
      // A number drawn for this request is not what the client sent: a retry draws another.
      const { registryNumber: _drawn, ...sent } = values;
      const request = {
        requestId: input.requestId,
        entityType: 'Patient',
        values: { ...(input.registryNumber == null ? sent : values), identifiers },
        scope: ['siteId'],
      };
      const stored = async (earlier: PatientEntity) => {
        const row = await tx.manager.findOneBy(PatientIdentifierEntity, { patientId: earlier.id });
        return { identifiers: row && { mrn: row.mrn, familyName: row.familyName, givenName: row.givenName, dateOfBirth: row.dateOfBirth } };
      };
      return tx.createOnce(PatientEntity, { ...request, stored }, async (requestId) => {
        const patient = await tx.create(PatientEntity, { ...values, requestId }, { entityType: 'Patient', siteId: site.id });
        if (identifiers) await this.writeIdentifiers(tx, patient, identifiers, null);
        return patient;
      });
    });
  }

  async update(actor: Actor, input: UpdatePatientInput): Promise<PatientEntity> {
    const { id, version, reason, identifiers, ...changes } = input;
    assertId('id', id);
    const values = validate(patientUpdateSchema, changes);
    return this.writer.run(actor, async (tx) => {
      const patient = await tx.lock(PatientEntity, id, 'Patient');
      assertSiteAccess(actor, patient.siteId, 'Patient', id);
      assertCanWriteSite(actor, patient.siteId);
      const birthYear = values.birthYear ?? patient.birthYear;
      const updated = await tx.update(PatientEntity, patient, version, values, { entityType: 'Patient', siteId: patient.siteId, reason });
      if (identifiers) await this.writeIdentifiers(tx, updated, { ...identifiers }, reason ?? null, birthYear);
      return updated;
    });
  }

  async withdraw(actor: Actor, id: string, version: number, reason: string): Promise<PatientEntity> {
    assertId('id', id);
    return this.writer.run(actor, async (tx) => {
      const patient = await tx.lock(PatientEntity, id, 'Patient');
      assertSiteAccess(actor, patient.siteId, 'Patient', id);
      assertCanWriteSite(actor, patient.siteId);
      return tx.withdraw(PatientEntity, patient, version, reason, { entityType: 'Patient', siteId: patient.siteId });
    });
  }

  private async writeIdentifiers(
    tx: AuditedTransaction,
    patient: PatientEntity,
    input: PatientIdentifiersInput,
    reason: string | null,
    birthYear = patient.birthYear,
  ): Promise<void> {
    const values = validate(patientIdentifiersSchema, input);
    if (Number(values.dateOfBirth.slice(0, 4)) !== birthYear) {
      throw ValidationError.single('identifiers.dateOfBirth', 'consistency', `identifiers.dateOfBirth must fall in the birth year ${birthYear}`);
    }
    // An MRN is unique at its site: say which patient has it. The writer may write this site, so
    // may read that patient (same site); the database's unique index stays the final word.
    const holder = await tx.manager.findOneBy(PatientIdentifierEntity, { siteId: patient.siteId, mrn: values.mrn });
    if (holder && holder.patientId !== patient.id) {
      const other = await tx.manager.findOneByOrFail(PatientEntity, { id: holder.patientId });
      throw new ConflictError('identifiers.mrn', 'unique', `identifiers.mrn ${values.mrn} is already the MRN of patient ${other.registryNumber} at this site`, {
        entity: 'Patient',
        id: other.id,
        label: other.registryNumber,
      });
    }
    const existing = await tx.manager.findOneBy(PatientIdentifierEntity, { patientId: patient.id });
    const row = { patientId: patient.id, siteId: patient.siteId, ...values };
    await tx.manager.save(PatientIdentifierEntity, row);
    await tx.audit({
      entityType: 'PatientIdentifier',
      entityId: patient.id,
      siteId: patient.siteId,
      action: existing ? AuditAction.UPDATE : AuditAction.CREATE,
      before: existing ? snapshot(existing) : null,
      after: snapshot(row),
      reason,
    });
  }

  /**
   * Patients of the site (not withdrawn) whose identifiers resemble a patient about to be
   * registered: the same date of birth, and the same family name (letters only, any case), or its
   * first three letters with the given name's first, or the two names swapped. Only the site the
   * user may register at is searched, so it shows nothing the user may not read.
   */
  async similar(actor: Actor, input: SimilarPatientsInput): Promise<PatientEntity[]> {
    assertId('siteId', input.siteId);
    const v = validate(similarPatientsSchema, input);
    assertCanWriteSite(actor, v.siteId);
    const norm = (x: string) => `regexp_replace(lower(${x}), '[^[:alpha:]]', '', 'g')`;
    return this.dataSource
      .getRepository(PatientEntity)
      .createQueryBuilder('p')
      .innerJoin(PatientIdentifierEntity, 'i', 'i.patient_id = p.id')
      .where('i.site_id = :site AND i.date_of_birth = :dob AND p.withdrawn_at IS NULL', { site: v.siteId, dob: v.dateOfBirth })
      .andWhere(
        new Brackets((b) =>
          b
            .where(`${norm('i.family_name')} = ${norm(':family')}`)
            .orWhere(`(left(${norm('i.family_name')}, 3) = left(${norm(':family')}, 3) AND left(${norm('i.given_name')}, 1) = left(${norm(':given')}, 1))`)
            .orWhere(`(${norm('i.family_name')} = ${norm(':given')} AND ${norm('i.given_name')} = ${norm(':family')})`),
        ),
        { family: v.familyName, given: v.givenName },
      )
      .orderBy('p.registry_number', 'ASC')
      .limit(5)
      .getMany();
  }

  /**
   * SITE-000123: the site's series continued, the first free number after the site's lowest one
   * (so after 000001..000300 comes 000301, and a number typed or drawn earlier is stepped over,
   * never reused or renumbered). Numbers are pseudonyms in enrolment order within a site, as the
   * registry's first numbers always were; they carry no date. One registration per site at a
   * time draws a number (a transaction lock), so two at once cannot draw the same one.
   */
  private async nextRegistryNumber(tx: AuditedTransaction, siteCode: string): Promise<string> {
    await tx.manager.query(`SELECT pg_advisory_xact_lock(hashtext('registry_number:' || $1))`, [siteCode]);
    const [row] = await tx.manager.query<{ next: number }[]>(
      `WITH n AS (
         SELECT substring(registry_number FROM length($1) + 2)::int AS n FROM patient WHERE registry_number ~ ('^' || $1 || '-[0-9]{6}$'))
       SELECT coalesce(min(n.n) + 1, 1) AS next FROM n WHERE NOT EXISTS (SELECT 1 FROM n AS m WHERE m.n = n.n + 1)`,
      [siteCode],
    );
    const next = Number(row.next);
    if (next > 999_999) throw new ConflictError('registryNumber', 'exhausted', `the site ${siteCode} has used every registry number: enter one`);
    return `${siteCode}-${String(next).padStart(6, '0')}`;
  }

  /** The nested records of patients by id, as a page reads them: for loaders a page primes but did not fill. */
  async nestedOf(patientIds: readonly string[], parts: NestedParts): Promise<NestedRecords[]> {
    const selects = nestedSelects(parts).map(([alias, expression]) => `${expression} AS ${alias}`);
    const raw: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT p.id AS p_id, ${selects.join(', ')} FROM patient p WHERE p.id = ANY($1::uuid[])`,
      [patientIds],
    );
    const byId = new Map(raw.map((r) => [String(r.p_id), nestedFromRaw(this.dataSource, parts, r)]));
    return patientIds.map((id) => byId.get(id) ?? { indexDate: null, latestAssessment: null });
  }

  // Batched lookups for DataLoaders.
  identifiersOf(patientIds: readonly string[]): Promise<PatientIdentifierEntity[]> {
    return this.dataSource.getRepository(PatientIdentifierEntity).findBy({ patientId: In([...patientIds]) });
  }

  sitesOf(siteIds: readonly string[]): Promise<SiteEntity[]> {
    return this.dataSource.getRepository(SiteEntity).findBy({ id: In([...siteIds]) });
  }
}
