import { ADMIN, COORD_NORTH, describeEachDatabase, RESEARCHER } from '@vfr/api-testing';
import { LEVEL_REGIONS, LevelRegion } from '@vfr/domain';

const SIZE = `query($f: CohortFilterInput, $g: TreatmentGrouping) { cohortSize(filter: $f, grouping: $g) { total threshold groups { group n suppressed } } }`;

describeEachDatabase('cohorts', (t) => {
  // Every patient's cohort features, computed in JS from raw rows: the independent check of the SQL.
  let patients: {
    id: string;
    site: string;
    sex: string;
    age: number;
    first: string;
    received: string;
    genants: number[];
    levels: string[];
    causes: string[];
    baseline: number | null;
    fractureAge: number;
    cancer: boolean;
    anaesthesia: string | null;
    approach: string | null;
    cement: number | null;
    cfs: number | null;
    drug: string | null;
    mobility: string | null;
  }[];

  beforeAll(async () => {
    const q = (s: string) => t().db.dataSource.query(s);
    const [ps, ts, tls, fs, as] = await Promise.all([
      q(
        `SELECT p.id, s.code, p.sex, p.birth_year, p.active_cancer, p.clinical_frailty_scale, p.anti_osteoporotic_drug, p.pre_fracture_mobility FROM patient p JOIN site s ON s.id = p.site_id WHERE p.withdrawn_at IS NULL`,
      ),
      q(`SELECT id, patient_id, kind, start_date, created_at, anaesthesia, approach FROM treatment WHERE withdrawn_at IS NULL`),
      q(`SELECT treatment_id, fracture_id, cement_volume_ml FROM treated_level`),
      q(`SELECT id, level, genant_grade, cause, onset_date FROM fracture WHERE withdrawn_at IS NULL`),
      q(`SELECT treatment_id, nrs_activity, nrs_rest FROM assessment WHERE time_point = 'BASELINE' AND status = 'DONE' AND withdrawn_at IS NULL`),
    ]);
    const days = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / 86400000);
    patients = ps.flatMap((p: any) => {
      const mine = ts
        .filter((x: any) => x.patient_id === p.id)
        .sort((a: any, b: any) => a.start_date.localeCompare(b.start_date) || a.created_at - b.created_at);
      if (!mine.length) return [];
      const index = mine[0];
      const treated = tls.filter((l: any) => l.treatment_id === index.id);
      const fr = treated.map((l: any) => fs.find((f: any) => f.id === l.fracture_id));
      // The procedure's cement over all its levels; unknown when any level has none recorded.
      const cement =
        treated.length && treated.every((l: any) => l.cement_volume_ml !== null) ? treated.reduce((a: number, l: any) => a + l.cement_volume_ml, 0) : null;
      const base = as.find((a: any) => a.treatment_id === index.id);
      return [
        {
          id: p.id,
          site: p.code,
          sex: p.sex,
          age: Number(index.start_date.slice(0, 4)) - p.birth_year,
          first: index.kind,
          received: mine[mine.length - 1].kind,
          genants: fr.map((f: any) => f.genant_grade),
          levels: fr.map((f: any) => f.level),
          causes: fr.map((f: any) => f.cause),
          baseline: base ? (base.nrs_activity ?? base.nrs_rest) : null,
          fractureAge: days(fr.map((f: any) => f.onset_date).sort()[0], index.start_date),
          cancer: p.active_cancer,
          anaesthesia: index.anaesthesia,
          approach: index.approach,
          cement,
          cfs: p.clinical_frailty_scale,
          drug: p.anti_osteoporotic_drug,
          mobility: p.pre_fracture_mobility,
        },
      ];
    });
  });

  type P = (typeof patients)[number];
  // Both treatment groupings group by the first treatment; per protocol only ends follow-up earlier.
  const byFirst = (p: P): string | null => p.first;
  const expectCounts = async (filter: Record<string, unknown>, keep: (p: P) => boolean, grouping = 'FIRST_TREATMENT', groupOf = byFirst) => {
    const r = await t().gql(SIZE, { f: filter, g: grouping }, await t().login(ADMIN));
    expect(r.errors).toBeUndefined();
    const expected: Record<string, number> = {};
    for (const p of patients.filter(keep)) {
      const g = groupOf(p);
      if (g !== null) expected[g] = (expected[g] ?? 0) + 1;
    }
    const got = Object.fromEntries(r.data!.cohortSize.groups.map((g: any) => [g.group, g.n]));
    expect(got).toEqual(expected);
    return r.data!.cohortSize;
  };

  it('counts the whole registry by first treatment, also per protocol', async () => {
    const all = await expectCounts({}, () => true);
    expect(all.total).toBe(patients.length);
    await expectCounts({}, () => true, 'PER_PROTOCOL');
  });

  it('compares procedures by anaesthesia, approach and cement volume per level, leaving out conservative care and unrecorded details', async () => {
    const procedure = (v: string | null) => (p: P) => (p.first === 'CONSERVATIVE' ? null : v);
    const anaesthesia = await expectCounts(
      {},
      () => true,
      'ANAESTHESIA',
      (p) => procedure(p.anaesthesia)(p),
    );
    expect(anaesthesia.groups.length).toBeGreaterThanOrEqual(2);
    for (const g of anaesthesia.groups) expect(['GENERAL', 'LOCAL', 'SEDATION']).toContain(g.group);
    expect(anaesthesia.total).toBe(patients.filter((p) => p.first !== 'CONSERVATIVE' && p.anaesthesia !== null).length);
    expect(anaesthesia.total).toBeLessThan(patients.length);
    await expectCounts(
      {},
      () => true,
      'APPROACH',
      (p) => procedure(p.approach)(p),
    );
    // Bands per treated level: under 3 ml, 3 to under 5, 5 or more (a volume of exactly 3 is in the middle band).
    const band = (p: P) => {
      if (p.first === 'CONSERVATIVE' || p.cement === null || p.levels.length === 0) return null;
      const perLevel = p.cement / new Set(p.levels).size;
      return perLevel < 3 ? '0_TO_3_ML_PER_LEVEL' : perLevel < 5 ? '3_TO_5_ML_PER_LEVEL' : '5_ML_OR_MORE_PER_LEVEL';
    };
    const cement = await expectCounts({}, () => true, 'CEMENT_VOLUME', band);
    expect(cement.groups.map((g: any) => g.group)).toEqual(
      ['0_TO_3_ML_PER_LEVEL', '3_TO_5_ML_PER_LEVEL', '5_ML_OR_MORE_PER_LEVEL'].filter((b) => patients.some((p) => band(p) === b)),
    );
    expect(cement.groups.length).toBeGreaterThanOrEqual(2);
    // With a filter too: women only.
    await expectCounts({ sex: 'FEMALE' }, (p) => p.sex === 'FEMALE', 'CEMENT_VOLUME', band);
  });

  it('applies each filter as the same rule computed from the raw rows', async () => {
    const thoracolumbar = LEVEL_REGIONS[LevelRegion.THORACOLUMBAR] as string[];
    await expectCounts({ ageMin: 70, ageMax: 85, sex: 'FEMALE' }, (p) => p.age >= 70 && p.age <= 85 && p.sex === 'FEMALE');
    await expectCounts({ genantGrades: [3] }, (p) => p.genants.includes(3));
    await expectCounts({ levelRegions: ['THORACOLUMBAR'] }, (p) => p.levels.some((l) => thoracolumbar.includes(l)));
    await expectCounts({ causes: ['METASTASIS', 'MYELOMA'] }, (p) => p.causes.some((c) => c === 'METASTASIS' || c === 'MYELOMA'));
    await expectCounts({ fractureAges: ['ACUTE'] }, (p) => p.fractureAge < 42);
    await expectCounts({ fractureAges: ['SUBACUTE', 'CHRONIC'] }, (p) => p.fractureAge >= 42);
    await expectCounts({ baselineNrsMin: 8 }, (p) => p.baseline !== null && p.baseline >= 8);
    await expectCounts({ treatmentKinds: ['KYPHOPLASTY'], activeCancer: false }, (p) => p.first === 'KYPHOPLASTY' && !p.cancer);
    await expectCounts({ anaesthesia: ['LOCAL', 'SEDATION'] }, (p) => p.anaesthesia === 'LOCAL' || p.anaesthesia === 'SEDATION');
    await expectCounts({ approaches: ['UNIPEDICULAR'] }, (p) => p.approach === 'UNIPEDICULAR');
    await expectCounts({ cementVolumeMin: 4, cementVolumeMax: 9.5 }, (p) => p.cement !== null && p.cement >= 4 && p.cement <= 9.5);
    await expectCounts({ frailtyMin: 5, frailtyMax: 7 }, (p) => p.cfs !== null && p.cfs >= 5 && p.cfs <= 7);
    await expectCounts({ osteoporosisDrug: true }, (p) => p.drug !== null && p.drug !== 'NONE');
    await expectCounts({ osteoporosisDrug: false }, (p) => p.drug === 'NONE');
    await expectCounts({ preFractureMobility: ['WALKER', 'WHEELCHAIR'] }, (p) => p.mobility === 'WALKER' || p.mobility === 'WHEELCHAIR');
    const conservative = await expectCounts({ anaesthesia: ['GENERAL'], treatmentKinds: ['CONSERVATIVE'] }, () => false);
    expect(conservative.total).toBe(0);
  });

  it('refuses an inconsistent filter with a field error', async () => {
    const r = await t().gql(SIZE, { f: { ageMin: 80, ageMax: 70 } }, await t().login(ADMIN));
    expect(r.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ageMax' });
    const date = await t().gql(SIZE, { f: { treatedFrom: '2024-13-01' } }, await t().login(ADMIN));
    expect(date.errors![0].extensions).toMatchObject({ field: 'treatedFrom' });
  });

  it('suppresses small groups for researchers, with a complement, but not for coordinators', async () => {
    // A cohort small enough that at least one group falls under the threshold.
    const filter = { genantGrades: [3], ageMin: 80 };
    const researcher = (await t().gql(SIZE, { f: filter }, await t().login(RESEARCHER))).data!.cohortSize;
    const admin = (await t().gql(SIZE, { f: filter }, await t().login(ADMIN))).data!.cohortSize;
    const small = admin.groups.filter((g: any) => g.n < 11);
    if (admin.total >= 11 && small.length > 0) {
      const hidden = researcher.groups.filter((g: any) => g.suppressed);
      expect(hidden.length).toBeGreaterThanOrEqual(Math.max(2, small.length));
      for (const g of hidden) expect(g.n).toBeNull();
      // Recovering a hidden group from the total: only the sum of the hidden ones comes out.
      const shown = researcher.groups.filter((g: any) => !g.suppressed).reduce((a: number, g: any) => a + g.n, 0);
      expect(researcher.total - shown).toBe(hidden.reduce((a: number, g: any) => a + admin.groups.find((x: any) => x.group === g.group).n, 0));
    } else {
      expect(researcher.total === null || researcher.groups.every((g: any) => g.n === null || g.n >= 11)).toBe(true);
    }
    const coordinator = (await t().gql(SIZE, { f: filter }, await t().login(COORD_NORTH))).data!.cohortSize;
    expect(coordinator.groups.every((g: any) => !g.suppressed)).toBe(true);
  });

  it('saves, shares, renames and withdraws cohorts; only the owner may change one', async () => {
    const researcher = await t().login(RESEARCHER);
    const saved = await t().gql(
      `mutation($i: SaveCohortInput!) { saveCohort(input: $i) { id version name shared filter } }`,
      {
        i: { name: 'Elderly kyphoplasty', filter: { treatmentKinds: ['KYPHOPLASTY'], ageMin: 80 }, shared: true },
      },
      researcher,
    );
    expect(saved.data!.saveCohort).toMatchObject({ version: 1, shared: true, filter: { treatmentKinds: ['KYPHOPLASTY'], ageMin: 80 } });
    const dup = await t().gql(
      `mutation($i: SaveCohortInput!) { saveCohort(input: $i) { id } }`,
      { i: { name: 'Elderly kyphoplasty', filter: {}, shared: false } },
      researcher,
    );
    expect(dup.errors![0].extensions).toMatchObject({ code: 'CONFLICT', field: 'name' });
    const coordinator = await t().login(COORD_NORTH);
    const visible = await t().gql(`{ savedCohorts { name } }`, {}, coordinator);
    expect(visible.data!.savedCohorts.map((c: any) => c.name)).toContain('Elderly kyphoplasty');
    const foreign = await t().gql(
      `mutation($i: UpdateSavedCohortInput!) { updateSavedCohort(input: $i) { id } }`,
      { i: { id: saved.data!.saveCohort.id, version: 1, name: 'Mine now' } },
      coordinator,
    );
    expect(foreign.errors![0].extensions!.code).toBe('FORBIDDEN');
    const renamed = await t().gql(
      `mutation($i: UpdateSavedCohortInput!) { updateSavedCohort(input: $i) { name version } }`,
      { i: { id: saved.data!.saveCohort.id, version: 1, name: 'Octogenarians, kyphoplasty' } },
      researcher,
    );
    expect(renamed.data!.updateSavedCohort).toEqual({ name: 'Octogenarians, kyphoplasty', version: 2 });
    const gone = await t().gql(
      `mutation($i: WithdrawInput!) { withdrawSavedCohort(input: $i) { withdrawnAt } }`,
      { i: { id: saved.data!.saveCohort.id, version: 2, reason: 'done' } },
      researcher,
    );
    expect(gone.errors).toBeUndefined();
    expect((await t().gql(`{ savedCohorts { name } }`, {}, researcher)).data!.savedCohorts).toEqual([]);
    // The rename and the delete (a withdrawal with its reason) are in the audit trail, by whom.
    const audit = await t().db.dataSource.query(
      `SELECT action, actor_email, reason, before->>'name' AS before, after->>'name' AS after FROM audit_event WHERE entity_type = 'SavedCohort' AND entity_id = $1 ORDER BY id`,
      [saved.data!.saveCohort.id],
    );
    expect(audit.map((a: any) => [a.action, a.actor_email])).toEqual([
      ['CREATE', RESEARCHER],
      ['UPDATE', RESEARCHER],
      ['WITHDRAW', RESEARCHER],
    ]);
    expect(audit[1]).toMatchObject({ before: 'Elderly kyphoplasty', after: 'Octogenarians, kyphoplasty' });
    expect(audit[2].reason).toBe('done');
  });
});
