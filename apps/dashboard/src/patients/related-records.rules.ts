import {
  AssessmentStatus,
  checkDeathDate,
  checkVisitNotAfterDeath,
  checkVisitWindow,
  newFractureContradictions,
  NEW_FRACTURE_KINDS,
  type ComplicationKind,
  type DoneVisit,
  type FieldIssue,
} from '@vfr/domain';

// The rules that need a patient's other records, judged in the browser with the records the
// patient's page already holds, so that the first Save shows every problem at once instead of
// one per round trip. The same libs/domain functions judge them on the server, against the
// stored records, which stay the authority (a record saved meanwhile by someone else).

/** What the patient's page knows of the patient's other records. */
export interface RelatedRecords {
  treatments: readonly { id: string; startDate: string | null; withdrawnAt?: unknown; levels?: readonly { fractureId: string }[] | null }[];
  assessments?: readonly { id: string; treatmentId: string; timePoint: string; status: string; visitDate: string | null; withdrawnAt?: unknown }[];
  fractures?: readonly { id: string; level: string }[];
  diedOn?: string | null;
}

const live = <T extends { withdrawnAt?: unknown }>(rows: readonly T[] | undefined) => (rows ?? []).filter((r) => !r.withdrawnAt);

/** The patient's first treatment, the one visits and deaths count from (the index treatment). */
function firstTreatment(r: RelatedRecords) {
  return live(r.treatments)
    .filter((t) => t.startDate)
    .sort((a, b) => (a.startDate! < b.startDate! ? -1 : a.startDate! > b.startDate! ? 1 : 0))[0];
}

/** A visit: in its time point's window from its treatment (so never before it), not after the death, its time point free. */
export function visitIssues(
  v: { treatmentId?: string | null; timePoint?: string | null; status?: string | null; visitDate?: string | null },
  r: RelatedRecords,
  editingId?: string,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const treatment = live(r.treatments).find((t) => t.id === v.treatmentId);
  if (treatment?.startDate && v.timePoint && v.status && v.visitDate) {
    const w = checkVisitWindow({ timePoint: v.timePoint, status: v.status, visitDate: v.visitDate }, treatment.startDate);
    if (w) issues.push(w);
  }
  if (v.status === AssessmentStatus.DONE && v.visitDate) {
    const d = checkVisitNotAfterDeath(v.visitDate, r.diedOn ?? null);
    if (d) issues.push(d);
  }
  if (v.timePoint && v.timePoint !== 'UNSCHEDULED') {
    const taken = live(r.assessments).find((a) => a.treatmentId === v.treatmentId && a.timePoint === v.timePoint && a.id !== editingId);
    if (taken)
      issues.push({ field: 'timePoint', rule: 'unique', message: `timePoint ${v.timePoint} is already recorded for this treatment; edit that visit instead` });
  }
  return issues;
}

/** A complication: not before the treatment it followed; a new fracture's level agrees with its kind. */
export function complicationIssues(
  c: { treatmentId?: string | null; occurredOn?: string | null; kind?: string | null; level?: string | null },
  r: RelatedRecords,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const treatment = live(r.treatments).find((t) => t.id === c.treatmentId);
  if (treatment?.startDate && c.occurredOn && c.occurredOn < treatment.startDate) {
    issues.push({
      field: 'occurredOn',
      rule: 'notBeforeTreatment',
      message: `occurredOn (${c.occurredOn}) is before the treatment started (${treatment.startDate})`,
    });
  }
  const index = firstTreatment(r);
  if (index && c.level && NEW_FRACTURE_KINDS.includes(c.kind as ComplicationKind) && r.fractures) {
    const levelOf = new Map(r.fractures.map((f) => [f.id, f.level]));
    const treatedLevels = (index.levels ?? []).map((l) => levelOf.get(l.fractureId)).filter((l): l is string => Boolean(l));
    issues.push(...newFractureContradictions({ kind: c.kind, level: c.level, treatedLevels }));
  }
  return issues;
}

/** A death: not before the first treatment, nor before a completed visit. */
export function deathIssues(d: { diedOn?: string | null }, r: RelatedRecords): FieldIssue[] {
  if (!d.diedOn) return [];
  const done = live(r.assessments)
    .filter((a) => a.status === String(AssessmentStatus.DONE) && a.visitDate)
    .sort((a, b) => (a.visitDate! < b.visitDate! ? 1 : -1))[0];
  const latest: DoneVisit | null = done ? { timePoint: done.timePoint, visitDate: done.visitDate! } : null;
  const issue = checkDeathDate(d.diedOn, firstTreatment(r)?.startDate ?? null, latest);
  return issue ? [issue] : [];
}

/** The records of the patient's page that the rules read. */
export function relatedOf(p: {
  treatments: RelatedRecords['treatments'];
  assessments: NonNullable<RelatedRecords['assessments']>;
  fractures: readonly { id: string; level?: string | null }[];
  death?: { diedOn?: string | null } | null;
}): RelatedRecords {
  return {
    treatments: p.treatments,
    assessments: p.assessments,
    fractures: p.fractures.flatMap((f) => (f.level ? [{ id: f.id, level: f.level }] : [])),
    diedOn: p.death?.diedOn ?? null,
  };
}
