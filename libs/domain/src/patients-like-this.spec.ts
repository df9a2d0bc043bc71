import {
  describeStep,
  gowerDistance,
  MATCH_STEPS,
  MATCH_VARIABLES,
  MatchCandidate,
  matchTier,
  meetsStep,
  PatientProfile,
  patientProfileSchema,
  selectMatches,
} from './patients-like-this';
import { validate } from './validation';
import { ValidationError } from './errors';
import { FractureCause, LevelRegion, OfClass, PreFractureMobility, Sex, TreatmentKind } from './enums';

const base: MatchCandidate = {
  age: 78,
  sex: 'FEMALE',
  fractureAgeDays: 20,
  genantGrade: 2,
  ofClasses: ['OF2'],
  causes: ['OSTEOPOROTIC'],
  levels: ['L1'],
  baselineNrs: 8,
  baselineOdi: 60,
  asaClass: 2,
  activeCancer: false,
  ongoingCancerTherapy: false,
  preFractureMobility: 'INDEPENDENT',
};

const profile: PatientProfile = {
  age: 78,
  sex: Sex.FEMALE,
  fractureAgeDays: 20,
  genantGrade: 2,
  ofClass: OfClass.OF2,
  cause: FractureCause.OSTEOPOROTIC,
  levelRegion: LevelRegion.THORACOLUMBAR,
  baselineNrs: 8,
  baselineOdi: 60,
  asaClass: 2,
  activeCancer: false,
  ongoingCancerTherapy: false,
  preFractureMobility: PreFractureMobility.INDEPENDENT,
};

/** A small deterministic generator (the tests must be the same each run). */
function lcg(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function randomCandidate(r: () => number): MatchCandidate {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const maybe = <T>(v: T) => (r() < 0.15 ? null : v);
  return {
    age: maybe(55 + Math.floor(r() * 45)),
    sex: pick(['FEMALE', 'MALE']),
    fractureAgeDays: maybe(Math.floor(r() * 200)),
    genantGrade: maybe(Math.floor(r() * 4)),
    ofClasses: maybe([pick(['OF1', 'OF2', 'OF3', 'OF4', 'OF5', null])]),
    causes: [pick(['OSTEOPOROTIC', 'TRAUMATIC', 'METASTASIS'])],
    levels: [pick(['T6', 'T12', 'L1', 'L4'])],
    baselineNrs: maybe(Math.floor(r() * 11)),
    baselineOdi: maybe(Math.floor(r() * 101)),
    asaClass: maybe(1 + Math.floor(r() * 5)),
    activeCancer: r() < 0.2,
    ongoingCancerTherapy: r() < 0.1,
    preFractureMobility: maybe(pick(['INDEPENDENT', 'WALKING_STICK', 'WALKER', 'WHEELCHAIR', 'BEDBOUND'])),
  };
}

describe('patients like this one: the matching rule', () => {
  it("computes Gower's distance as the mean dissimilarity over the variables known on both sides", () => {
    expect(gowerDistance(profile, base)).toBe(0);
    // Age 15 years off (span 30: 0.5), another sex (1), NRS 3 off (0.3): (0.5 + 1 + 0.3) / 13.
    const other = { ...base, age: 93, sex: 'MALE', baselineNrs: 5 };
    // Ages above 89 count as 90: 12 years off, 0.4.
    expect(gowerDistance(profile, other)).toBeCloseTo((0.4 + 1 + 0.3) / 13, 6);
    // A value unknown on either side leaves the mean: 12 variables, one of them differing fully.
    expect(gowerDistance(profile, { ...base, baselineOdi: null, sex: 'MALE' })).toBeCloseTo(1 / 12, 6);
    expect(gowerDistance({ age: 70, sex: Sex.MALE }, { ...base, age: 100 })).toBeCloseTo((1 + 20 / 30) / 2, 6);
    // Differences beyond the span count as 1, no more.
    expect(gowerDistance({ age: 70, sex: Sex.MALE, fractureAgeDays: 0 }, { ...base, age: 70, sex: 'MALE', fractureAgeDays: 400 })).toBeCloseTo(1 / 3, 6);
    // The cause matches when it is among the candidate's; the region when a level lies in it.
    expect(gowerDistance(profile, { ...base, causes: ['TRAUMATIC', 'OSTEOPOROTIC'], levels: ['T6', 'T12'] })).toBe(0);
    expect(gowerDistance(profile, { ...base, levels: ['L4'] })).toBeCloseTo(1 / 13, 6);
    // The most severe OF class counts: OF4 against OF2 is 2 of a span of 4.
    expect(gowerDistance(profile, { ...base, ofClasses: ['OF1', 'OF4'] })).toBeCloseTo(0.5 / 13, 6);
    expect(MATCH_VARIABLES).toHaveLength(13);
  });

  it('widens step by step: each step only loosens the one before, and the last takes everyone', () => {
    for (let i = 1; i < MATCH_STEPS.length; i++) {
      const strict = MATCH_STEPS[i - 1];
      const loose = MATCH_STEPS[i];
      for (const v of loose.exact) expect({ step: loose.step, v, exactBefore: strict.exact.includes(v) }).toEqual({ step: loose.step, v, exactBefore: true });
      for (const [v, caliper] of Object.entries(loose.calipers)) {
        const before = strict.exact.includes(v as never) ? 0 : strict.calipers[v as never];
        expect({ step: loose.step, v, implied: before !== undefined && before <= caliper }).toEqual({ step: loose.step, v, implied: true });
      }
    }
    const last = MATCH_STEPS[MATCH_STEPS.length - 1];
    expect(last.exact).toEqual([]);
    expect(last.calipers).toEqual({});

    // And on data: whoever meets a step meets every later one.
    const r = lcg(7);
    for (let n = 0; n < 1000; n++) {
      const c = randomCandidate(r);
      const p = { ...profile, ...(n % 3 === 0 ? { baselineOdi: null, ofClass: null } : {}) };
      const met = MATCH_STEPS.map((s) => meetsStep(s, p, c));
      for (let i = 1; i < met.length; i++) if (met[i - 1]) expect(met[i]).toBe(true);
      expect(met[met.length - 1]).toBe(true);
    }
  });

  it('applies calipers and exact matches only to what the profile gives, and fails them on what the candidate lacks', () => {
    expect(matchTier(profile, base)).toBe(1);
    expect(matchTier(profile, { ...base, age: 84 })).toBe(2); // 6 years: outside step 1's 5
    expect(matchTier(profile, { ...base, sex: 'MALE' })).toBe(2); // sex is exact only in step 1
    expect(matchTier(profile, { ...base, levels: ['T6'] })).toBe(3);
    expect(matchTier(profile, { ...base, causes: ['TRAUMATIC'] })).toBe(4);
    expect(matchTier(profile, { ...base, activeCancer: true })).toBe(5);
    expect(matchTier(profile, { ...base, baselineNrs: null })).toBe(4); // NRS calipered up to step 3
    // A profile without NRS puts no caliper on it.
    expect(matchTier({ ...profile, baselineNrs: null }, { ...base, baselineNrs: null })).toBe(1);
  });

  it('takes, per path, the nearest patients in order of the strictest step they meet, and says how far it widened', () => {
    const r = lcg(42);
    const paths = [TreatmentKind.CONSERVATIVE, TreatmentKind.VERTEBROPLASTY, TreatmentKind.KYPHOPLASTY];
    const candidates = Array.from({ length: 900 }, (_, i) => ({
      ...randomCandidate(r),
      path: i < 30 ? TreatmentKind.VERTEBROPLASTY : paths[i % 3 === 1 ? 0 : i % 3 === 2 ? 2 : 0],
      recordKey: Math.floor(r() * 2 ** 20),
      id: `p${String(i).padStart(4, '0')}`,
    }));
    const got = selectMatches(profile, candidates, 40);
    expect(got.get(TreatmentKind.VERTEBROPLASTY)!.matches).toHaveLength(30); // all it has
    expect(got.get(TreatmentKind.VERTEBROPLASTY)!.widestStep).toBe(5);
    for (const path of [TreatmentKind.CONSERVATIVE, TreatmentKind.KYPHOPLASTY]) {
      const { matches, widestStep } = got.get(path)!;
      expect(matches).toHaveLength(40);
      const tiers = matches.map((c) => matchTier(profile, c));
      expect(tiers).toEqual([...tiers].sort((a, b) => a - b));
      expect(widestStep).toBe(tiers[tiers.length - 1]);
      // Nobody left out is better placed than the last one taken.
      const last = matches[matches.length - 1];
      const lastKey = [matchTier(profile, last), gowerDistance(profile, last)];
      for (const c of candidates.filter((x) => x.path === path && !matches.includes(x))) {
        const key = [matchTier(profile, c), gowerDistance(profile, c)];
        expect(key[0] > lastKey[0] || (key[0] === lastKey[0] && key[1] >= lastKey[1])).toBe(true);
      }
      // Fewer than 40 met the step before the widest: that is why it widened.
      expect(candidates.filter((c) => c.path === path && matchTier(profile, c) < widestStep!).length).toBeLessThan(40);
    }
  });

  it('refuses a bad profile naming the field and the rule', () => {
    const issues = (input: unknown) => {
      try {
        validate(patientProfileSchema, input);
        return [];
      } catch (e) {
        return (e as ValidationError).issues.map((i) => `${i.field}:${i.rule}`);
      }
    };
    expect(issues({ age: 78, sex: 'FEMALE' })).toEqual([]);
    expect(issues({ sex: 'FEMALE' })).toEqual(['age:required']);
    expect(issues({ age: 12, sex: 'FEMALE', baselineNrs: 11, ofClass: 'OF9' })).toEqual(['age:range', 'ofClass:enum', 'baselineNrs:range']);
  });
});

describe('patients like this one: each step in words', () => {
  it('names every constraint a full profile brings into play', () => {
    expect(describeStep(MATCH_STEPS[0], profile)).toBe(
      'same cancer status, cancer therapy, cause, OF class, level region, sex and Genant grade; age within 5 years, fracture age within 21 days, baseline NRS within 1, ODI within 10, ASA class within 1, mobility within 1 step',
    );
    expect(describeStep(MATCH_STEPS[2], profile)).toBe(
      'same cancer status and cause; OF class within 1, age within 15 years, fracture age within 90 days, baseline NRS within 3',
    );
    expect(describeStep(MATCH_STEPS[4], profile)).toBe('the nearest in the registry by distance alone');
  });

  it('says nothing of a value the profile leaves unknown, since no step applies it', () => {
    const sparse: PatientProfile = { age: 81, sex: Sex.FEMALE, baselineNrs: 8 };
    expect(describeStep(MATCH_STEPS[0], sparse)).toBe('same sex; age within 5 years, baseline NRS within 1');
    expect(describeStep(MATCH_STEPS[1], sparse)).toBe('age within 10 years, baseline NRS within 2');
    expect(describeStep(MATCH_STEPS[3], sparse)).toBe('age within 20 years');
  });
});
