import { EQ5D_QUESTIONS, ODI_QUESTIONS, QUESTIONNAIRES, RMDQ_STATEMENTS } from './questionnaires';

describe('the questionnaires the visit form shows', () => {
  it("have the instruments' shapes: ten ODI sections of six statements (0-5), five EQ-5D-5L dimensions of five levels, 24 RMDQ statements", () => {
    expect(ODI_QUESTIONS).toHaveLength(10);
    for (const q of ODI_QUESTIONS) expect(q.statements).toHaveLength(6);
    expect(ODI_QUESTIONS.map((q) => q.section.split(' ')[0])).toEqual([
      'Pain',
      'Personal',
      'Lifting',
      'Walking',
      'Sitting',
      'Standing',
      'Sleeping',
      'Sex',
      'Social',
      'Travelling',
    ]);
    expect(EQ5D_QUESTIONS.map((q) => q.dimension)).toEqual(['Mobility', 'Self-care', 'Usual activities', 'Pain / discomfort', 'Anxiety / depression']);
    for (const q of EQ5D_QUESTIONS) expect(q.levels).toHaveLength(5);
    expect(new Set(RMDQ_STATEMENTS).size).toBe(24);
    // What the build writes to questionnaires.json and the form reads back.
    expect(JSON.parse(JSON.stringify(QUESTIONNAIRES))).toEqual({ odi: ODI_QUESTIONS, eq5d: EQ5D_QUESTIONS, rmdq: RMDQ_STATEMENTS });
  });
});
