import { Actor, siteScope, SqlParams } from '@vfr/api-core';
import { ASSESSMENT_FIELDS, COMPLICATION_FIELDS, DEATH_FIELDS, FieldDefinitions, FRACTURE_FIELDS, PATIENT_FIELDS, TREATMENT_FIELDS } from '@vfr/domain';
import { listCellSql } from './csv-cells';
import { ImportKind, KINDS } from './import-kinds';

/** A record's defined columns (libs/domain/src/fields), in the import's order, each as the import reads it: an enum list as its cell. */
const definedColumns = (alias: string, defs: FieldDefinitions) =>
  Object.values(defs)
    .map((d) => (d.type === 'enumList' ? `${listCellSql(`${alias}.${d.column}`)} AS ${d.column}` : `${alias}.${d.column}`))
    .join(', ');

// A site's records in exactly the import format (identified, exact dates): for coordinators and
// admins to move data between registries or back it up; importing such a file into an empty
// registry reproduces the data.
const SELECT: Record<ImportKind, string> = {
  [ImportKind.PATIENTS]: `SELECT p.registry_number, s.code AS site_code, p.birth_year, ${definedColumns('p', PATIENT_FIELDS)}, i.mrn, i.family_name, i.given_name, i.date_of_birth
    FROM patient p JOIN site s ON s.id = p.site_id LEFT JOIN patient_identifier i ON i.patient_id = p.id
    WHERE p.withdrawn_at IS NULL AND {scope} ORDER BY p.registry_number`,
  [ImportKind.FRACTURES]: `SELECT p.registry_number, ${definedColumns('f', FRACTURE_FIELDS)}, f.additional_injuries
    FROM fracture f JOIN patient p ON p.id = f.patient_id
    WHERE f.withdrawn_at IS NULL AND p.withdrawn_at IS NULL AND {scope} ORDER BY p.registry_number, f.level`,
  [ImportKind.TREATMENTS]: `SELECT p.registry_number, t.kind, t.start_date,
      (SELECT string_agg(f.level::text, ';' ORDER BY f.level) FROM treated_level tl JOIN fracture f ON f.id = tl.fracture_id WHERE tl.treatment_id = t.id) AS levels,
      (SELECT string_agg(coalesce(tl.cement_volume_ml::text, ''), ';' ORDER BY f.level) FROM treated_level tl JOIN fracture f ON f.id = tl.fracture_id WHERE tl.treatment_id = t.id AND t.kind <> 'CONSERVATIVE') AS cement_volumes_ml,
      (SELECT min(tl.cement_type::text) FROM treated_level tl WHERE tl.treatment_id = t.id) AS cement_type,
      ${definedColumns('t', TREATMENT_FIELDS)},
      (SELECT string_agg(coalesce(tl.cement_fill_percent::text, ''), ';' ORDER BY f.level) FROM treated_level tl JOIN fracture f ON f.id = tl.fracture_id WHERE tl.treatment_id = t.id AND t.kind <> 'CONSERVATIVE') AS cement_fill_percent
    FROM treatment t JOIN patient p ON p.id = t.patient_id
    WHERE t.withdrawn_at IS NULL AND p.withdrawn_at IS NULL AND {scope} ORDER BY p.registry_number, t.start_date`,
  [ImportKind.ASSESSMENTS]: `SELECT p.registry_number, a.time_point, a.visit_date, a.status, ${definedColumns('a', ASSESSMENT_FIELDS)},
      array_to_string(a.odi_items, ';', '') AS odi_items, translate(array_to_string(a.rmdq_items, ';'), 'tf', '10') AS rmdq_items,
      array_to_string(a.eq5d_levels, ';') AS eq5d_levels
    FROM assessment a JOIN patient p ON p.id = a.patient_id
    WHERE a.withdrawn_at IS NULL AND p.withdrawn_at IS NULL AND {scope} ORDER BY p.registry_number, a.visit_date NULLS LAST, a.time_point`,
  [ImportKind.COMPLICATIONS]: `SELECT p.registry_number, ${definedColumns('c', COMPLICATION_FIELDS)}, c.notes
    FROM complication c JOIN patient p ON p.id = c.patient_id
    WHERE c.withdrawn_at IS NULL AND p.withdrawn_at IS NULL AND {scope} ORDER BY p.registry_number, c.occurred_on, c.kind`,
  [ImportKind.DEATHS]: `SELECT p.registry_number, ${definedColumns('d', DEATH_FIELDS)}, d.notes
    FROM death d JOIN patient p ON p.id = d.patient_id
    WHERE d.withdrawn_at IS NULL AND p.withdrawn_at IS NULL AND {scope} ORDER BY p.registry_number`,
};

export function recordsSql(kind: ImportKind, actor: Actor): { text: string; values: unknown[]; columns: string[] } {
  const params = new SqlParams();
  const scope = siteScope(actor);
  const text = SELECT[kind].replace('{scope}', scope ? `p.site_id = ${params.add(scope, 'uuid')}` : 'true');
  return { text, values: params.values, columns: KINDS[kind].columns.map((c) => c.name) };
}
