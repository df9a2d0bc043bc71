import { createHash } from 'crypto';
import { assessmentCreateSchema, fieldIssues, treatmentContradictions, treatmentCreateSchema, TreatmentKind } from '@vfr/domain';
import { generateRegistry } from './synthetic-registry';

const camel = (row: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(row).map(([k, v]) => [k.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase()), v]));

// The seed's hospital use, radiation, cement fill and radiographic follow-up: valid for the
// domain's rules, realistic, deterministic, and drawn from their own stream.
describe('synthetic registry: hospital use and radiographic follow-up', () => {
  const sites = [{ id: '11111111-1111-4111-8111-111111111111', code: 'A' }];
  const registry = generateRegistry({ patients: 1500, sites, seed: 7, today: '2026-06-30' });
  const levels = (id: unknown) => registry.treated_level.filter((l) => l.treatment_id === id).map((l) => camel(l));
  const procedures = registry.treatment.filter((t) => t.kind !== TreatmentKind.CONSERVATIVE);
  const rate = (rows: Record<string, unknown>[], f: (r: Record<string, unknown>) => boolean) => rows.filter(f).length / rows.length;

  it('gives every treatment values the create schema and the readmission rule accept', () => {
    for (const t of registry.treatment.slice(0, 600)) {
      const input = { ...camel(t), levels: levels(t.id) };
      expect([t.id, fieldIssues(treatmentCreateSchema, input)]).toEqual([t.id, []]);
    }
    expect(registry.treatment.flatMap((t) => treatmentContradictions(camel(t)))).toEqual([]);
    expect(
      registry.assessment
        .filter((a) => a.kyphotic_angle != null)
        .slice(0, 2000)
        .flatMap((a) => fieldIssues(assessmentCreateSchema, camel(a))),
    ).toEqual([]);
  });

  it('is realistic: mostly home, readmissions of a few percent, minutes of fluoroscopy, a few to tens of Gy·cm², a quarter to a third of the body filled', () => {
    expect(rate(registry.treatment, (t) => t.discharge_destination === 'HOME')).toBeGreaterThan(0.55);
    expect(registry.treatment.some((t) => t.discharge_destination === 'NURSING_HOME')).toBe(true);
    const recorded = registry.treatment.filter((t) => t.readmitted_within_90_days != null);
    const r30 = rate(recorded, (t) => t.readmitted_within_30_days === true);
    const r90 = rate(recorded, (t) => t.readmitted_within_90_days === true);
    expect(r30).toBeGreaterThan(0.03);
    expect(r30).toBeLessThan(0.15);
    expect(r90).toBeGreaterThan(r30);
    expect(
      registry.treatment
        .filter((t) => t.kind === TreatmentKind.CONSERVATIVE)
        .every((t) => t.fluoroscopy_time_seconds == null && t.dose_area_product_gy_cm2 == null),
    ).toBe(true);
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const perLevel = (t: Record<string, unknown>, v: unknown) => Number(v) / levels(t.id).length;
    expect(median(procedures.filter((t) => t.fluoroscopy_time_seconds != null).map((t) => perLevel(t, t.fluoroscopy_time_seconds)))).toBeGreaterThan(240);
    expect(median(procedures.filter((t) => t.fluoroscopy_time_seconds != null).map((t) => perLevel(t, t.fluoroscopy_time_seconds)))).toBeLessThan(480);
    expect(median(procedures.filter((t) => t.dose_area_product_gy_cm2 != null).map((t) => perLevel(t, t.dose_area_product_gy_cm2)))).toBeGreaterThan(5);
    expect(median(procedures.filter((t) => t.dose_area_product_gy_cm2 != null).map((t) => perLevel(t, t.dose_area_product_gy_cm2)))).toBeLessThan(20);
    const fills = registry.treated_level.filter((l) => l.cement_fill_percent != null).map((l) => Number(l.cement_fill_percent));
    expect(median(fills)).toBeGreaterThan(20);
    expect(median(fills)).toBeLessThan(40);
  });

  it("records radiographs at some completed follow-up visits, with the procedure's correction partly lost by a year", () => {
    const withAngle = registry.assessment.filter((a) => a.kyphotic_angle != null);
    expect(withAngle.every((a) => a.status === 'DONE' && a.time_point !== 'BASELINE')).toBe(true);
    expect(
      rate(
        registry.assessment.filter((a) => a.status === 'DONE' && a.time_point === 'M3'),
        (a) => a.kyphotic_angle != null,
      ),
    ).toBeGreaterThan(0.3);
    const byId = new Map(procedures.map((t) => [t.id, t]));
    const losses = withAngle
      .filter((a) => a.time_point === 'M12' && byId.get(a.treatment_id)?.kyphotic_angle_after != null)
      .map((a) => Number(a.kyphotic_angle) - Number(byId.get(a.treatment_id)!.kyphotic_angle_after));
    const mean = losses.reduce((s, x) => s + x, 0) / losses.length;
    expect(losses.length).toBeGreaterThan(30);
    expect(mean).toBeGreaterThan(0.5);
    expect(mean).toBeLessThan(6);
  });

  it('is deterministic, and leaves every value drawn before it as it was (its own stream)', () => {
    // Without the outstanding visits (they came later, from a stream of their own, and only take rows away).
    const a = generateRegistry({ patients: 300, sites, seed: 7, today: '2026-06-30', outstanding: false });
    expect(generateRegistry({ patients: 300, sites, seed: 7, today: '2026-06-30', outstanding: false })).toEqual(a);
    // The digest of this registry without the new fields, as the generator gave it before they
    // were added: a draw taken from another stream would change it. (Fields added later by others
    // join this list when they too draw from a stream of their own.)
    const NEW = [
      'discharge_destination',
      'readmitted_within_30_days',
      'readmitted_within_90_days',
      'fluoroscopy_time_seconds',
      'dose_area_product_gy_cm2',
      'cement_fill_percent',
      'anterior_height_percent',
      'middle_height_percent',
      'posterior_height_percent',
      'kyphotic_angle',
      'additional_injury_kinds',
      'missed_reason',
      'clavien_dindo',
    ];
    // Imaging and new-fracture details came at the same time, from a stream of their own too.
    const without = (rows: Record<string, unknown>[], keys: string[]) =>
      rows.map((row) => Object.fromEntries(Object.entries(row).filter(([k]) => !keys.includes(k))));
    const others = { ...a, assessment: without(a.assessment, ['imaging_done']), complication: without(a.complication, ['level', 'detection']) };
    const digest = createHash('sha256')
      .update(JSON.stringify(others, (k, v) => (NEW.includes(k) ? undefined : v)))
      .digest('hex');
    expect(digest).toBe('a5cbe3aae308f622177e91f0e1e62492b620c3f98b15f7f3600499418ff006da');
  });
});
