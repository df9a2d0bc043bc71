import { DataSource, EntityMetadata } from 'typeorm';

/**
 * The records a page of patients is read with, in the page's own statement (as JSON, one column
 * each) instead of one statement per nested field: the index date always (every reader's view of
 * the patient needs it), the fractures, treatments and latest completed visit when the request
 * asks for them. Each column selects exactly what the field's DataLoader selects, in its order;
 * a spec holds the answers of both paths equal for every role.
 */
export interface NestedParts {
  fractures: boolean;
  treatments: boolean;
  latestAssessment: boolean;
}

export interface NestedRecords {
  indexDate: string | null;
  fractures?: object[];
  treatments?: object[];
  latestAssessment?: object | null;
}

/** Select expressions over the patient alias `p`, each named by its alias. */
export function nestedSelects(parts: NestedParts): [string, string][] {
  const selects: [string, string][] = [
    ['nested_index_date', `(SELECT min(t.start_date) FROM treatment t WHERE t.patient_id = p.id AND t.withdrawn_at IS NULL)`],
  ];
  // As FracturesService.ofPatients: in force, by onset date and level.
  if (parts.fractures)
    selects.push([
      'nested_fractures',
      `(SELECT coalesce(json_agg(f ORDER BY f.onset_date, f.level), '[]') FROM fracture f WHERE f.patient_id = p.id AND f.withdrawn_at IS NULL)`,
    ]);
  // As TreatmentsService.ofPatients: in force, by start date and entry.
  if (parts.treatments)
    selects.push([
      'nested_treatments',
      `(SELECT coalesce(json_agg(t ORDER BY t.start_date, t.created_at), '[]') FROM treatment t WHERE t.patient_id = p.id AND t.withdrawn_at IS NULL)`,
    ]);
  // As AssessmentsService.latestOf: the latest completed visit in force, by visit date then entry.
  if (parts.latestAssessment)
    selects.push([
      'nested_latest_assessment',
      `(SELECT to_json(a) FROM assessment a WHERE a.patient_id = p.id AND a.status = 'DONE' AND a.withdrawn_at IS NULL
         ORDER BY a.visit_date DESC, a.created_at DESC LIMIT 1)`,
    ]);
  return selects;
}

/**
 * A row as JSON (column names, timestamps as text) made into the entity the repository would have
 * given: each column under its property, timestamps as Dates. Every other column type the
 * records use (text, enums, dates as YYYY-MM-DD, numbers, booleans, arrays) reads the same from
 * JSON as from the driver.
 */
export function entityFromJson(metadata: EntityMetadata, json: Record<string, unknown>): object {
  const entity = metadata.create() as Record<string, unknown>;
  for (const c of metadata.columns) {
    const value = json[c.databaseName];
    entity[c.propertyName] = value == null ? null : TIMESTAMPS.has(String(c.type)) ? new Date(String(value)) : value;
  }
  return entity;
}

const TIMESTAMPS = new Set(['timestamptz', 'timestamp', 'timestamp with time zone', 'timestamp without time zone']);

/** The nested records of each patient of a page, from the page statement's raw rows. */
export function nestedFromRaw(dataSource: DataSource, parts: NestedParts, raw: Record<string, unknown>): NestedRecords {
  const json = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v) as Record<string, unknown> | Record<string, unknown>[] | null;
  const records: NestedRecords = { indexDate: (raw.nested_index_date as string | null) ?? null };
  if (parts.fractures) {
    const meta = dataSource.getMetadata('fracture');
    records.fractures = ((json(raw.nested_fractures) ?? []) as Record<string, unknown>[]).map((r) => entityFromJson(meta, r));
  }
  if (parts.treatments) {
    const meta = dataSource.getMetadata('treatment');
    records.treatments = ((json(raw.nested_treatments) ?? []) as Record<string, unknown>[]).map((r) => entityFromJson(meta, r));
  }
  if (parts.latestAssessment) {
    const row = json(raw.nested_latest_assessment) as Record<string, unknown> | null;
    records.latestAssessment = row ? entityFromJson(dataSource.getMetadata('assessment'), row) : null;
  }
  return records;
}
