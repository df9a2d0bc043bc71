import {
  assessmentCreateSchema,
  checkDeathDate,
  checkVisitWindow,
  complicationCreateSchema,
  deathCreateSchema,
  Eq5dValueSet,
  fieldIssues,
  fractureContradictions,
  fractureUpdateSchema,
  patientUpdateSchema,
  scoreInstruments,
  TreatmentKind,
  visitContradictions,
  fractureAdjacency,
  addDays,
  TIME_POINT_WINDOWS,
  newFractureContradictions,
} from '@vfr/domain';
import { createHash } from 'node:crypto';
import { generateRegistry } from './synthetic-registry';

const camel = (row: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(row).map(([k, v]) => [k.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase()), v]));

describe('synthetic registry', () => {
  const sites = [
    { id: '11111111-1111-4111-8111-111111111111', code: 'A' },
    { id: '22222222-2222-4222-8222-222222222222', code: 'B' },
  ];
  const registry = generateRegistry({ patients: 2000, sites, seed: 42, today: '2026-06-30' });

  it('is deterministic for a seed', () => {
    const again = generateRegistry({ patients: 50, sites, seed: 42, today: '2026-06-30' });
    const first = generateRegistry({ patients: 50, sites, seed: 42, today: '2026-06-30' });
    expect(again).toEqual(first);
    expect(generateRegistry({ patients: 50, sites, seed: 43, today: '2026-06-30' })).not.toEqual(first);
  });

  it('produces visits and complications that pass the domain rules', () => {
    for (const a of registry.assessment.slice(0, 3000)) {
      expect(fieldIssues(assessmentCreateSchema, camel(a))).toEqual([]);
    }
    for (const c of registry.complication.slice(0, 500)) {
      expect(fieldIssues(complicationCreateSchema, camel(c))).toEqual([]);
    }
  });

  it("breaks no cross-field rule: every fracture's findings and every visit's analgesics agree", () => {
    expect(registry.fracture.length).toBeGreaterThan(2000);
    expect(registry.fracture.flatMap((f) => fractureContradictions(camel(f)))).toEqual([]);
    expect(registry.assessment.flatMap((a) => visitContradictions(camel(a)))).toEqual([]);
    // Both sides of each rule occur, so the assertion above judges something.
    expect(registry.fracture.some((f) => f.of_class === 'OF3' && f.posterior_wall_involved === true)).toBe(true);
    expect(registry.assessment.some((a) => a.analgesic_level === 'STRONG_OPIOID' && a.opioid_use === true)).toBe(true);
    expect(registry.assessment.some((a) => a.analgesic_level === 'NONE' && a.opioid_use === false)).toBe(true);
  });

  it("dates every completed visit within its time point's window from its treatment's start", () => {
    const start = new Map(registry.treatment.map((t) => [String(t.id), String(t.start_date)]));
    const done = registry.assessment.filter((a) => a.status === 'DONE');
    expect(done.length).toBeGreaterThan(5000);
    const outside = done
      .map((a) =>
        checkVisitWindow({ timePoint: String(a.time_point), status: String(a.status), visitDate: a.visit_date as string }, start.get(String(a.treatment_id))!),
      )
      .filter((issue) => issue !== null);
    expect(outside).toEqual([]);
  });

  it('is mostly older women with osteoporotic fractures, treated with confounding', () => {
    const women = registry.patient.filter((p) => p.sex === 'FEMALE').length / registry.patient.length;
    expect(women).toBeGreaterThan(0.65);
    expect(women).toBeLessThan(0.85);
    const index = new Map<string, Record<string, unknown>>();
    for (const t of registry.treatment) if (!index.has(String(t.patient_id))) index.set(String(t.patient_id), t);
    const grade = new Map<string, number>();
    for (const f of registry.fracture) grade.set(String(f.patient_id), Math.max(grade.get(String(f.patient_id)) ?? 0, Number(f.genant_grade)));
    const procedureRate = (g: number) => {
      const ids = [...grade].filter(([, v]) => v === g).map(([k]) => k);
      return ids.filter((id) => index.get(id)!.kind !== TreatmentKind.CONSERVATIVE).length / ids.length;
    };
    // Sicker patients (Genant 3) get procedures more often than Genant 1: the confounding an adjusted analysis must remove.
    expect(procedureRate(3)).toBeGreaterThan(procedureRate(1) + 0.15);
  });

  it('lowers pain faster after a procedure in the first month, with the gap narrowing by a year', () => {
    const firstKind = new Map<string, string>();
    for (const t of registry.treatment) if (!firstKind.has(String(t.patient_id))) firstKind.set(String(t.patient_id), String(t.kind));
    const meanNrs = (tp: string, procedure: boolean) => {
      const v = registry.assessment
        .filter((a) => a.time_point === tp && a.status === 'DONE' && (firstKind.get(String(a.patient_id)) !== 'CONSERVATIVE') === procedure)
        .map((a) => Number(a.nrs_activity));
      return v.reduce((s, x) => s + x, 0) / v.length;
    };
    const gapM1 = meanNrs('M1', false) - meanNrs('M1', true);
    const gapM12 = meanNrs('M12', false) - meanNrs('M12', true);
    expect(gapM1).toBeGreaterThan(1);
    expect(gapM12).toBeLessThan(gapM1 / 2);
  });

  it('records deaths as death rows with a cause and a source, never as DEATH complications', () => {
    expect(registry.death.length).toBeGreaterThan(20);
    expect(registry.complication.filter((c) => c.kind === 'DEATH')).toEqual([]);
    for (const d of registry.death) expect(fieldIssues(deathCreateSchema, camel(d))).toEqual([]);
    expect(new Set(registry.death.map((d) => d.patient_id)).size).toBe(registry.death.length);
    expect(new Set(registry.death.map((d) => d.cause)).size).toBeGreaterThan(3);
    expect(new Set(registry.death.map((d) => d.source)).size).toBeGreaterThan(3);
  });

  it('ends the follow-up at the death: no visit, treatment or complication after it, and the death passes the API rules', () => {
    const diedOn = new Map(registry.death.map((d) => [String(d.patient_id), String(d.died_on)]));
    // A date that is not an ISO string counts as after the death, so that it fails the test too.
    const afterDeath = (patientId: unknown, date: unknown) =>
      date != null && diedOn.has(String(patientId)) && (typeof date !== 'string' || date > diedOn.get(String(patientId))!);
    expect(registry.assessment.filter((a) => afterDeath(a.patient_id, a.visit_date))).toEqual([]);
    expect(registry.treatment.filter((t) => afterDeath(t.patient_id, t.start_date))).toEqual([]);
    expect(registry.complication.filter((c) => afterDeath(c.patient_id, c.occurred_on))).toEqual([]);
    for (const [patientId, day] of diedOn) {
      const first = registry.treatment
        .filter((t) => t.patient_id === patientId)
        .map((t) => String(t.start_date))
        .sort()[0];
      const done = registry.assessment
        .filter((a) => a.patient_id === patientId && a.status === 'DONE')
        .sort((a, b) => String(b.visit_date).localeCompare(String(a.visit_date)))[0];
      expect(checkDeathDate(day, first, done ? { timePoint: String(done.time_point), visitDate: String(done.visit_date) } : null)).toBeNull();
    }
    // The loop stops at the death: patients who died within a year have fewer scheduled visits than those alive.
    const visits = (id: string) => registry.assessment.filter((a) => a.patient_id === id).length;
    const early = [...diedOn].filter(
      ([id, day]) => day < String(registry.treatment.find((t) => t.patient_id === id)!.start_date).replace(/^(\d{4})/, (y) => String(Number(y) + 1)),
    );
    expect(early.length).toBeGreaterThan(0);
    for (const [id] of early) expect(visits(id)).toBeLessThan(8);
  });

  it('gives the same deaths for the same seed', () => {
    const a = generateRegistry({ patients: 300, sites, seed: 5, today: '2026-06-30' });
    const b = generateRegistry({ patients: 300, sites, seed: 5, today: '2026-06-30' });
    expect(a.death).toEqual(b.death);
    expect(a.death.length).toBeGreaterThan(0);
  });
});

describe('synthetic registry: patient baseline', () => {
  const sites = [{ id: '11111111-1111-4111-8111-111111111111', code: 'A' }];
  const registry = generateRegistry({ patients: 1500, sites, seed: 11, today: '2026-06-30' });

  it('gives every patient a baseline that passes the field definitions, deterministically, with some values not recorded', () => {
    for (const p of registry.patient.slice(0, 500)) {
      const { id: _id, site_id: _s, registry_number: _r, birth_year: _b, ...fields } = camel(p);
      expect(fieldIssues(patientUpdateSchema, fields)).toEqual([]);
    }
    expect(generateRegistry({ patients: 40, sites, seed: 11, today: '2026-06-30' }).patient).toEqual(registry.patient.slice(0, 40));
    for (const column of ['clinical_frailty_scale', 'pre_fracture_mobility', 'dxa_date', 'pain_under_analgesia']) {
      const missing = registry.patient.filter((p) => p[column] === null).length / registry.patient.length;
      expect({ column, someMissing: missing > 0.05 && missing < 0.6 }).toEqual({ column, someMissing: true });
    }
  });

  it('is frailer, less mobile and more often in care with age, and treats osteoporosis in about half', () => {
    const age = (p: Record<string, unknown>) => 2025 - Number(p.birth_year);
    const mean = (rows: Record<string, unknown>[], f: (p: Record<string, unknown>) => number) => rows.reduce((s, p) => s + f(p), 0) / rows.length;
    const withCfs = registry.patient.filter((p) => p.clinical_frailty_scale !== null);
    const older = withCfs.filter((p) => age(p) >= 85);
    const younger = withCfs.filter((p) => age(p) < 70);
    expect(mean(older, (p) => Number(p.clinical_frailty_scale))).toBeGreaterThan(mean(younger, (p) => Number(p.clinical_frailty_scale)) + 1);
    const care = (rows: Record<string, unknown>[]) => rows.filter((p) => p.living_situation === 'NURSING_HOME').length / rows.length;
    expect(care(registry.patient.filter((p) => age(p) >= 85))).toBeGreaterThan(care(registry.patient.filter((p) => age(p) < 70)));
    const drug = registry.patient.filter((p) => p.anti_osteoporotic_drug !== null);
    const none = drug.filter((p) => p.anti_osteoporotic_drug === 'NONE').length / drug.length;
    expect(none).toBeGreaterThan(0.4);
    expect(none).toBeLessThan(0.6);
    // A start date only with a drug, never in the future.
    // A start date that is not an ISO string is reported too.
    const wrongStart = (p: Record<string, unknown>) => {
      const start = p.anti_osteoporotic_start_date;
      return start !== null && (p.anti_osteoporotic_drug === 'NONE' || typeof start !== 'string' || start > '2026-06-30');
    };
    expect(registry.patient.filter(wrongStart)).toEqual([]);
  });
});

describe('synthetic questionnaire answers', () => {
  const registry = generateRegistry({ patients: 300, sites: [{ id: 's1', code: 'A' }], seed: 7, today: '2026-06-30' });
  const done = registry.assessment.filter((a) => a.status === 'DONE');

  it('stores every score as computed from its items, as the API would', () => {
    expect(done.length).toBeGreaterThan(1000);
    for (const a of done) {
      const { scores, issues } = scoreInstruments(
        { odiItems: a.odi_items as (number | null)[], rmdqItems: a.rmdq_items as boolean[], eq5dLevels: a.eq5d_levels as number[] },
        Eq5dValueSet.ENGLAND,
      );
      expect(issues).toEqual([]);
      expect({ odi: a.odi, rmdq: a.rmdq, eq5d_index: a.eq5d_index, sources: [a.odi_source, a.rmdq_source, a.eq5d_source], set: a.eq5d_value_set }).toEqual({
        odi: scores.odi,
        rmdq: scores.rmdq,
        eq5d_index: scores.eq5dIndex,
        sources: ['ITEMS', 'ITEMS', 'ITEMS'],
        set: 'ENGLAND',
      });
      expect(a.eq5d_vas).toEqual(expect.any(Number));
    }
    for (const a of registry.assessment.filter((v) => v.status !== 'DONE'))
      expect([a.odi_items, a.rmdq_items, a.eq5d_levels, a.eq5d_vas]).toEqual([null, null, null, null]);
  });

  it('follows the trajectory: disability and quality of life improve from baseline to a year', () => {
    const mean = (tp: string, f: (a: Record<string, unknown>) => number | null) => {
      const xs = done
        .filter((a) => a.time_point === tp)
        .map(f)
        .filter((x): x is number => x !== null);
      return xs.reduce((s, x) => s + x, 0) / xs.length;
    };
    expect(mean('BASELINE', (a) => a.odi as number | null)).toBeGreaterThan(mean('M12', (a) => a.odi as number | null) + 10);
    expect(mean('BASELINE', (a) => a.rmdq as number)).toBeGreaterThan(mean('M12', (a) => a.rmdq as number) + 3);
    expect(mean('M12', (a) => a.eq5d_index as number)).toBeGreaterThan(mean('BASELINE', (a) => a.eq5d_index as number) + 0.1);
    // Some questionnaires leave the sex-life section blank; the ODI is still scored over nine.
    expect(done.some((a) => (a.odi_items as unknown[])[7] === null && a.odi !== null)).toBe(true);
  });
});

describe('synthetic imaging and new fractures', () => {
  const registry = generateRegistry({ patients: 3000, sites: [{ id: 's1', code: 'A' }], seed: 11, today: '2026-06-30' });
  const kindOf = new Map(registry.treatment.map((t) => [String(t.id), String(t.kind)]));
  const procedure = (treatmentId: unknown) => kindOf.get(String(treatmentId)) !== TreatmentKind.CONSERVATIVE;

  it('left every value generated before these fields as it was (they draw from a stream of their own)', () => {
    // Without the outstanding visits (they came later, from a stream of their own, and only take rows away).
    const r = generateRegistry({ patients: 300, sites: [{ id: 's1', code: 'A' }], seed: 7, today: '2026-06-30', outstanding: false });
    const without = (rows: Record<string, unknown>[], keys: string[]) =>
      rows.map((row) => Object.fromEntries(Object.entries(row).filter(([k]) => !keys.includes(k))));
    // The hospital-use and radiograph fields came at the same time, from a stream of their own too.
    const hospital = [
      'discharge_destination',
      'readmitted_within_30_days',
      'readmitted_within_90_days',
      'fluoroscopy_time_seconds',
      'dose_area_product_gy_cm2',
    ];
    const radiograph = ['anterior_height_percent', 'middle_height_percent', 'posterior_height_percent', 'kyphotic_angle'];
    const before = {
      ...r,
      // The reason a missed visit was missed came later, from a stream of its own too.
      assessment: without(r.assessment, ['imaging_done', ...radiograph, 'missed_reason']),
      // The Clavien-Dindo grades came later, from a stream of their own too.
      complication: without(r.complication, ['level', 'detection', 'clavien_dindo']),
      treatment: without(r.treatment, hospital),
      treated_level: without(r.treated_level, ['cement_fill_percent']),
      // The additional injuries by kind came later, from a stream of their own too.
      fracture: without(r.fracture, ['additional_injury_kinds']),
    };
    // The fingerprint of this registry as the generator gave it before imaging and levels existed.
    expect(createHash('sha256').update(JSON.stringify(before)).digest('hex')).toBe('52e877de6b4e2ac8f8a09b4b876a2b3494d554216903439cf3afce4ed6937ff6');
  });

  it('images procedure patients more often at the scheduled visits after treatment, never at a missed visit', () => {
    const share = (proc: boolean) => {
      const visits = registry.assessment.filter(
        (a) => a.status === 'DONE' && a.time_point !== 'BASELINE' && a.imaging_done !== null && procedure(a.treatment_id) === proc,
      );
      return visits.filter((a) => a.imaging_done === true).length / visits.length;
    };
    expect(share(true)).toBeGreaterThan(share(false) + 0.15);
    expect(registry.assessment.filter((a) => a.status !== 'DONE').every((a) => a.imaging_done === null)).toBe(true);
    expect(registry.assessment.some((a) => a.status === 'DONE' && a.imaging_done === null)).toBe(true);
  });

  it('gives most missed visits a reason, not recorded for some, and no other visit one', () => {
    const missed = registry.assessment.filter((a) => a.status === 'MISSED');
    expect(missed.length).toBeGreaterThan(500);
    const recorded = missed.filter((a) => a.missed_reason !== null);
    expect(recorded.length / missed.length).toBeGreaterThan(0.78);
    expect(recorded.length / missed.length).toBeLessThan(0.92);
    const counts = new Map<unknown, number>();
    for (const a of recorded) counts.set(a.missed_reason, (counts.get(a.missed_reason) ?? 0) + 1);
    expect([...counts.keys()].sort()).toEqual(['DECLINED', 'IN_CARE_ELSEWHERE', 'MOVED_AWAY', 'NOT_REACHED', 'OTHER', 'TOO_ILL']);
    // Not reached is the commonest, as in the follow-up of elderly patients.
    expect(Math.max(...counts.values())).toBe(counts.get('NOT_REACHED'));
    expect(registry.assessment.filter((a) => a.status !== 'MISSED').every((a) => a.missed_reason === null)).toBe(true);
  });

  it("gives every new fracture a level that agrees with its kind against the index treatment's levels, and a detection", () => {
    const level = new Map(registry.fracture.map((f) => [String(f.id), String(f.level)]));
    const treated = new Map<string, string[]>();
    for (const l of registry.treated_level)
      treated.set(String(l.treatment_id), [...(treated.get(String(l.treatment_id)) ?? []), level.get(String(l.fracture_id))!]);
    const fx = registry.complication.filter((c) => c.kind === 'ADJACENT_LEVEL_FRACTURE' || c.kind === 'REMOTE_FRACTURE');
    expect(fx.length).toBeGreaterThan(200);
    for (const c of fx) {
      expect(newFractureContradictions({ kind: String(c.kind), level: String(c.level), treatedLevels: treated.get(String(c.treatment_id)) })).toEqual([]);
      expect(fractureAdjacency(String(c.level), treated.get(String(c.treatment_id)))).toBe(c.kind === 'ADJACENT_LEVEL_FRACTURE' ? 'ADJACENT' : 'REMOTE');
      expect(['CLINICAL', 'SCHEDULED_IMAGING', 'INCIDENTAL']).toContain(c.detection);
    }
    expect(registry.complication.filter((c) => !fx.includes(c)).every((c) => c.level === null && c.detection === null)).toBe(true);
    const scheduled = (proc: boolean) =>
      fx.filter((c) => procedure(c.treatment_id) === proc && c.detection === 'SCHEDULED_IMAGING').length /
      fx.filter((c) => procedure(c.treatment_id) === proc).length;
    expect(scheduled(true)).toBeGreaterThan(scheduled(false));
  });
});

describe('synthetic additional injuries by kind', () => {
  const registry = generateRegistry({ patients: 3000, sites: [{ id: 's1', code: 'A' }], seed: 11, today: '2026-06-30' });
  const share = (rows: Record<string, unknown>[], test: (f: Record<string, unknown>) => boolean) => rows.filter(test).length / rows.length;
  const recorded = registry.fracture.filter((f) => f.additional_injury_kinds !== null);
  const ofCause = (cause: string) => recorded.filter((f) => f.cause === cause);
  const injured = (f: Record<string, unknown>) => (f.additional_injury_kinds as string[]).length > 0;

  it('gives every fracture kinds that pass the definition, or none, or not recorded', () => {
    for (const f of registry.fracture) expect(fieldIssues(fractureUpdateSchema, { additionalInjuryKinds: f.additional_injury_kinds })).toEqual([]);
    const missing = share(registry.fracture, (f) => f.additional_injury_kinds === null);
    expect(missing).toBeGreaterThan(0.05);
    expect(missing).toBeLessThan(0.3);
    expect(registry.fracture.every((f) => f.additional_injuries === null)).toBe(true);
  });

  it('leaves most osteoporotic fractures with none and gives traumatic ones injuries more often, ribs and limbs most', () => {
    expect(share(ofCause('OSTEOPOROTIC'), injured)).toBeLessThan(0.12);
    expect(share(ofCause('OSTEOPOROTIC'), (f) => !injured(f))).toBeGreaterThan(0.85);
    expect(share(ofCause('TRAUMATIC'), injured)).toBeGreaterThan(0.35);
    const counts = new Map<string, number>();
    for (const f of ofCause('TRAUMATIC')) for (const k of f.additional_injury_kinds as string[]) counts.set(k, (counts.get(k) ?? 0) + 1);
    const ranked = [...counts].sort((a, b) => b[1] - a[1]).map(([k]) => k);
    expect(ranked[0]).toBe('RIB');
    expect(ranked.slice(0, 3)).toEqual(expect.arrayContaining(['UPPER_LIMB', 'LOWER_LIMB']));
  });

  it("gives a patient's fractures the same kinds (one event), deterministically", () => {
    const byPatient = new Map<string, string>();
    for (const f of registry.fracture) {
      const kinds = JSON.stringify(f.additional_injury_kinds);
      expect(byPatient.get(String(f.patient_id)) ?? kinds).toBe(kinds);
      byPatient.set(String(f.patient_id), kinds);
    }
    const again = generateRegistry({ patients: 3000, sites: [{ id: 's1', code: 'A' }], seed: 11, today: '2026-06-30' });
    expect(again.fracture.map((f) => f.additional_injury_kinds)).toEqual(registry.fracture.map((f) => f.additional_injury_kinds));
  });
});

describe('synthetic registry: visits not yet recorded', () => {
  const sites = [{ id: '11111111-1111-4111-8111-111111111111', code: 'A' }];
  const today = '2026-06-30';
  const full = generateRegistry({ patients: 600, sites, seed: 11, today, outstanding: false });
  const behind = generateRegistry({ patients: 600, sites, seed: 11, today });

  it('only takes away visits whose window closed within the last 120 days, and leaves everything else as it was', () => {
    const kept = new Set(behind.assessment.map((a) => a.id));
    const gone = full.assessment.filter((a) => !kept.has(a.id));
    expect(gone.length).toBeGreaterThan(20);
    expect(behind.assessment).toEqual(full.assessment.filter((a) => kept.has(a.id)));
    expect({ ...behind, assessment: [] }).toEqual({ ...full, assessment: [] });
    const start = new Map(full.treatment.map((t) => [t.id, String(t.start_date)]));
    for (const a of gone) {
      const w = TIME_POINT_WINDOWS.find((x) => x.timePoint === a.time_point)!;
      const end = addDays(start.get(a.treatment_id)!, w.toDay);
      expect([a.time_point, end < today, end >= addDays(today, -120)]).toEqual([a.time_point, true, true]);
      expect(a.time_point).not.toBe('BASELINE');
    }
  });
});
