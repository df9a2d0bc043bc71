// A complication's plain-value fields, each defined once (field-definition.ts says what is derived
// from a definition; docs/adding-a-field.md how to add one). The patient and the treatment it
// followed (references) and the notes (free text) stay hand-written in schemas.ts and
// field-access.ts. Which fields a kind needs or excludes (a cement leakage's type, a new fracture's
// level) are the rules of the complication schema's superRefine and cross-field.rules.ts.

import { CementLeakageType, ClavienDindoGrade, ComplicationKind, FractureDetection, VertebralLevel } from '../enums';
import { EXACT_DATE_ACCESS, FieldDefinition, VALUE_ACCESS } from './field-definition';

const values = <E extends Record<string, string>>(e: E) => Object.values(e) as E[keyof E][];

export const COMPLICATION_FIELDS = {
  occurredOn: {
    type: 'date',
    column: 'occurred_on',
    label: 'Date of the complication',
    about: 'Date it occurred (YYYY-MM-DD)',
    required: true,
    access: EXACT_DATE_ACCESS,
    dayField: 'occurredDay',
    cohortExport: false,
    example: '2025-02-20',
  },
  kind: {
    type: 'enum',
    column: 'kind',
    label: 'Kind',
    about: 'Kind of complication',
    choices: values(ComplicationKind),
    // DEATH stays a stored kind for the rows recorded before the death record (withdrawn by the
    // migration MoveDeathComplications); the schema refuses a new one with where to record it.
    retired: { DEATH: 'a death is its own record (recordDeath, or the deaths import)' },
    required: true,
    access: VALUE_ACCESS,
    cohortExport: false,
    example: 'CEMENT_LEAKAGE',
  },
  symptomatic: {
    type: 'boolean',
    column: 'symptomatic',
    label: 'Symptomatic',
    about: 'Symptomatic (required for a cement leakage)',
    required: false,
    access: VALUE_ACCESS,
    cohortExport: false,
    example: 'false',
  },
  leakageType: {
    type: 'enum',
    column: 'leakage_type',
    label: 'Leakage type',
    about: 'Type of cement leakage',
    choices: values(CementLeakageType),
    choiceLabels: { B: 'B: basivertebral vein', S: 'S: segmental vein', C: 'C: cortical defect', D: 'D: into the disc' },
    required: false,
    access: VALUE_ACCESS,
    cohortExport: false,
    example: 'S',
  },
  clavienDindo: {
    type: 'enum',
    column: 'clavien_dindo',
    label: 'Clavien-Dindo grade',
    about: 'Clavien-Dindo grade',
    choices: values(ClavienDindoGrade),
    required: false,
    access: VALUE_ACCESS,
    cohortExport: false,
    example: 'I',
  },
  resolved: {
    type: 'boolean',
    column: 'resolved',
    label: 'Resolved',
    about: 'Resolved',
    required: true,
    default: false,
    access: VALUE_ACCESS,
    cohortExport: false,
    example: 'true',
  },
  // New fractures (ADJACENT_LEVEL_FRACTURE, REMOTE_FRACTURE) only; optional, so that rows and CSV
  // files from before them stay valid (the dashboard's form asks for both).
  level: {
    type: 'enum',
    column: 'level',
    label: 'Level of the new fracture',
    about: 'New fractures only: the fractured vertebra',
    choices: values(VertebralLevel),
    help: 'Adjacent: directly above or below a treated level',
    required: false,
    access: VALUE_ACCESS,
    cohortExport: false,
    example: '',
  },
  detection: {
    type: 'enum',
    column: 'detection',
    label: 'How it was found',
    about: 'New fractures only: found clinically, on scheduled imaging or incidentally',
    choices: values(FractureDetection),
    choiceLabels: {
      CLINICAL: 'Clinically: symptoms led to imaging',
      SCHEDULED_IMAGING: 'On imaging scheduled by the protocol',
      INCIDENTAL: 'Incidentally, on imaging for another reason',
    },
    required: false,
    access: VALUE_ACCESS,
    cohortExport: false,
    example: '',
  },
} as const satisfies Record<string, FieldDefinition>;

export type ComplicationFieldName = keyof typeof COMPLICATION_FIELDS;
