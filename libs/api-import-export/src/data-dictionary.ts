import { SCHEDULED_TIME_POINTS } from '@vfr/domain';
import { ExportFormat, exportColumns, MEASURES } from './export.service';
import { ImportKind, KINDS } from './import-kinds';

const PATIENT: Record<string, [string, string]> = {
  registry_number: ['text', 'Pseudonymous registry number (never the medical record number)'],
  site: ['text', 'Code of the registering site'],
  sex: ['FEMALE | MALE', 'Sex'],
  age_at_index: ['integer or "90+"', 'Age in years at the index (first) treatment; above 89 shown as 90+'],
  first_treatment: ['CONSERVATIVE | VERTEBROPLASTY | KYPHOPLASTY', 'Kind of the index treatment (intention to treat)'],
  treatment_received: ['CONSERVATIVE | VERTEBROPLASTY | KYPHOPLASTY', 'Kind of the last treatment (as treated; differs after a crossover)'],
  baseline_nrs: ['integer 0-10', 'Pain NRS on activity (at rest if activity not scored) at the BASELINE visit'],
  max_genant_grade: ['integer 0-3', 'Highest Genant grade among the fractures the index treatment treated'],
  fracture_age_days: ['integer', 'Days from the onset of symptoms to the index treatment (acute < 42, subacute 42-84, chronic > 84)'],
  time_point: ['BASELINE | D1 | W1 | M1 | M3 | M6 | M12 | M24 | UNSCHEDULED', 'Scheduled follow-up time point'],
  visit_day: ['integer', 'Day of the visit counted from the index treatment (day 0; negative before it)'],
  status: ['DONE | MISSED | WITHDRAWN', 'Whether the visit took place'],
  nrs_rest: ['integer 0-10', 'Pain at rest, numeric rating scale'],
  nrs_activity: ['integer 0-10', 'Pain on activity, numeric rating scale'],
  odi: ['number 0-100', 'Oswestry Disability Index, percent'],
  rmdq: ['integer 0-24', 'Roland-Morris Disability Questionnaire'],
  eq5d_index: ['number <= 1', 'EQ-5D-5L index value'],
  analgesic_level: ['NONE | NON_OPIOID | WEAK_OPIOID | STRONG_OPIOID', 'Analgesics at the visit'],
  opioid_use: ['true | false', 'Any opioid at the visit'],
  back_to_usual_activities: ['true | false', 'Back to usual activities'],
};

/** The data dictionary of an export format: one row per column (name, type, meaning), as CSV. */
export function dataDictionary(format: ExportFormat): string {
  const rows = exportColumns(format).map((name) => {
    if (PATIENT[name]) return [name, ...PATIENT[name]];
    const tp = SCHEDULED_TIME_POINTS.find((t) => name.endsWith(`_${t.toLowerCase()}`))!;
    const base = name.slice(0, -(tp.length + 1));
    const [type, meaning] = PATIENT[base] ?? PATIENT[MEASURES.find((m) => m === base) ?? 'status'];
    return [name, type, `${meaning}, at ${tp}`];
  });
  const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return ['column,type,meaning', ...rows.map((r) => r.map(quote).join(','))].join('\n') + '\n';
}

/** The documented column format of an import, as Markdown (served next to the template). */
export function importFormat(kind: ImportKind): string {
  const lines = [
    `# CSV import: ${kind}`, '', 'UTF-8, comma-separated, first row the header. Empty cells are empty values.', '',
    'A text cell that begins with =, +, -, @, a tab or a carriage return (after any apostrophes) is exported with one apostrophe in front, so that a spreadsheet shows it as text instead of running it as a formula, and imported without that apostrophe; numbers are written as they are.',
    '', '| column | required | meaning | example |', '|---|---|---|---|',
  ];
  for (const c of KINDS[kind].columns) lines.push(`| ${c.name} | ${c.required ? 'yes' : 'no'} | ${c.description} | ${c.example} |`);
  return lines.join('\n') + '\n';
}
