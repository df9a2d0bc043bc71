import { ComplicationKind, TreatmentKind } from '@vfr/domain';
import { complicationInput, complicationSchema, emptyComplication } from '../patients/complication.form-model';
import { emptyPatient, patientInput, patientSchema, patientToValidate, placeIdentifierErrors } from '../patients/patient.form-model';
import { deathIssues, visitIssues, type RelatedRecords } from '../patients/related-records.rules';
import { emptyTreatment, placeLevelErrors, treatmentInput, treatmentSchema } from '../patients/treatment.form-model';
import { clearDraft, clearDrafts, DRAFT_MAX_AGE_MS, keptDrafts, loadDraft, saveDraft } from './draft-storage';
import { formIssues, formRequired } from './required-fields';

const PATIENT = '8f6d2c1e-5b7a-4c3d-9e2f-1a2b3c4d5e6f';
const SITE = '1f6d2c1e-5b7a-4c3d-9e2f-1a2b3c4d5e6f';
const TREATMENT = '2f6d2c1e-5b7a-4c3d-9e2f-1a2b3c4d5e6f';
const FRACTURE = '3f6d2c1e-5b7a-4c3d-9e2f-1a2b3c4d5e6f';

/** A Storage in memory, as sessionStorage behaves. */
function memoryStore() {
  const m = new Map<string, string>();
  return {
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => void m.set(k, v),
    removeItem: (k: string) => void m.delete(k),
    key: (i: number) => [...m.keys()][i] ?? null,
    get length() {
      return m.size;
    },
    m,
  };
}

describe('drafts', () => {
  const key = { form: 'visit', record: `new:${PATIENT}` };

  it('keeps a user’s draft for that form and record only', () => {
    const s = memoryStore();
    saveDraft(s, 'u1', key, { nrsRest: '4' }, 1000);
    expect(loadDraft(s, 'u1', key, 2000)).toEqual({ nrsRest: '4' });
    expect(loadDraft(s, 'u1', { form: 'visit', record: 'other' }, 2000)).toBeNull();
    expect(keptDrafts(s, 'u1')).toEqual([key]);
    clearDraft(s, 'u1', key);
    expect(loadDraft(s, 'u1', key, 2000)).toBeNull();
  });

  it('never gives one user another’s draft, and removes it when another user opens a form', () => {
    const s = memoryStore();
    saveDraft(s, 'u1', key, { nrsRest: '4' });
    expect(loadDraft(s, 'u2', key)).toBeNull();
    expect(s.length).toBe(0);
  });

  it('drops old and unreadable drafts, and sign-out removes every draft but nothing else', () => {
    const s = memoryStore();
    saveDraft(s, 'u1', key, { nrsRest: '4' }, 0);
    expect(loadDraft(s, 'u1', key, DRAFT_MAX_AGE_MS + 1)).toBeNull();
    s.setItem(`vfr.draft:u1:visit:new:${PATIENT}`, '{not json');
    expect(loadDraft(s, 'u1', key)).toBeNull();
    saveDraft(s, 'u1', key, { a: '1' });
    saveDraft(s, 'u2', { form: 'patient', record: 'new' }, { mrn: 'X' });
    s.setItem('vfr.token', 't');
    clearDrafts(s);
    expect([...s.m.keys()]).toEqual(['vfr.token']);
  });
});

describe('required inputs, derived from the definitions and the rules', () => {
  const patientRules = {
    schema: patientSchema,
    toInput: (r: Record<string, string | boolean | undefined>) => patientInput(r, SITE),
    toValidate: patientToValidate,
    place: placeIdentifierErrors,
  };

  it('asks for the date of birth and the names once an MRN is given, not before', () => {
    const blank = formRequired(patientRules, emptyPatient());
    expect(blank.has('birthYear')).toBe(true);
    expect(blank.has('dateOfBirth')).toBe(false);
    const withMrn = formRequired(patientRules, { ...emptyPatient(), mrn: 'M1' });
    expect([...withMrn].filter((f) => ['dateOfBirth', 'familyName', 'givenName'].includes(f)).sort()).toEqual(['dateOfBirth', 'familyName', 'givenName']);
    // A registry number is assigned by the server when left blank.
    expect(withMrn.has('registryNumber')).toBe(false);
  });

  it('asks for cement volume on a procedure, not on conservative care', () => {
    const rules = (kind: string) => ({
      schema: treatmentSchema,
      toInput: (r: Record<string, string | boolean | undefined>) => treatmentInput(r, PATIENT, [FRACTURE]),
      place: (e: Record<string, string>, r: Record<string, string | boolean | undefined>) => placeLevelErrors(e, r, [FRACTURE]),
      kind,
    });
    const raw = (kind: string) => ({ ...emptyTreatment([FRACTURE]), kind, startDate: '2024-01-02' });
    expect(formRequired(rules(TreatmentKind.VERTEBROPLASTY), raw(TreatmentKind.VERTEBROPLASTY)).has(`cementVolumeMl.${FRACTURE}`)).toBe(true);
    expect(formRequired(rules(TreatmentKind.CONSERVATIVE), raw(TreatmentKind.CONSERVATIVE)).has(`cementVolumeMl.${FRACTURE}`)).toBe(false);
  });

  it('asks whether a cement leakage was symptomatic, in plain words', () => {
    const rules = { schema: complicationSchema, toInput: (r: Record<string, string | boolean | undefined>) => complicationInput(r, PATIENT) };
    const raw = { ...emptyComplication(TREATMENT), kind: ComplicationKind.CEMENT_LEAKAGE, occurredOn: '2024-02-02' };
    expect(formRequired(rules, raw).has('symptomatic')).toBe(true);
    expect(formRequired(rules, { ...raw, kind: ComplicationKind.INFECTION }).has('symptomatic')).toBe(false);
    const message = formIssues(rules, raw).find((i) => i.field === 'symptomatic')!.message;
    expect(message).toBe('symptomatic is required for a cement leakage: choose yes or no');
    expect(message).not.toMatch(/true or false/);
  });
});

describe('rules that need the patient’s other records, in the browser', () => {
  const related: RelatedRecords = {
    treatments: [{ id: TREATMENT, startDate: '2024-03-10', levels: [{ fractureId: FRACTURE }] }],
    assessments: [{ id: 'v1', treatmentId: TREATMENT, timePoint: 'M1', status: 'DONE', visitDate: '2024-04-09' }],
    fractures: [{ id: FRACTURE, level: 'L1' }],
    diedOn: '2024-06-01',
  };

  it('refuses a visit before its treatment, after the death, or at a time point already recorded', () => {
    expect(visitIssues({ treatmentId: TREATMENT, timePoint: 'UNSCHEDULED', status: 'DONE', visitDate: '2024-03-01' }, related).map((i) => i.rule)).toEqual([
      'notBeforeTreatment',
    ]);
    expect(visitIssues({ treatmentId: TREATMENT, timePoint: 'UNSCHEDULED', status: 'DONE', visitDate: '2024-06-05' }, related).map((i) => i.rule)).toEqual([
      'notAfterDeath',
    ]);
    expect(visitIssues({ treatmentId: TREATMENT, timePoint: 'M1', status: 'DONE', visitDate: '2024-04-10' }, related).map((i) => i.rule)).toEqual(['unique']);
    // Editing that visit itself is no clash.
    expect(visitIssues({ treatmentId: TREATMENT, timePoint: 'M1', status: 'DONE', visitDate: '2024-04-10' }, related, 'v1')).toEqual([]);
  });

  it('refuses a death before the first treatment or a completed visit', () => {
    expect(deathIssues({ diedOn: '2024-03-01' }, related)[0].rule).toBe('notBeforeTreatment');
    expect(deathIssues({ diedOn: '2024-04-01' }, related)[0].rule).toBe('notBeforeVisit');
    expect(deathIssues({ diedOn: '2024-05-01' }, related)).toEqual([]);
  });
});
