import { AssessmentStatus, CementType, ClavienDindoGrade, ComplicationKind, NEW_FRACTURE_KINDS, Role, TimePoint, TreatmentKind } from './enums';
import { fractureContradictions, treatmentContradictions, visitContradictions } from './cross-field.rules';
import { FieldIssue } from './errors';
import { passwordField } from './password-rule';
import { RANGES, REGISTRY_NUMBER_PATTERN, SITE_CODE_PATTERN, TEXT_LIMITS } from './ranges';
import { isoDate, measure, optionalText, requiredText, uuid, z } from './validation';
import { schemaShape } from './fields/field-definition';
import { PATIENT_FIELDS } from './fields/patient.fields';
import { FRACTURE_FIELDS } from './fields/fracture.fields';
import { COMPLICATION_FIELDS } from './fields/complication.fields';
import { TREATMENT_FIELDS } from './fields/treatment.fields';
import { ASSESSMENT_FIELDS } from './fields/assessment.fields';
import { DEATH_FIELDS } from './fields/death.fields';

// One schema per entity input (inputs.ts), shared by the API, the forms and CSV import.
// Update schemas take the changed fields only; services validate the merged record where rules
// span fields.

type Ctx = z.core.$RefinementCtx;
const fail = (ctx: Ctx, field: string, rule: string, message: string) => ctx.addIssue({ code: 'custom', path: field.split('.'), message, params: { rule } });

/** A rule of cross-field.rules.ts as refinement: its FieldIssues become the schema's. */
const crossField =
  <T>(rules: (v: T) => FieldIssue[]) =>
  (v: T, ctx: Ctx) => {
    for (const i of rules(v)) fail(ctx, i.field, i.rule, i.message);
  };

const optionalMeasure = (name: keyof typeof RANGES, label = name) => z.nullish(measure(label, RANGES[name]));

// Sites and users ----------------------------------------------------------------------------

const siteFields = z.object({
  code: z.string().check(z.trim(), z.regex(SITE_CODE_PATTERN, { error: 'code must be 2-16 capital letters or digits' })),
  name: requiredText(TEXT_LIMITS.siteName),
});
export const siteCreateSchema = siteFields;
export const siteUpdateSchema = z.partial(siteFields);

const userFields = z.object({
  email: z.pipe(z.string().check(z.trim(), z.maxLength(TEXT_LIMITS.email)), z.email({ error: 'email must be a valid email address' })),
  displayName: requiredText(TEXT_LIMITS.displayName),
  role: z.enum(Role),
  siteId: z.nullish(uuid('siteId')),
  password: passwordField('password'),
  active: z.boolean(),
});
const siteRequired = (v: { role?: Role; siteId?: string | null }, ctx: Ctx) => {
  if ((v.role === Role.COORDINATOR || v.role === Role.DEPARTMENT_HEAD) && !v.siteId) {
    fail(ctx, 'siteId', 'required', `siteId is required for a ${v.role}`);
  }
};
export const userCreateSchema = z.omit(userFields, { active: true }).check(z.superRefine(siteRequired));
// A password is never edited by an administrator: a reset makes a temporary one (resetPassword).
export const userUpdateSchema = z.partial(z.omit(userFields, { email: true, password: true }));

// Patients -----------------------------------------------------------------------------------

export const patientIdentifiersSchema = z.object({
  mrn: requiredText(TEXT_LIMITS.mrn),
  familyName: requiredText(TEXT_LIMITS.name),
  givenName: requiredText(TEXT_LIMITS.name),
  dateOfBirth: isoDate('dateOfBirth', { notFuture: true }),
});

/** A patient about to be registered, for the look-up of similar patients of its site. */
export const similarPatientsSchema = z.extend(z.omit(patientIdentifiersSchema, { mrn: true }), { siteId: uuid('siteId') });

const patientFields = z.object({
  siteId: uuid('siteId'),
  registryNumber: z
    .string()
    .check(
      z.trim(),
      z.minLength(1),
      z.maxLength(TEXT_LIMITS.registryNumber),
      z.regex(REGISTRY_NUMBER_PATTERN, { error: 'registryNumber may contain only letters, digits and hyphens' }),
    ),
  birthYear: measure('birthYear', { ...RANGES.birthYear, max: new Date().getUTCFullYear() }),
  // The clinical fields, from their one definition each (fields/patient.fields.ts).
  ...schemaShape(PATIENT_FIELDS),
  identifiers: z.nullish(patientIdentifiersSchema),
});
const identifiersMatchBirthYear = (v: { birthYear?: number; identifiers?: { dateOfBirth: string } | null }, ctx: Ctx) => {
  if (v.identifiers && v.birthYear !== undefined && Number(v.identifiers.dateOfBirth.slice(0, 4)) !== v.birthYear) {
    fail(ctx, 'identifiers.dateOfBirth', 'consistency', `identifiers.dateOfBirth must fall in the birth year ${v.birthYear}`);
  }
};
export const patientCreateSchema = patientFields.check(z.superRefine(identifiersMatchBirthYear));
export const patientUpdateSchema = z.partial(z.omit(patientFields, { siteId: true, identifiers: true }));

// Fractures ----------------------------------------------------------------------------------

const fractureFields = z.object({
  patientId: uuid('patientId'),
  // The plain values, from their one definition each (fields/fracture.fields.ts).
  ...schemaShape(FRACTURE_FIELDS),
  additionalInjuries: optionalText(TEXT_LIMITS.freeText),
});
export const fractureCreateSchema = fractureFields.check(z.superRefine(crossField(fractureContradictions)));
/** The changed fields only: the service judges the cross-field rules on the merged fracture. */
export const fractureUpdateSchema = z.partial(z.omit(fractureFields, { patientId: true }));

// Treatments ---------------------------------------------------------------------------------

export const treatedLevelSchema = z.object({
  fractureId: uuid('fractureId'),
  cementType: z.nullish(z.enum(CementType)),
  cementVolumeMl: z.nullish(measure('cementVolumeMl', RANGES.cementVolumeMl)),
  cementFillPercent: optionalMeasure('cementFillPercent'),
});

const PROCEDURE_ONLY = [
  'anaesthesia',
  'approach',
  'imagingGuidance',
  'balloonUsed',
  'heightRestorationPercent',
  'durationMinutes',
  'fluoroscopyTimeSeconds',
  'doseAreaProductGyCm2',
] as const;

const treatmentFields = z.object({
  patientId: uuid('patientId'),
  kind: z.enum(TreatmentKind),
  startDate: isoDate('startDate', { notFuture: true }),
  levels: z.array(treatedLevelSchema).check(z.minLength(1), z.maxLength(17)),
  // The plain values, from their one definition each (fields/treatment.fields.ts).
  ...schemaShape(TREATMENT_FIELDS),
});

type TreatmentShape = Partial<z.infer<typeof treatmentFields>>;

function treatmentRules(v: TreatmentShape, ctx: Ctx): void {
  if (v.kind === undefined) return;
  const procedure = v.kind !== TreatmentKind.CONSERVATIVE;
  if (procedure) {
    if (!v.anaesthesia) fail(ctx, 'anaesthesia', 'required', `anaesthesia is required for ${v.kind}`);
    if (!v.approach) fail(ctx, 'approach', 'required', `approach is required for ${v.kind}`);
    if (v.levels && !v.levels.some((l) => l.cementVolumeMl != null)) {
      fail(ctx, 'levels.0.cementVolumeMl', 'required', `cementVolumeMl is required for at least one level of a ${v.kind}`);
    }
  } else {
    for (const f of PROCEDURE_ONLY) {
      if (v[f] != null) fail(ctx, f, 'consistency', `${f} applies to procedures only, not to conservative care`);
    }
    v.levels?.forEach((l, i) => {
      if (l.cementVolumeMl != null || l.cementType != null)
        fail(ctx, `levels.${i}.cementVolumeMl`, 'consistency', 'cementVolumeMl and cementType apply to procedures only, not to conservative care');
      if (l.cementFillPercent != null)
        fail(ctx, `levels.${i}.cementFillPercent`, 'consistency', 'cementFillPercent applies to procedures only, not to conservative care');
    });
  }
  if (v.balloonUsed === true && v.kind !== TreatmentKind.KYPHOPLASTY) fail(ctx, 'balloonUsed', 'consistency', 'balloonUsed applies to kyphoplasty only');
  if (v.balloonUsed === false && v.kind === TreatmentKind.KYPHOPLASTY)
    fail(ctx, 'balloonUsed', 'consistency', 'balloonUsed cannot be false: a kyphoplasty uses a balloon');
  if (v.sameDayDischarge === true && v.lengthOfStayDays != null && v.lengthOfStayDays !== 0) {
    fail(ctx, 'lengthOfStayDays', 'consistency', 'lengthOfStayDays must be 0 (or empty) for a same-day discharge');
  }
  if (v.sameDayDischarge === false && (v.lengthOfStayDays == null || v.lengthOfStayDays < 1)) {
    fail(ctx, 'lengthOfStayDays', 'required', 'lengthOfStayDays (1 or more) is required when the patient was not discharged the same day');
  }
  if (v.levels) {
    const ids = v.levels.map((l) => l.fractureId);
    ids.forEach((id, i) => {
      if (ids.indexOf(id) !== i) fail(ctx, `levels.${i}.fractureId`, 'unique', 'fractureId may be listed once per treatment');
    });
  }
}
export const treatmentCreateSchema = treatmentFields.check(z.superRefine(treatmentRules), z.superRefine(crossField(treatmentContradictions)));
/** Validates a whole treatment after merging the changes into the stored one. */
export const treatmentUpdateSchema = z
  .partial(z.omit(treatmentFields, { patientId: true }))
  .check(z.superRefine(treatmentRules), z.superRefine(crossField(treatmentContradictions)));

// Follow-up visits ---------------------------------------------------------------------------

const SCORES = ['nrsRest', 'nrsActivity', 'odi', 'rmdq', 'eq5dIndex', 'odiItems', 'rmdqItems', 'eq5dLevels', 'eq5dVas'] as const;

// The questionnaires' items (instruments.rules.ts computes the scores from them).
const itemInRange = (what: string, max: number, min = 1) =>
  z.number().check(
    z.int(),
    z.refine((v: number) => v >= min && v <= max, { error: (iss) => `${what} must be ${min} to ${max} (got ${String(iss.input)})`, params: { rule: 'range' } }),
  );
const assessmentItemFields = {
  odiItems: z.nullish(z.array(z.nullable(itemInRange('each ODI section (odiItems)', 5, 0))).check(z.length(10))),
  rmdqItems: z.nullish(z.array(z.boolean()).check(z.length(24))),
  eq5dLevels: z.nullish(z.array(itemInRange('each EQ-5D-5L level (eq5dLevels)', 5)).check(z.length(5))),
};

const assessmentFields = z.object({
  patientId: uuid('patientId'),
  treatmentId: uuid('treatmentId'),
  timePoint: z.enum(TimePoint),
  visitDate: z.nullish(isoDate('visitDate', { notFuture: true })),
  status: z.enum(AssessmentStatus),
  // The plain values, from their one definition each (fields/assessment.fields.ts).
  ...schemaShape(ASSESSMENT_FIELDS),
  ...assessmentItemFields,
});

// Radiographic follow-up of the index level: optional on any visit that was done, none on another.
const RADIOGRAPH_FIELDS = ['anteriorHeightPercent', 'middleHeightPercent', 'posteriorHeightPercent', 'kyphoticAngle'] as const;

function assessmentRules(v: Partial<z.infer<typeof assessmentFields>>, ctx: Ctx): void {
  if (v.status === AssessmentStatus.DONE) {
    if (!v.visitDate) fail(ctx, 'visitDate', 'required', 'visitDate is required for a visit that was done');
    if (!SCORES.some((s) => v[s] != null))
      fail(ctx, 'nrsRest', 'required', 'nrsRest or another score (nrsActivity, odi, rmdq, eq5dIndex or their items) is required for a visit that was done');
  } else if (v.status) {
    for (const s of SCORES) if (v[s] != null) fail(ctx, s, 'consistency', `${s} cannot be recorded for a ${v.status.toLowerCase()} visit`);
    // Imaging not done at a visit that did not take place is no finding; done would be a contradiction.
    if (v.imagingDone === true) fail(ctx, 'imagingDone', 'consistency', `imagingDone cannot be true for a ${v.status.toLowerCase()} visit`);
    // No visit, no radiograph read at it.
    for (const r of RADIOGRAPH_FIELDS) if (v[r] != null) fail(ctx, r, 'consistency', `${r} cannot be recorded for a ${v.status.toLowerCase()} visit`);
  }
  // Why a visit did not take place: said of a missed visit only (NULL on one is "not recorded").
  if (v.status && v.status !== AssessmentStatus.MISSED && v.missedReason != null)
    fail(ctx, 'missedReason', 'consistency', `missedReason can be recorded for a missed visit only, not for a ${v.status.toLowerCase()} one`);
}
export const assessmentCreateSchema = assessmentFields.check(z.superRefine(assessmentRules), z.superRefine(crossField(visitContradictions)));
/** Validates a whole visit after merging the changes into the stored one. */
export const assessmentUpdateSchema = z
  .partial(z.omit(assessmentFields, { patientId: true, treatmentId: true }))
  .check(z.superRefine(assessmentRules), z.superRefine(crossField(visitContradictions)));

// Complications ------------------------------------------------------------------------------

const complicationFields = z.object({
  patientId: uuid('patientId'),
  treatmentId: z.nullish(uuid('treatmentId')),
  // The plain values, from their one definition each (fields/complication.fields.ts).
  ...schemaShape(COMPLICATION_FIELDS),
  notes: optionalText(TEXT_LIMITS.freeText),
});

function complicationRules(v: Partial<z.infer<typeof complicationFields>>, ctx: Ctx): void {
  // A new fracture's level and detection: optional, so that rows and CSV files from before them
  // stay valid (the dashboard's form asks for both); on any other kind they mean nothing.
  if (v.kind && !NEW_FRACTURE_KINDS.includes(v.kind)) {
    for (const f of ['level', 'detection'] as const) {
      if (v[f] != null) fail(ctx, f, 'consistency', `${f} applies to new fractures (${NEW_FRACTURE_KINDS.join(', ')}) only, not to ${v.kind}`);
    }
  }
  if (v.kind === ComplicationKind.CEMENT_LEAKAGE) {
    if (v.symptomatic == null) fail(ctx, 'symptomatic', 'required', 'symptomatic is required for a cement leakage: choose yes or no');
    if (!v.leakageType) fail(ctx, 'leakageType', 'required', 'leakageType (B, S, C or D) is required for a cement leakage');
  } else if (v.kind && v.leakageType) {
    fail(ctx, 'leakageType', 'consistency', 'leakageType applies to cement leakage only');
  }
  if (v.kind === ComplicationKind.DEATH && v.clavienDindo && v.clavienDindo !== ClavienDindoGrade.V) {
    fail(ctx, 'clavienDindo', 'consistency', 'clavienDindo must be V for a death');
  }
}

/**
 * A death is its own record (the death schema below); DEATH stays in the complication kinds only
 * for the rows recorded before, which the migration MoveDeathComplications withdrew. A new one,
 * or an edit that turns a complication into one, is refused with where to record it instead.
 */
export const DEATH_COMPLICATION_MESSAGE = 'kind DEATH is no longer a complication: record the death on the patient (recordDeath, or the deaths import) instead';
function noNewDeathComplication(v: { kind?: ComplicationKind }, ctx: Ctx): void {
  if (v.kind === ComplicationKind.DEATH) fail(ctx, 'kind', 'deathIsNotAComplication', DEATH_COMPLICATION_MESSAGE);
}
export const complicationCreateSchema = complicationFields.check(z.superRefine(complicationRules), z.superRefine(noNewDeathComplication));
export const complicationUpdateSchema = z.partial(z.omit(complicationFields, { patientId: true })).check(z.superRefine(complicationRules));
/** The changed fields of a complication update: none may make it a DEATH. */
export const complicationChangesSchema = z
  .object({ kind: z.nullish(z.enum(ComplicationKind)) })
  .check(z.superRefine((v, ctx) => noNewDeathComplication({ kind: v.kind ?? undefined }, ctx)));

// Deaths -------------------------------------------------------------------------------------

const deathFields = z.object({
  patientId: uuid('patientId'),
  // The plain values, from their one definition each (fields/death.fields.ts). When a death may be
  // dated against the patient's other records is for death.rules.ts, which needs those records.
  ...schemaShape(DEATH_FIELDS),
  notes: optionalText(TEXT_LIMITS.freeText),
});
export const deathCreateSchema = deathFields;
export const deathUpdateSchema = z.partial(z.omit(deathFields, { patientId: true }));
