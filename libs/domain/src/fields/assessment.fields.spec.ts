import { AnalgesicLevel, MissedVisitReason } from '../enums';
import { MISSED_VISIT_REASON_LABELS } from '../missed-visits';
import { fieldAccess, RECORD_FIELDS } from '../field-access';
import { RANGES } from '../ranges';
import { assessmentCreateSchema, assessmentUpdateSchema } from '../schemas';
import { fieldIssues, validate } from '../validation';
import { ASSESSMENT_FIELDS } from './assessment.fields';
import { csvDescription, FieldDefinition, formControl } from './field-definition';

const P = '00000000-0000-4000-8000-000000000001';
const T = '00000000-0000-4000-8000-000000000002';
const done = { patientId: P, treatmentId: T, timePoint: 'M3', visitDate: '2024-04-10', status: 'DONE', nrsRest: 3 };
const defs = Object.entries(ASSESSMENT_FIELDS) as [string, FieldDefinition][];
const issues = (v: unknown) => fieldIssues(assessmentCreateSchema, v).map((i) => `${i.field}:${i.rule}`);

describe('visit field definitions', () => {
  it('take their ranges and units from ranges.ts and their choices from the enums', () => {
    const ranges: Record<string, keyof typeof RANGES> = {
      nrsRest: 'nrs',
      nrsActivity: 'nrs',
      odi: 'odi',
      rmdq: 'rmdq',
      eq5dIndex: 'eq5dIndex',
      eq5dVas: 'eq5dVas',
      anteriorHeightPercent: 'vertebralHeightPercent',
      middleHeightPercent: 'vertebralHeightPercent',
      posteriorHeightPercent: 'vertebralHeightPercent',
      kyphoticAngle: 'kyphoticAngle',
    };
    for (const [name, d] of defs.filter(([, d]) => d.type === 'integer' || d.type === 'number')) {
      const r = RANGES[ranges[name]];
      expect([name, d.type, d.min, d.max, d.unit]).toEqual([name, r.integer ? 'integer' : 'number', r.min, r.max, r.unit]);
    }
    expect(Object.keys(ranges).sort()).toEqual(
      defs
        .filter(([, d]) => d.min !== undefined)
        .map(([n]) => n)
        .sort(),
    );
    expect(ASSESSMENT_FIELDS.analgesicLevel.choices).toEqual(Object.values(AnalgesicLevel));
    expect(ASSESSMENT_FIELDS.missedReason.choices).toEqual(Object.values(MissedVisitReason));
    expect(defs.filter(([, d]) => d.required)).toEqual([]);
    // Not definitions: the references, the time point, date and status, and the questionnaires' items.
    for (const name of ['patientId', 'treatmentId', 'timePoint', 'visitDate', 'status', 'odiItems', 'rmdqItems', 'eq5dLevels'])
      expect(name in ASSESSMENT_FIELDS).toBe(false);
  });

  it('accept every range at its ends and refuse just outside, with the messages of before', () => {
    for (const [name, d] of defs.filter(([, d]) => d.type === 'integer' || d.type === 'number')) {
      for (const v of [d.min!, d.max!]) expect([name, v, issues({ ...done, [name]: v })]).toEqual([name, v, []]);
    }
    expect(fieldIssues(assessmentCreateSchema, { ...done, nrsRest: 11, odi: -1, rmdq: 3.5, eq5dVas: 101, posteriorHeightPercent: 121 })).toEqual([
      { field: 'nrsRest', rule: 'range', message: 'nrsRest must be an integer from 0 to 10 (got 11)' },
      { field: 'odi', rule: 'range', message: 'odi must be a number from 0 to 100 % (got -1)' },
      { field: 'rmdq', rule: 'integer', message: 'rmdq must be a whole number (got 3.5)' },
      { field: 'eq5dVas', rule: 'range', message: 'eq5dVas must be an integer from 0 to 100 (got 101)' },
      { field: 'posteriorHeightPercent', rule: 'range', message: 'posteriorHeightPercent must be a number from 0 to 120 % (got 121)' },
    ]);
    expect(issues({ ...done, analgesicLevel: 'MORPHINE', imagingDone: 'maybe' })).toEqual(['analgesicLevel:enum', 'imagingDone:type']);
    expect(validate(assessmentUpdateSchema, { kyphoticAngle: 12.5 })).toEqual({ kyphoticAngle: 12.5 });
  });

  it('keep the rules between fields in the schema: values only at a visit that was done, opioids against the analgesic level', () => {
    const missed = { ...done, status: 'MISSED', visitDate: null, nrsRest: null };
    expect(issues(missed)).toEqual([]);
    expect(issues({ ...missed, nrsActivity: 4, eq5dVas: 50, kyphoticAngle: 10, imagingDone: true }).sort()).toEqual([
      'eq5dVas:consistency',
      'imagingDone:consistency',
      'kyphoticAngle:consistency',
      'nrsActivity:consistency',
    ]);
    // Imaging not done at a visit that did not take place is no contradiction.
    expect(issues({ ...missed, imagingDone: false })).toEqual([]);
    expect(issues({ ...done, nrsRest: null })).toEqual(['nrsRest:required']);
    expect(issues({ ...done, analgesicLevel: 'NONE', opioidUse: true })).toEqual(['analgesicLevel:analgesicOpioidUse', 'opioidUse:analgesicOpioidUse']);
  });

  it("take a missed visit's reason on a missed visit only, optional there, and refuse it elsewhere naming the field", () => {
    const missed = { ...done, status: 'MISSED', visitDate: null, nrsRest: null };
    expect(validate(assessmentCreateSchema, { ...missed, missedReason: 'DECLINED' })).toMatchObject({ status: 'MISSED', missedReason: 'DECLINED' });
    // Not recorded: the missed visits recorded before the field, or a coordinator who does not know.
    expect(issues({ ...missed, missedReason: null })).toEqual([]);
    expect(issues(missed)).toEqual([]);
    expect(fieldIssues(assessmentCreateSchema, { ...done, missedReason: 'NOT_REACHED' })).toEqual([
      { field: 'missedReason', rule: 'consistency', message: 'missedReason can be recorded for a missed visit only, not for a done one' },
    ]);
    expect(fieldIssues(assessmentCreateSchema, { ...missed, status: 'WITHDRAWN', missedReason: 'TOO_ILL' })).toEqual([
      { field: 'missedReason', rule: 'consistency', message: 'missedReason can be recorded for a missed visit only, not for a withdrawn one' },
    ]);
    expect(issues({ ...missed, missedReason: 'FORGOT' })).toEqual(['missedReason:enum']);
    // An edit is judged on the merged visit: a missed visit made done keeps no reason.
    expect(fieldIssues(assessmentUpdateSchema, { status: 'DONE', visitDate: '2024-04-10', nrsRest: 2, missedReason: 'OTHER' }).map((i) => i.field)).toEqual([
      'missedReason',
    ]);
    // The form offers the worklist's words.
    expect(formControl('missedReason', ASSESSMENT_FIELDS.missedReason).choices).toEqual(
      Object.values(MissedVisitReason).map((value) => ({ value, label: MISSED_VISIT_REASON_LABELS[value] })),
    );
    expect(csvDescription(ASSESSMENT_FIELDS.missedReason)).toBe(
      'Why the visit did not take place (missed visits only) (NOT_REACHED, DECLINED, TOO_ILL, IN_CARE_ELSEWHERE, MOVED_AWAY, OTHER); only when status is MISSED; empty: not recorded',
    );
  });

  it('give every definition its row of the field-access table, with the access of before', () => {
    for (const [name, d] of defs) {
      expect(fieldAccess('Assessment', name)).toEqual({ kind: 'value', about: d.about, access: d.access });
      expect([name, d.access]).toEqual([name, { ADMIN: 'full', COORDINATOR: 'full', RESEARCHER: 'full', DEPARTMENT_HEAD: 'none' }]);
    }
    // The items and where each score came from stay hand-written beside them.
    expect(Object.keys(RECORD_FIELDS.Assessment.fields)).toEqual(
      expect.arrayContaining([...defs.map(([n]) => n), 'odiItems', 'odiSource', 'rmdqItems', 'rmdqSource', 'eq5dLevels', 'eq5dSource', 'eq5dValueSet']),
    );
  });

  it('describe themselves in the import and the form; a score field stays a typed number with its scale in the label', () => {
    expect(csvDescription(ASSESSMENT_FIELDS.odi)).toBe(
      'Oswestry Disability Index 0-100 (0 to 100 %); a value some answer pattern gives (a multiple of 2, of 100/45 or of 2.5); leave it empty when odi_items are given',
    );
    expect(csvDescription(ASSESSMENT_FIELDS.imagingDone)).toBe('Spine imaging (radiograph, CT or MRI) done at the visit (true/false); empty: not recorded');
    for (const name of ['nrsRest', 'nrsActivity', 'odi', 'rmdq', 'eq5dIndex', 'eq5dVas'] as const)
      expect(formControl(name, ASSESSMENT_FIELDS[name]).control).toBe('number');
    expect(formControl('nrsActivity', ASSESSMENT_FIELDS.nrsActivity)).toMatchObject({ label: 'Pain on activity (NRS 0-10)', hint: '0 to 10', step: 1 });
    expect(formControl('odi', ASSESSMENT_FIELDS.odi)).toMatchObject({ label: 'ODI (%)', hint: 'Or answer the questionnaire below (0 to 100)' });
    expect(formControl('imagingDone', ASSESSMENT_FIELDS.imagingDone)).toMatchObject({
      control: 'yesNo',
      label: 'Spine imaging done',
      hint: 'Radiograph, CT or MRI of the spine at this visit',
    });
    expect(formControl('kyphoticAngle', ASSESSMENT_FIELDS.kyphoticAngle).label).toBe('Kyphotic angle (°)');
  });
});
