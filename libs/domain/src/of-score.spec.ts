import { OfClass } from './enums';
import { computeOfScore, OfScoreBand, ofScoreBand } from './of-score';

// Worked examples from the published points table (Blattert et al., Global Spine J 2018; the
// AO Spine-DGOU pocket card): each total is the sum written out beside it.
const complete = {
  tScore: -2.5,
  deformityProgression: false,
  painUnderAnalgesia: 3,
  mobilisedUnderAnalgesia: true,
  asaClass: 2,
  modifiedFrailtyIndex: 0,
  anticoagulation: false,
};

describe('OF-Score', () => {
  it('bands totals: 5 or less conservative, 6 either, 7 or more surgery', () => {
    expect([0, 5, 6, 7, 13].map(ofScoreBand)).toEqual([
      OfScoreBand.CONSERVATIVE,
      OfScoreBand.CONSERVATIVE,
      OfScoreBand.EITHER,
      OfScoreBand.SURGERY,
      OfScoreBand.SURGERY,
    ]);
  });

  it('OF2, mobile, little pain: 4 + 0 - 1 - 1 + 0 - 1 + 0 = 1, conservative care', () => {
    const s = computeOfScore({ ...complete, fractures: [{ ofClass: OfClass.OF2, neurologicalDeficit: false }] });
    expect(s).toMatchObject({ total: 1, band: OfScoreBand.CONSERVATIVE, missing: [], bandSettled: true, possibleMin: 1, possibleMax: 1 });
  });

  it('OF3, T-score -3.2, VAS 5 (the threshold), mobile: 6 + 1 - 1 + 1 + 0 - 1 + 0 = 6, either', () => {
    const s = computeOfScore({ ...complete, tScore: -3.2, painUnderAnalgesia: 5, fractures: [{ ofClass: OfClass.OF3, neurologicalDeficit: false }] });
    expect(s.total).toBe(6);
    expect(s.band).toBe(OfScoreBand.EITHER);
    expect(s.components.map((c) => [c.name, c.points])).toEqual([
      ['morphology', 6],
      ['osteoporosis', 1],
      ['deformityProgression', -1],
      ['pain', 1],
      ['neurology', 0],
      ['mobilisation', -1],
      ['healthStatus', 0],
    ]);
  });

  it('T-score exactly -3 gives no point (the rule is below -3); VAS 4 counts -1', () => {
    const s = computeOfScore({ ...complete, tScore: -3, painUnderAnalgesia: 4, fractures: [{ ofClass: OfClass.OF3, neurologicalDeficit: false }] });
    expect(s.components.find((c) => c.name === 'osteoporosis')!.points).toBe(0);
    expect(s.components.find((c) => c.name === 'pain')!.points).toBe(-1);
  });

  it('OF4 with progression, pain 8, not mobilised, a deficit, on the worst fracture: 8 + 1 + 1 + 1 + 2 + 1 + 0 = 14, surgery', () => {
    const s = computeOfScore({
      ...complete,
      tScore: -3.5,
      deformityProgression: true,
      painUnderAnalgesia: 8,
      mobilisedUnderAnalgesia: false,
      fractures: [
        { ofClass: OfClass.OF2, neurologicalDeficit: false },
        { ofClass: OfClass.OF4, neurologicalDeficit: true },
      ],
    });
    expect(s).toMatchObject({ total: 14, band: OfScoreBand.SURGERY });
    expect(s.components[0]).toMatchObject({ basis: 'OF4', points: 8 });
    // The health status says what was recorded and names what was not, in words.
    const partial = computeOfScore({
      ...complete,
      asaClass: 3,
      modifiedFrailtyIndex: null,
      anticoagulation: null,
      fractures: [{ ofClass: OfClass.OF2, neurologicalDeficit: false }],
    });
    expect(partial.components.find((c) => c.name === 'healthStatus')!.basis).toBe('ASA 3; mFI-5, anticoagulation not recorded');
  });

  it('takes at most -2 for health status: ASA 4, mFI-5 3 and anticoagulation give -2, not -3', () => {
    const s = computeOfScore({
      ...complete,
      asaClass: 4,
      modifiedFrailtyIndex: 3,
      anticoagulation: true,
      fractures: [{ ofClass: OfClass.OF3, neurologicalDeficit: false }],
    });
    expect(s.components.find((c) => c.name === 'healthStatus')!.points).toBe(-2);
    expect(s.total).toBe(6 + 0 - 1 - 1 + 0 - 1 - 2);
  });

  it('counts a missing component 0, names the fields missing, and says whether the band could still change', () => {
    const s = computeOfScore({ tScore: -2, asaClass: 2, fractures: [{ ofClass: OfClass.OF3, neurologicalDeficit: false }] });
    expect(s.missing).toEqual(['deformityProgression', 'painUnderAnalgesia', 'mobilisedUnderAnalgesia', 'modifiedFrailtyIndex', 'anticoagulation']);
    expect(s.total).toBe(6);
    expect(s.possibleMin).toBe(6 - 1 - 1 - 1 - 2);
    expect(s.possibleMax).toBe(6 + 1 + 1 + 1);
    expect(s.bandSettled).toBe(false);

    const none = computeOfScore({ fractures: [] });
    expect(none.missing).toEqual(expect.arrayContaining(['fracture.ofClass', 'fracture.neurologicalDeficit', 'tScore']));
    expect(none.total).toBe(0);
  });

  it('settles the band when the missing components cannot move it: OF5 with a deficit is surgery whatever else', () => {
    const s = computeOfScore({ fractures: [{ ofClass: OfClass.OF5, neurologicalDeficit: true }] });
    expect(s.possibleMin).toBe(10 + 0 - 1 - 1 + 2 - 1 - 2);
    expect(s).toMatchObject({ total: 12, band: OfScoreBand.SURGERY, bandSettled: true });
  });
});
