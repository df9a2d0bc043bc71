import { COMPLICATION_FIELDS, DEATH_FIELDS, fieldIssues, FRACTURE_FIELDS } from '@vfr/domain';
import { checkBeforeSending } from '../forms/field-errors';
import { COMPLICATION_LABELS, complicationInput, complicationRaw, complicationSchema, emptyComplication } from './complication.form-model';
import { DEATH_LABELS, deathInput, deathRaw, deathSchema, emptyDeath } from './death.form-model';
import { emptyFracture, FRACTURE_LABELS, fractureInput, fractureRaw, fractureSchema, type StoredFracture } from './fracture.form-model';

const PATIENT = '7d1b7f9e-4a51-4c11-9a33-2f3f0e7b1a01';

describe('fracture and complication form models, from the field definitions', () => {
  it('has a blank value and a label for every defined field', () => {
    for (const [defs, empty, labels] of [
      [FRACTURE_FIELDS, emptyFracture(), FRACTURE_LABELS],
      [COMPLICATION_FIELDS, emptyComplication(), COMPLICATION_LABELS],
      [DEATH_FIELDS, emptyDeath(), DEATH_LABELS],
    ] as const) {
      for (const [name, def] of Object.entries(defs)) {
        expect(name in empty).toBe(true);
        expect(labels[name]).toBe(def.label);
      }
    }
    expect(emptyFracture()).toMatchObject({
      posteriorWallInvolved: false,
      neurologicalDeficit: false,
      mriOedema: '',
      additionalInjuryKinds: '',
      additionalInjuries: '',
    });
    expect(emptyComplication('t1')).toMatchObject({ treatmentId: 't1', resolved: false, symptomatic: '', level: '', notes: '' });
  });

  it('turns the additional injuries into the input: not recorded, none, or the kinds', () => {
    const raw = { ...emptyFracture(), level: 'L1', onsetDate: '2025-01-05', cause: 'TRAUMATIC', genantGrade: '2' };
    const kinds = (value: string) =>
      (fractureInput({ ...raw, additionalInjuryKinds: value }, PATIENT) as { additionalInjuryKinds?: unknown }).additionalInjuryKinds;
    expect([kinds(''), kinds('NONE'), kinds('RIB;UPPER_LIMB')]).toEqual([null, [], ['RIB', 'UPPER_LIMB']]);
    expect(fieldIssues(fractureSchema, fractureInput({ ...raw, additionalInjuryKinds: 'RIB;UPPER_LIMB' }, PATIENT))).toEqual([]);
    expect(checkBeforeSending(fractureSchema, fractureInput({ ...raw, additionalInjuryKinds: 'RIB;RIB' }, PATIENT), FRACTURE_LABELS)).toEqual({
      additionalInjuryKinds: expect.stringContaining('lists RIB more than once'),
    });
  });

  it('gives back a stored fracture and complication unchanged after a round trip through the form', () => {
    const fracture: StoredFracture = {
      level: 'T12',
      onsetDate: '2024-11-02',
      cause: 'TRAUMATIC',
      genantGrade: 2,
      heightLossPercent: 31.5,
      morphology: 'WEDGE',
      ofClass: 'OF3',
      mriOedema: null,
      posteriorWallInvolved: true,
      neurologicalDeficit: false,
      additionalInjuryKinds: ['RIB', 'HEAD'],
      additionalInjuries: 'Left 7th and 8th rib',
    };
    expect(fractureInput(fractureRaw(fracture), PATIENT)).toEqual({ patientId: PATIENT, ...fracture });
    for (const kinds of [[], null])
      expect(fractureInput(fractureRaw({ ...fracture, additionalInjuryKinds: kinds }), PATIENT)).toMatchObject({ additionalInjuryKinds: kinds });
    const complication = {
      treatmentId: 't1',
      occurredOn: '2025-01-10',
      kind: 'CEMENT_LEAKAGE',
      symptomatic: false,
      leakageType: 'S',
      clavienDindo: null,
      resolved: true,
      notes: 'Seen on CT',
      level: null,
      detection: null,
    };
    expect(complicationInput(complicationRaw(complication), PATIENT)).toEqual({ patientId: PATIENT, ...complication });
    const death = { diedOn: '2025-03-02', cause: 'CARDIOVASCULAR', source: 'DEATH_REGISTRY', notes: null };
    expect(deathInput(deathRaw(death), PATIENT)).toEqual({ patientId: PATIENT, ...death });
  });

  it('asks for the date, cause and source of a death, naming them by their labels', () => {
    expect(checkBeforeSending(deathSchema, deathInput(emptyDeath(), PATIENT), DEATH_LABELS)).toEqual({
      diedOn: expect.stringContaining('Date of death'),
      cause: expect.stringContaining('Cause'),
      source: expect.stringContaining('Source'),
    });
  });

  it("still asks for a cement leakage's fields and a new fracture's level, naming them by their labels", () => {
    const raw = { ...emptyComplication(), kind: 'CEMENT_LEAKAGE', occurredOn: '2025-01-10' };
    expect(Object.keys(checkBeforeSending(complicationSchema, complicationInput(raw, PATIENT), COMPLICATION_LABELS)).sort()).toEqual([
      'leakageType',
      'symptomatic',
    ]);
    const fx = { ...emptyComplication(), kind: 'ADJACENT_LEVEL_FRACTURE', occurredOn: '2025-01-10' };
    expect(fieldIssues(complicationSchema, complicationInput(fx, PATIENT)).map((i) => [i.field, i.rule])).toEqual([
      ['level', 'required'],
      ['detection', 'required'],
    ]);
  });
});
