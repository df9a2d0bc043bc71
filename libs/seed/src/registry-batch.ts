import { CopyText, toCopyText } from './bulk-insert';
import { MULBERRY32_STEP } from './random';
import { generateRegistry, SiteRef, SyntheticRegistry } from './synthetic-registry';

/** Table order respects foreign keys. */
export const REGISTRY_TABLES: (keyof SyntheticRegistry)[] = [
  'patient',
  'patient_identifier',
  'fracture',
  'treatment',
  'treated_level',
  'assessment',
  'complication',
  'death',
];

/** One batch of a synthetic registry: its patients from `offset` on, drawn from its own seed. */
export interface BatchSpec {
  patients: number;
  sites: SiteRef[];
  /** The registry's seed; the batch's own is derived from it and the offset. */
  seed: number;
  today: string;
  offset: number;
}

/** A batch generated and already in COPY's text format, table by table, with its patients' ids in order. */
export interface CopyBatch {
  patientIds: string[];
  tables: { table: keyof SyntheticRegistry; text: CopyText }[];
}

/**
 * Draws of the patient stream set apart per patient: a batch's stream starts this many draws per
 * patient before it further along the generator's cycle than the first batch's, so no two batches'
 * streams overlap as long as a patient takes fewer (about 430 on average, at most about 1,000: some
 * 25 ids of 32 draws and the values). generateRegistry checks it.
 */
export const DRAWS_PER_PATIENT = 2048;
/** The cycle of 2^32 draws holds this many patients' streams, and no more. */
export const MAX_PATIENTS = 2 ** 32 / DRAWS_PER_PATIENT;

/**
 * A batch's seed. The first batch's is the registry seed times 1,000,003, as it always was. The
 * others' were that plus the batch's offset, which placed the streams of batches 111 apart within
 * about 113,000 draws of each other on the cycle: from 555,000 patients on, each batch repeated an
 * earlier batch's patients, ids included, and 1,000,000 patients could not be seeded. Now each
 * batch's stream starts DRAWS_PER_PATIENT draws per patient of its offset after the first batch's.
 */
export function registryBatchSeed(seed: number, offset: number): number {
  const first = seed * 1_000_003;
  return offset === 0 ? first : (first + Math.imul(offset * DRAWS_PER_PATIENT, MULBERRY32_STEP)) >>> 0;
}

/** The batch's rows: every batch draws from a seed of its own, so batches can be generated in any order, or at once. */
export function generateBatch(spec: BatchSpec): SyntheticRegistry {
  if (spec.offset + spec.patients > MAX_PATIENTS) throw new Error(`a synthetic registry holds at most ${MAX_PATIENTS} patients`);
  return generateRegistry({
    patients: spec.patients,
    sites: spec.sites,
    seed: registryBatchSeed(spec.seed, spec.offset),
    today: spec.today,
    offset: spec.offset,
    drawsPerPatient: DRAWS_PER_PATIENT,
  });
}

/** generateBatch, written out for COPY: the whole of a batch's work in Node, which a worker thread can do. */
export function copyBatch(spec: BatchSpec): CopyBatch {
  const registry = generateBatch(spec);
  return {
    patientIds: registry.patient.map((p) => String(p.id)),
    tables: REGISTRY_TABLES.map((table) => ({ table, text: toCopyText(registry[table]) })),
  };
}
