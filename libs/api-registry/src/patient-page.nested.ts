import { DataSource, EntityMetadata } from 'typeorm';
import { FieldAccess, RECORD_FIELDS, RecordType } from '@vfr/domain';

/**
 * The records a page of patients is read with, in the page's own statement (as JSON, one column
 * each) instead of one statement per nested field: the index date always (every reader's view of
 * the patient needs it), the fractures, treatments and latest completed visit when the request
 * asks for them. Each column selects exactly what the field's DataLoader selects, in its order;
 * a spec holds the answers of both paths equal for every role.
 */
/**
 * The nested fields the list gives its patients with the page (presolved, libs/api-core's
 * presolved.ts): those its statement reads. The schema's resolvers of these fields return the
 * value a patient carries, and run as before for any other.
 */
export const LIST_PRESOLVED_FIELDS = { Patient: ['fractures', 'treatments', 'latestAssessment'] } as const;

/** A nested record's columns to read: every column, or these (database names). */
export type Columns = 'all' | readonly string[];

/** The nested records a request asks for, each with the columns its selection needs; absent: not asked. */
export interface NestedParts {
  fractures?: Columns;
  treatments?: Columns;
  latestAssessment?: Columns;
}

export interface NestedRecords {
  indexDate: string | null;
  fractures?: object[];
  treatments?: object[];
  latestAssessment?: object | null;
}

/**
 * The columns a selection of a record's fields needs: its keys, the id and the patient's (nested
 * fields of the record load by the one and are projected for the other), and the stored value
 * each selected field is given from (the field-access table's `from`).
 * A field the table does not describe, or a nested record other than those named in `byId`, takes
 * every column: nothing is left out that some resolver might read. A patient's keys are its id,
 * site and registry number (the cursor, the audit of identifier reads).
 */
export function columnsFor(
  metadata: EntityMetadata,
  record: RecordType,
  selected: ReadonlySet<string>,
  byId: readonly string[] = [],
  keys: readonly string[] = ['id', 'patient_id'],
): Columns {
  const fields = RECORD_FIELDS[record].fields as Record<string, FieldAccess>;
  const columns = new Set(keys);
  for (const name of selected) {
    if (name === '__typename' || byId.includes(name)) continue;
    const def = fields[name];
    const column = def && def.kind !== 'related' ? metadata.findColumnWithPropertyName(def.from ?? name) : undefined;
    if (!column) return 'all';
    columns.add(column.databaseName);
  }
  // json_build_object takes at most 100 arguments: a wide selection reads the whole row.
  return columns.size > 50 ? 'all' : [...columns];
}

/** The columns that identify a listed patient, always read: its id, its site, its registry number (the cursor). */
export const PATIENT_KEYS = ['id', 'site_id', 'registry_number'] as const;

/** The JSON of a row of `alias`: the whole row, or the named columns under their own names. */
export function rowJson(alias: string, columns: Columns): string {
  if (columns === 'all') return alias;
  return `json_build_object(${columns.map((c) => `'${c}', ${alias}."${c}"`).join(', ')})`;
}

/** Select expressions over the patient alias `p`, each named by its alias. */
export function nestedSelects(parts: NestedParts): [string, string][] {
  const selects: [string, string][] = [];
  // The index date is the first start of a treatment in force. With the treatments asked for, it
  // comes from the same scan of them (one subquery: a pair of the date and the treatments), else alone.
  if (!parts.treatments)
    selects.push(['nested_index_date', `(SELECT min(t.start_date) FROM treatment t WHERE t.patient_id = p.id AND t.withdrawn_at IS NULL)`]);
  // As FracturesService.ofPatients: in force, by onset date and level.
  if (parts.fractures)
    selects.push([
      'nested_fractures',
      `(SELECT coalesce(json_agg(${rowJson('f', parts.fractures)} ORDER BY f.onset_date, f.level), '[]') FROM fracture f WHERE f.patient_id = p.id AND f.withdrawn_at IS NULL)`,
    ]);
  // As TreatmentsService.ofPatients: in force, by start date and entry.
  if (parts.treatments)
    selects.push([
      'nested_treatments',
      `(SELECT json_build_array(min(t.start_date), coalesce(json_agg(${rowJson('t', parts.treatments)} ORDER BY t.start_date, t.created_at), '[]'))
         FROM treatment t WHERE t.patient_id = p.id AND t.withdrawn_at IS NULL)`,
    ]);
  // As AssessmentsService.latestOf: the latest completed visit in force, by visit date then entry.
  if (parts.latestAssessment)
    selects.push([
      'nested_latest_assessment',
      `(SELECT ${parts.latestAssessment === 'all' ? 'to_json(a)' : rowJson('a', parts.latestAssessment)} FROM assessment a
         WHERE a.patient_id = p.id AND a.status = 'DONE' AND a.withdrawn_at IS NULL ORDER BY a.visit_date DESC, a.created_at DESC LIMIT 1)`,
    ]);
  return selects;
}

/**
 * A row as JSON (column names, timestamps as text) made into the entity the repository would have
 * given, for the columns read: each under its property, timestamps as Dates (a column not read is
 * absent, and so is every field given from it: the request did not select them). Every other column type the
 * records use (text, enums, dates as YYYY-MM-DD, numbers, booleans, arrays) reads the same from
 * JSON as from the driver.
 */
export function entityFromJson(metadata: EntityMetadata, json: Record<string, unknown>): object {
  const columns = columnsByName(metadata);
  const entity: Record<string, unknown> = {};
  for (const name in json) {
    const c = columns.get(name);
    if (!c) continue;
    const value = json[name];
    entity[c.property] = value == null ? null : c.timestamp ? new Date(value as string) : value;
  }
  return entity;
}

const TIMESTAMPS = new Set(['timestamptz', 'timestamp', 'timestamp with time zone', 'timestamp without time zone']);
const COLUMNS = new WeakMap<EntityMetadata, Map<string, { property: string; timestamp: boolean }>>();

/** An entity's columns by database name, looked up once per entity rather than once per value. */
function columnsByName(metadata: EntityMetadata): Map<string, { property: string; timestamp: boolean }> {
  let columns = COLUMNS.get(metadata);
  if (!columns) {
    columns = new Map();
    // The first column of a name, as findColumnWithDatabaseName finds it.
    for (const c of metadata.columns)
      if (!columns.has(c.databaseName)) columns.set(c.databaseName, { property: c.propertyName, timestamp: TIMESTAMPS.has(String(c.type)) });
    COLUMNS.set(metadata, columns);
  }
  return columns;
}

/** The nested records of each patient of a page, from the page statement's raw rows. */
/** A JSON column's value: parsed by the driver (json), or text to parse. */
export function jsonOf(v: unknown): Record<string, unknown> | Record<string, unknown>[] | null {
  return (typeof v === 'string' ? JSON.parse(v) : v) as Record<string, unknown> | Record<string, unknown>[] | null;
}

export function nestedFromRaw(dataSource: DataSource, parts: NestedParts, raw: Record<string, unknown>): NestedRecords {
  const json = jsonOf;
  const meta = nestedMetadata(dataSource);
  const records: NestedRecords = { indexDate: (raw.nested_index_date as string | null) ?? null };
  if (parts.fractures) records.fractures = ((json(raw.nested_fractures) ?? []) as Record<string, unknown>[]).map((r) => entityFromJson(meta.fracture, r));
  if (parts.treatments) {
    const [indexDate, rows] = json(raw.nested_treatments) as unknown as [string | null, Record<string, unknown>[]];
    records.indexDate = indexDate;
    records.treatments = rows.map((r) => entityFromJson(meta.treatment, r));
  }
  if (parts.latestAssessment) {
    const row = json(raw.nested_latest_assessment) as Record<string, unknown> | null;
    records.latestAssessment = row ? entityFromJson(meta.assessment, row) : null;
  }
  return records;
}

const NESTED_METADATA = new WeakMap<DataSource, Record<'fracture' | 'treatment' | 'assessment', EntityMetadata>>();

/** The nested records' entity metadata, looked up once per data source rather than once per patient. */
function nestedMetadata(dataSource: DataSource): Record<'fracture' | 'treatment' | 'assessment', EntityMetadata> {
  let meta = NESTED_METADATA.get(dataSource);
  if (!meta) {
    meta = { fracture: dataSource.getMetadata('fracture'), treatment: dataSource.getMetadata('treatment'), assessment: dataSource.getMetadata('assessment') };
    NESTED_METADATA.set(dataSource, meta);
  }
  return meta;
}
