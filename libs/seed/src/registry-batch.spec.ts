import { generateRegistry } from './synthetic-registry';
import { generateBatch, MAX_PATIENTS, registryBatchSeed } from './registry-batch';

const sites = [
  { id: '00000000-0000-4000-8000-000000000001', code: 'A' },
  { id: '00000000-0000-4000-8000-000000000002', code: 'B' },
];
const today = '2026-06-30';

describe('the batches of a synthetic registry', () => {
  it('keeps the first batch of every registry seed as it was', () => {
    for (const seed of [1, 7, 42, 5000]) expect(registryBatchSeed(seed, 0)).toBe(seed * 1_000_003);
  });

  // With a batch's seed the registry seed's plus its offset, the batch at 555,000 patients drew the
  // stream of the first batch from its 261st patient on: the same patients, ids included.
  it('gives batches far apart on the cycle patients of their own', () => {
    const first = generateBatch({ patients: 1000, sites, seed: 1, today, offset: 0 });
    const later = generateBatch({ patients: 1000, sites, seed: 1, today, offset: 555_000 });
    const ids = new Set([...first.patient, ...first.assessment].map((r) => String(r.id)));
    expect([...later.patient, ...later.assessment].filter((r) => ids.has(String(r.id)))).toEqual([]);
    const values = (r: Record<string, unknown>) => JSON.stringify({ ...r, id: null, registry_number: null, site_id: null });
    const firstValues = new Set(first.patient.map(values));
    expect(later.patient.filter((p) => firstValues.has(values(p))).length).toBeLessThan(5);
  });

  it('refuses a patient stream longer than the draws set apart for it, and a registry past the cycle', () => {
    expect(() => generateRegistry({ patients: 50, sites, seed: 3, today, drawsPerPatient: 100 })).toThrow(/draws for 50 patients, past the 100 per patient/);
    expect(() => generateRegistry({ patients: 50, sites, seed: 3, today, drawsPerPatient: 2048 })).not.toThrow();
    expect(() => generateBatch({ patients: 10, sites, seed: 1, today, offset: MAX_PATIENTS - 5 })).toThrow(`at most ${MAX_PATIENTS} patients`);
  });
});
