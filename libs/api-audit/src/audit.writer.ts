import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { Actor, assertId, uniqueViolation } from '@vfr/api-core';
import { AuditAction, ConflictError, NotFoundError, StaleVersionError, ValidationError } from '@vfr/domain';
import { AuditEventEntity } from './audit-event.entity';

/** Values that a record entered more than this long ago may change only with a reason. */
export const REASON_REQUIRED_AFTER_MS = 24 * 60 * 60 * 1000;

const NOT_AUDITED = new Set(['createdAt', 'updatedAt', 'version', 'passwordHash']);

export interface AuditEntry {
  entityType: string;
  entityId: string;
  siteId: string | null;
  action: AuditAction;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  reason?: string | null;
}

export interface VersionedRecord extends ObjectLiteral {
  id: string;
  version: number;
  createdAt: Date;
  withdrawnAt: Date | null;
  withdrawnReason: string | null;
}

/** Plain JSON of an entity's own columns (relations and bookkeeping left out). */
export function snapshot(record: ObjectLiteral): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(record)) {
    if (NOT_AUDITED.has(k) || (v !== null && typeof v === 'object' && !(v instanceof Date))) continue;
    out[k] = v instanceof Date ? v.toISOString() : v;
  }
  return out;
}

function same(a: unknown, b: unknown): boolean {
  return a === b || (a == null && b == null);
}

/** JSON with object keys sorted and empty (null) members left out: jsonb and inputs alike. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v)
            .filter(([, x]) => x != null)
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}

/** A create the client may send again after losing its answer: see AuditedTransaction.createOnce. */
export interface CreateRequest<T> {
  /** The client's id for this create (optional): a UUID made once per opened form. */
  requestId: string | null | undefined;
  entityType: string;
  /** What the create records: the record's columns (an absent one stands for its default) and values kept beside it. */
  values: Record<string, unknown>;
  /** The columns that say whose the record is (patient, site, owner): an earlier record differing there is someone else's and is not described. */
  scope?: string[];
  /** The earlier record's values kept in other tables (identifiers, treated levels), for the comparison. */
  stored?: (earlier: T) => Promise<Record<string, unknown>>;
}

/**
 * A write in progress: every change a feature service makes goes through one of these, inside
 * one database transaction together with its audit events, so a change is never recorded
 * without its audit trail or the other way round.
 */
export class AuditedTransaction {
  constructor(
    readonly manager: EntityManager,
    readonly actor: Actor,
  ) {}

  /** Set once this transaction looked for a record by a client's request id (AuditedWriter.run may then run it again). */
  requestId: string | null = null;

  async audit(entry: AuditEntry): Promise<void> {
    await this.manager.insert(AuditEventEntity, {
      actorId: this.actor.userId,
      actorEmail: this.actor.email,
      siteId: entry.siteId,
      entityType: entry.entityType,
      entityId: entry.entityId,
      action: entry.action,
      before: (entry.before ?? null) as never,
      after: (entry.after ?? null) as never,
      reason: entry.reason ?? null,
    });
  }

  async create<T extends ObjectLiteral & { id: string }>(
    target: EntityTarget<T>,
    values: Partial<T>,
    meta: { entityType: string; siteId: string | null; reason?: string | null },
  ): Promise<T> {
    const record = await this.manager.save(target, this.manager.create(target, values as T));
    await this.audit({ ...meta, entityId: record.id, action: AuditAction.CREATE, after: snapshot(record) });
    return record;
  }

  /**
   * Runs `create` (given the request id to store) unless a create with the same request id was
   * recorded before: then that record is returned as it is, with no second row and no second
   * audit event. The same id with other values (the form changed after an answer was lost) is
   * refused on requestId, and so is an id another site's or user's record carries, without
   * saying anything about that record. Call it after the checks that the actor may write where
   * the record goes. Two such creates at once: see AuditedWriter.run.
   */
  async createOnce<T extends ObjectLiteral & { id: string }>(
    target: EntityTarget<T>,
    request: CreateRequest<T>,
    create: (requestId: string | null) => Promise<T>,
  ): Promise<T> {
    if (request.requestId == null) return create(null);
    const requestId = assertId('requestId', request.requestId, 'a UUID the client made for this create');
    this.requestId = requestId;
    const earlier = await this.manager.findOneBy(target, { requestId } as never);
    if (!earlier) return create(requestId);
    const metadata = this.manager.connection.getMetadata(target);
    let beside: Record<string, unknown> = {};
    const differs = (key: string) => {
      const column = metadata.findColumnWithPropertyName(key);
      const fallback = column && typeof column.default !== 'function' ? column.default : null;
      const sent = request.values[key] === undefined ? fallback : request.values[key];
      const had = key in beside ? beside[key] : (earlier as Record<string, unknown>)[key];
      return !same(had, sent) && canonical(had ?? null) !== canonical(sent ?? null);
    };
    if ((request.scope ?? []).some(differs)) {
      throw ValidationError.single(
        'requestId',
        'unique',
        `requestId was already used for another ${request.entityType}; send this create with a new requestId`,
      );
    }
    if (request.stored) beside = await request.stored(earlier);
    const field = Object.keys(request.values).find(differs);
    if (field) {
      throw ValidationError.single(
        'requestId',
        'unique',
        `requestId was already used: the ${request.entityType} it created has another ${field}; reload to see it and edit it there`,
      );
    }
    return earlier;
  }

  /** Locks the row for this transaction; refuses unknown ids. */
  async lock<T extends VersionedRecord>(target: EntityTarget<T>, id: string, entityType: string): Promise<T> {
    const record = await this.manager.findOne(target, { where: { id } as never, lock: { mode: 'pessimistic_write' } });
    if (!record) throw new NotFoundError(entityType, id);
    return record;
  }

  /**
   * Applies changes to a record the caller holds at `version`. A stale version is refused so that
   * two coordinators never overwrite each other silently; an old record needs a reason.
   */
  async update<T extends VersionedRecord>(
    target: EntityTarget<T>,
    record: T,
    version: number,
    changes: Partial<T>,
    meta: { entityType: string; siteId: string | null; reason?: string | null },
  ): Promise<T> {
    if (record.withdrawnAt) throw new ConflictError('id', 'withdrawn', `${meta.entityType} ${record.id} has been withdrawn and cannot be changed`);
    if (record.version !== version) throw new StaleVersionError(meta.entityType, record.id, version, record.version);
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined || same(record[key], value)) continue;
      before[key] = record[key] instanceof Date ? record[key].toISOString() : record[key];
      after[key] = value;
    }
    if (Object.keys(after).length === 0) return record;
    const reason = meta.reason?.trim() || null;
    if (!reason && Date.now() - record.createdAt.getTime() > REASON_REQUIRED_AFTER_MS) {
      throw ValidationError.single('reason', 'required', 'reason is required to change a record entered more than 24 hours ago');
    }
    Object.assign(record, after);
    const saved = await this.manager.save(target, record);
    await this.audit({ entityType: meta.entityType, entityId: record.id, siteId: meta.siteId, action: AuditAction.UPDATE, before, after, reason });
    return saved;
  }

  /** Soft withdrawal: the row stays, marked withdrawn with the reason, and the audit says who. */
  async withdraw<T extends VersionedRecord>(
    target: EntityTarget<T>,
    record: T,
    version: number,
    reason: string,
    meta: { entityType: string; siteId: string | null },
  ): Promise<T> {
    if (record.withdrawnAt) throw new ConflictError('id', 'withdrawn', `${meta.entityType} ${record.id} is already withdrawn`);
    if (record.version !== version) throw new StaleVersionError(meta.entityType, record.id, version, record.version);
    const text = reason?.trim();
    if (!text) throw ValidationError.single('reason', 'required', 'reason is required to withdraw a record');
    if (text.length > 2000) throw ValidationError.single('reason', 'maxLength', 'reason must be at most 2000 characters');
    Object.assign(record, { withdrawnAt: new Date(), withdrawnReason: text });
    const saved = await this.manager.save(target, record);
    await this.audit({
      ...meta,
      entityId: record.id,
      action: AuditAction.WITHDRAW,
      before: { withdrawnAt: null },
      after: { withdrawnAt: saved.withdrawnAt?.toISOString() },
      reason: text,
    });
    return saved;
  }
}

@Injectable()
export class AuditedWriter {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Runs `work` in one transaction; only `tx.manager` runs inside it (other connections are other transactions).
   *
   * Two creates with one request id at once both find no earlier record; the second insert then
   * waits for the first transaction and fails on a unique index (uq_<table>__request_id, or
   * another key the two share) once it commits. Such a transaction is run once more: it then
   * finds the first one's record and answers as a retry would.
   */
  async run<T>(actor: Actor, work: (tx: AuditedTransaction) => Promise<T>): Promise<T> {
    const attempt = { requestId: null as string | null };
    const once = () =>
      this.dataSource.transaction(async (manager) => {
        const tx = new AuditedTransaction(manager, actor);
        try {
          return await work(tx);
        } finally {
          attempt.requestId = tx.requestId;
        }
      });
    try {
      return await once();
    } catch (error) {
      if (attempt.requestId === null || !uniqueViolation(error)) throw error;
      return once();
    }
  }
}
