import { humanize } from '../forms/choices';
import { when } from '../forms/status';

export const yesNo = (v: boolean | null | undefined) => (v === true ? 'yes' : v === false ? 'no' : '–');
export const num = (v: number | null | undefined, unit = '') => (v === null || v === undefined ? '–' : `${v}${unit}`);

/** A treatment as the visit and complication lists name it: "Kyphoplasty 2024-03-20". */
export const treatmentNames = (treatments: { id: string; kind: string; startDate: string | null; startDay: number | null }[]) =>
  new Map(treatments.map((t) => [t.id, `${humanize(t.kind)} ${when(t.startDate, t.startDay)}`]));

/** Who answered a questionnaire by link, as the coordinator reads it. */
export const answeredBy = (respondent?: string | null) => (respondent === 'PATIENT' ? 'the patient' : "someone on the patient's behalf");
