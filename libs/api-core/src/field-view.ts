import { Field, FieldMiddleware, FieldOptions, ID, Int, ObjectType, ReturnTypeFunc } from '@nestjs/graphql';
import { DEIDENTIFIED_ROLES, fieldAccess, fieldDescription, fieldRule, ForbiddenError, projectRecord, RecordType, Role, ruleMayBeNull } from '@vfr/domain';
import { Actor, RequestContext } from './actor';

/**
 * Researchers and department heads never receive direct identifiers, exact dates, birth years,
 * ages above 89 or free text. Which field each role receives, and how, is decided in one table
 * (libs/domain/src/field-access.ts); this is how the API applies it.
 */
export function isDeidentified(actor: Actor): boolean {
  return DEIDENTIFIED_ROLES.includes(actor.role);
}

/**
 * A reader's view of one patient's records: every record model is built through `project`, which
 * gives each field as the field-access table says for the reader's role, counting days from the
 * patient's index treatment.
 */
export class FieldView {
  constructor(
    readonly role: Role,
    /** Start of the patient's first (index) treatment, day 0; null before any treatment. */
    readonly indexDate: string | null,
  ) {}

  static of(actor: Actor, indexDate: string | null): FieldView {
    return new FieldView(actor.role, indexDate);
  }

  /**
   * The stored row as this reader receives it (nested records are resolved, and decided,
   * separately); with `only`, just those of its fields (the others absent).
   */
  project<T>(record: RecordType, row: object, only?: ReadonlySet<string>): T {
    return projectRecord(record, row, { role: this.role, indexDate: this.indexDate }, only) as T;
  }

  /** Whether this reader receives a field at all (the value itself, not null); for nested records. */
  receives(record: RecordType, field: string): boolean {
    const rule = fieldRule(record, field, this.role);
    return rule !== 'withheld' && rule !== 'none';
  }
}

/**
 * A GraphQL field of a record model, described and made nullable by the field-access table: a
 * field that some reader receives as null (withheld, or days without an index treatment) is
 * nullable whatever is stored. The field's name is the property's.
 */
export function RecordField(record: RecordType, type?: ReturnTypeFunc, options: FieldOptions = {}): PropertyDecorator {
  return (prototype, key) => {
    const field = String(key);
    const def = fieldAccess(record, field);
    const mayBeNull = Object.values(Role).some((role) => def.access[role] !== 'none' && ruleMayBeNull(def.access[role]));
    const opts: FieldOptions = { ...options, description: fieldDescription(record, field) };
    if (mayBeNull) opts.nullable = true;
    (type ? Field(type, opts) : Field(opts))(prototype, key);
  };
}

/**
 * The options of a nested field (a @ResolveField) of a record model: described and made nullable
 * by the table, and gated by it: a reader the table withholds the field from gets null without
 * the resolver running; a role given none of the record is refused.
 */
export function relatedFieldOptions(record: RecordType, field: string): { description: string; nullable?: boolean; middleware: FieldMiddleware[] } {
  const def = fieldAccess(record, field);
  const mayBeNull = Object.values(Role).some((role) => def.access[role] !== 'none' && ruleMayBeNull(def.access[role]));
  const gate: FieldMiddleware = async ({ context }, next): Promise<unknown> => {
    const actor = (context as RequestContext).req.actor;
    const rule = actor ? def.access[actor.role] : 'none';
    if (rule === 'withheld') return null;
    if (rule === 'none') throw new ForbiddenError(`Your role is not given ${record}.${field}`);
    return next();
  };
  return { description: fieldDescription(record, field), ...(mayBeNull ? { nullable: true } : {}), middleware: [gate] };
}

/**
 * A filter on a field's stored value is for those given the value itself: anyone else could
 * recover it by narrowing the filter (a name letter by letter, a treatment date day by day).
 */
export function assertMayFilterBy(actor: Actor, record: RecordType, field: string, message: string): void {
  if (fieldRule(record, field, actor.role) !== 'full') throw new ForbiddenError(message);
}

/**
 * The record-keeping fields (id, version, timestamps, withdrawal) of a patient-level record
 * type, each described and made nullable by that type's rows of the table. Record models extend
 * it: `class FractureModel extends PatientRecordModel('Fracture')`.
 */
export function PatientRecordModel(record: RecordType) {
  @ObjectType({ isAbstract: true })
  abstract class PatientRecord {
    @RecordField(record, () => ID) id: string;
    @RecordField(record, () => Int) version: number;
    @RecordField(record, () => Date) createdAt: Date | null;
    @RecordField(record, () => Date) updatedAt: Date | null;
    @RecordField(record, () => Date, { nullable: true }) withdrawnAt: Date | null;
    @RecordField(record, () => Boolean) withdrawn: boolean;
    @RecordField(record, () => String, { nullable: true }) withdrawnReason: string | null;
  }
  return PatientRecord;
}
