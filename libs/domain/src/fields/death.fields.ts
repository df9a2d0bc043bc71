// A death's plain-value fields, each defined once (field-definition.ts says what is derived from a
// definition; docs/adding-a-field.md how to add one). The patient (a reference) and the notes
// (free text) stay hand-written in schemas.ts and field-access.ts. When a death may be dated
// against the patient's other records (not before the first treatment nor a completed visit) is
// for death.rules.ts, run by the API and the import, which read those records.

import { DeathCause, DeathSource } from '../enums';
import { EXACT_DATE_ACCESS, FieldDefinition, VALUE_ACCESS } from './field-definition';

const values = <E extends Record<string, string>>(e: E) => Object.values(e) as E[keyof E][];

export const DEATH_FIELDS = {
  diedOn: {
    type: 'date',
    column: 'died_on',
    label: 'Date of death',
    about: 'Date of death (YYYY-MM-DD)',
    required: true,
    access: EXACT_DATE_ACCESS,
    dayField: 'diedDay',
    cohortExport: false,
    example: '2025-08-14',
    importNote: 'not before the first treatment nor before a completed visit',
  },
  cause: {
    type: 'enum',
    column: 'cause',
    label: 'Cause',
    about: 'Cause of death',
    choices: values(DeathCause),
    choiceLabels: { PROCEDURE_RELATED: 'Related to a fracture treatment (Clavien-Dindo V)' },
    required: true,
    access: VALUE_ACCESS,
    cohortExport: false,
    example: 'CARDIOVASCULAR',
  },
  source: {
    type: 'enum',
    column: 'source',
    label: 'Source',
    about: 'Where the registry learnt of the death',
    choices: values(DeathSource),
    required: true,
    access: VALUE_ACCESS,
    cohortExport: false,
    example: 'DEATH_REGISTRY',
  },
} as const satisfies Record<string, FieldDefinition>;

export type DeathFieldName = keyof typeof DEATH_FIELDS;
