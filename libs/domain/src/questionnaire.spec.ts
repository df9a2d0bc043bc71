import { Eq5dValueSet } from './enums';
import { checkQuestionnaireWording, placeholderWording, readQuestionnaireForm } from './questionnaire';

const complete = (over: Record<string, unknown> = {}) => ({
  respondent: 'PATIENT',
  nrsRest: '4',
  nrsActivity: '7',
  ...Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`odi${i + 1}`, '2'])),
  rmdq1: 'yes',
  ...Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`eq5d${i + 1}`, '3'])),
  eq5dVas: '60',
  ...over,
});

describe("reading a patient's questionnaire form", () => {
  it('reads a complete form into the values a visit stores', () => {
    const r = readQuestionnaireForm(complete(), Eq5dValueSet.ENGLAND);
    expect(r.issues).toEqual([]);
    expect(r.answers).toEqual({
      respondent: 'PATIENT',
      nrsRest: 4,
      nrsActivity: 7,
      odiItems: Array(10).fill(2),
      rmdqItems: [true, ...Array(23).fill(false)],
      eq5dLevels: [3, 3, 3, 3, 3],
      eq5dVas: 60,
    });
  });

  it('leaves blank ODI sections and an unanswered EQ-5D-5L out, and takes unticked statements as no', () => {
    const r = readQuestionnaireForm(
      complete({ odi8: '', eq5d1: '', eq5d2: '', eq5d3: '', eq5d4: '', eq5d5: '', eq5dVas: '', rmdq1: undefined }),
      Eq5dValueSet.ENGLAND,
    );
    expect(r.answers).toMatchObject({ odiItems: [2, 2, 2, 2, 2, 2, 2, null, 2, 2], eq5dLevels: null, eq5dVas: null, rmdqItems: Array(24).fill(false) });
  });

  it.each([
    ['nrsRest', '11', 'range'],
    ['nrsRest', '4.5', 'range'],
    ['nrsActivity', '', 'required'],
    ['respondent', 'NURSE', 'enum'],
    ['odi4', '6', 'range'],
    ['eq5d3', '0', 'range'],
    ['eq5dVas', '101', 'range'],
    ['rmdq9', 'on', 'enum'],
    ['nrsRest', ['4', '5'], 'single'],
    ['nrsRest', '4'.repeat(9), 'maxLength'],
    ['siteId', 'x', 'unknown'],
  ])('refuses %s = %j (%s), naming the field and the rule', (field, value, rule) => {
    const r = readQuestionnaireForm(complete({ [field]: value }), Eq5dValueSet.ENGLAND);
    expect(r.answers).toBeNull();
    expect(r.issues).toContainEqual(expect.objectContaining({ field, rule }));
  });

  it('refuses a half-answered EQ-5D-5L, naming each question left', () => {
    const r = readQuestionnaireForm(complete({ eq5d2: '', eq5d5: '' }), Eq5dValueSet.ENGLAND);
    expect(r.issues.map((i) => [i.field, i.rule])).toEqual([
      ['eq5d2', 'required'],
      ['eq5d5', 'required'],
    ]);
  });
});

describe('the licensed wording file', () => {
  it('accepts the placeholders, which are marked as such', () => {
    const w = placeholderWording();
    expect(checkQuestionnaireWording(w)).toEqual([]);
    expect(w.en.placeholder && w.de.placeholder).toBe(true);
    expect(w.en.odi[0].options[0]).toMatch(/^\[Placeholder\]/);
  });

  it("says where a file departs from the instruments' structure", () => {
    const w = placeholderWording();
    const broken = {
      en: { ...w.en, rmdq: w.en.rmdq.slice(1) },
      de: { ...w.de, odi: w.de.odi.map((s, i) => (i === 2 ? { ...s, options: s.options.slice(0, 5) } : s)) },
    };
    expect(checkQuestionnaireWording(broken)).toEqual(['en.rmdq must be a list of 24', 'de.odi.3.options must be a list of 6']);
    expect(checkQuestionnaireWording({ en: w.en })).toEqual(['de is missing']);
  });
});
