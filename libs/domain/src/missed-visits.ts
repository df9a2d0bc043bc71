import { z } from 'zod/mini';
import { MissedVisitReason, TimePoint } from './enums';

// Marking several expected visits missed at once (the worklist's "Mark missed"): the rows and the
// one reason they share, checked the same in the browser and on the server.

/** What a coordinator reads for each reason. */
export const MISSED_VISIT_REASON_LABELS: Record<MissedVisitReason, string> = {
  NOT_REACHED: 'Patient could not be reached',
  DECLINED: 'Patient declined the visit',
  TOO_ILL: 'Patient too ill to attend',
  IN_CARE_ELSEWHERE: 'In hospital or care elsewhere',
  MOVED_AWAY: 'Patient moved away',
  OTHER: 'Other reason',
};

/** At most this many visits per request: a worklist page is 50, four pages at once is plenty. */
export const MAX_VISITS_MARKED_MISSED = 200;

// zod/mini loads no messages: this one is word for word what the classic API said.
const uuid = z.string().check(z.uuid({ error: 'Invalid UUID' }));

/** Scheduled time points only: an unscheduled visit is never expected, so it cannot be missed. */
const scheduled = z.enum(TimePoint).check(
  z.refine((t: TimePoint) => t !== TimePoint.UNSCHEDULED, {
    error: (iss) => `timePoint must be a scheduled time point (got ${String(iss.input)})`,
    params: { rule: 'scheduled' },
  }),
);

export const markVisitsMissedSchema = z
  .object({
    reason: z.enum(MissedVisitReason),
    visits: z.array(z.object({ patientId: uuid, treatmentId: uuid, timePoint: scheduled })).check(z.minLength(1), z.maxLength(MAX_VISITS_MARKED_MISSED)),
  })
  .check(
    z.superRefine((v, ctx) => {
      // The same visit twice would be refused by the database as a second visit of its time point.
      const seen = new Map<string, number>();
      v.visits.forEach((row, i) => {
        const key = `${row.treatmentId}/${row.timePoint}`;
        const first = seen.get(key);
        if (first !== undefined) {
          ctx.addIssue({
            code: 'custom',
            path: ['visits', i, 'timePoint'],
            message: `visits.${i} is the same visit as visits.${first} (${row.timePoint} of the same treatment)`,
            params: { rule: 'unique' },
          });
        } else seen.set(key, i);
      });
    }),
  );

export type MarkVisitsMissed = z.infer<typeof markVisitsMissedSchema>;
