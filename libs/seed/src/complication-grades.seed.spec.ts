import { ADMIN, describeEachDatabase } from '@vfr/api-testing';
import { ClavienDindoGrade, complicationCreateSchema, fieldIssues, MAJOR_CLAVIEN_DINDO } from '@vfr/domain';
import { generateRegistry } from './synthetic-registry';

const camel = (row: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(row).map(([k, v]) => [k.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase()), v]));

// The seed's Clavien-Dindo grades (docs/methods.md, Complication rates): valid for the domain's
// rules, plausible for each kind, some left unrecorded, and enough major ones that the demo's
// complication figure has a major row to show in every procedure group.
describe('synthetic registry: Clavien-Dindo grades', () => {
  const registry = generateRegistry({ patients: 3000, sites: [{ id: '11111111-1111-4111-8111-111111111111', code: 'A' }], seed: 11, today: '2026-06-30' });
  const { complication } = registry;
  const grades = (test: (c: Record<string, unknown>) => boolean) => new Set(complication.filter(test).map((c) => c.clavien_dindo));
  const share = (rows: Record<string, unknown>[], test: (c: Record<string, unknown>) => boolean) => rows.filter(test).length / rows.length;
  const major = (c: Record<string, unknown>) => MAJOR_CLAVIEN_DINDO.includes(c.clavien_dindo as ClavienDindoGrade);

  it('gives every complication a grade the create schema accepts, or none', () => {
    expect(complication.length).toBeGreaterThan(500);
    expect(complication.flatMap((c) => fieldIssues(complicationCreateSchema, camel(c)))).toEqual([]);
    expect(complication.filter((c) => c.kind === 'DEATH' || c.clavien_dindo === 'V')).toEqual([]);
  });

  it('grades each kind plausibly: a silent leakage none or I, a symptomatic one II to IIIB, an embolism up to IVA', () => {
    const leakage = (symptomatic: boolean) => (c: Record<string, unknown>) => c.kind === 'CEMENT_LEAKAGE' && c.symptomatic === symptomatic;
    expect(grades(leakage(false))).toEqual(new Set([null, 'I']));
    // Most silent leakages are recorded without a grade (docs/methods.md).
    expect(share(complication.filter(leakage(false)), (c) => c.clavien_dindo === null)).toBeGreaterThan(0.5);
    expect([...grades(leakage(true))].every((g) => [null, 'II', 'IIIA', 'IIIB'].includes(g as string))).toBe(true);
    expect(grades(leakage(true))).toContain('IIIB');
    expect([...grades((c) => c.kind === 'PULMONARY_CEMENT_EMBOLISM')].every((g) => [null, 'II', 'IIIA', 'IIIB', 'IVA'].includes(g as string))).toBe(true);
    expect(grades((c) => c.kind === 'PULMONARY_CEMENT_EMBOLISM')).toContain('IVA');
    expect([...grades((c) => c.kind === 'HAEMATOMA')].every((g) => [null, 'I', 'II', 'IIIA'].includes(g as string))).toBe(true);
    // A new fracture found on imaging needs no augmentation of its own; one found by its pain may.
    const newFracture = (c: Record<string, unknown>) => c.kind === 'ADJACENT_LEVEL_FRACTURE' || c.kind === 'REMOTE_FRACTURE';
    expect(grades((c) => newFracture(c) && c.detection !== 'CLINICAL')).toEqual(new Set([null, 'I', 'II']));
    expect(grades((c) => newFracture(c) && c.detection === 'CLINICAL')).toEqual(new Set([null, 'II', 'IIIA', 'IIIB']));
  });

  it('grades most complications but not all, and a few of them major', () => {
    const graded = share(complication, (c) => c.clavien_dindo !== null);
    expect(graded).toBeGreaterThan(0.45);
    expect(graded).toBeLessThan(0.85);
    expect(share(complication, major)).toBeGreaterThan(0.04);
    expect(share(complication, major)).toBeLessThan(0.2);
    // Some of every generated kind left ungraded: the figure's "no grade recorded" has each.
    for (const kind of new Set(complication.map((c) => c.kind)))
      expect({ kind, ungraded: grades((c) => c.kind === kind).has(null) }).toEqual({ kind, ungraded: true });
  });
});

const RATES = `query($g: TreatmentGrouping) { complicationRates(grouping: $g) { group category events n } }`;

// The demo registry as `npm start` seeds it (300 patients, the demo's seed 1): the overview's
// complication figure shows major complications in each procedure group, not a row of zeros.
describeEachDatabase(
  'demo seed: major complications in every procedure group',
  (t) => {
    it.each(['FIRST_TREATMENT', 'PER_PROTOCOL'])('%s: some major, most of the rest minor or ungraded', async (grouping) => {
      const admin = await t().login(ADMIN);
      const r = await t().gql(RATES, { g: grouping }, admin);
      expect(r.errors).toBeUndefined();
      const rates: { group: string; category: string; events: number; n: number }[] = r.data!.complicationRates;
      const cell = (g: string, c: string) => rates.find((p) => p.group === g && p.category === c)!.events;
      for (const g of ['VERTEBROPLASTY', 'KYPHOPLASTY']) {
        const any = cell(g, 'ANY');
        expect({ g, major: cell(g, 'MAJOR') > 0 }).toEqual({ g, major: true });
        expect({ g, minor: cell(g, 'MINOR') > 0, ungraded: cell(g, 'GRADE_NOT_RECORDED') > 0 }).toEqual({ g, minor: true, ungraded: true });
        // Major complications are the few, not the many (a few percent of procedures).
        expect(cell(g, 'MAJOR')).toBeLessThan(any / 2);
        const graded = (cell(g, 'MAJOR') + cell(g, 'MINOR')) / any;
        expect({ g, plausible: graded > 0.3 && graded < 0.9 }).toEqual({ g, plausible: true });
      }
    });
  },
  { patients: 300, seed: 1 },
);
