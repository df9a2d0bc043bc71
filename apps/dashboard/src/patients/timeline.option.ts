import { type ChartTable, num, sentence } from '../charts/chart-text';
import { labelOf } from '../charts/palette';
import { humanize } from '../forms/choices';

// The patient timeline: NRS (0-10, left axis) and ODI (0-100, right axis) at each visit, each
// treatment a vertical line, each complication a marker on the time axis. Coordinators see
// dates; de-identified readers see days from the index treatment.

export interface TimelinePatient {
  treatments: { kind: string; startDate: string | null; startDay: number | null; withdrawnAt?: unknown }[];
  assessments: {
    timePoint: string;
    visitDate: string | null;
    visitDay: number | null;
    status: string;
    nrsRest: number | null;
    nrsActivity: number | null;
    odi: number | null;
    withdrawnAt?: unknown;
  }[];
  complications: { kind: string; occurredOn: string | null; occurredDay: number | null; withdrawnAt?: unknown }[];
}

type X = string | number;

export interface TimelineOption {
  [key: string]: unknown;
  series: { name: string; type: 'line'; yAxisIndex: number; data: [X, number, string][]; [key: string]: unknown }[];
}

export function timelineOption(p: TimelinePatient): TimelineOption | null {
  const live = <T extends { withdrawnAt?: unknown }>(rows: T[]) => rows.filter((r) => !r.withdrawnAt);
  const visits = live(p.assessments).filter((a) => a.status === 'DONE');
  const byDate = visits.some((a) => a.visitDate !== null) || live(p.treatments).some((t) => t.startDate !== null);
  const x = (date: string | null, day: number | null): X | null => (byDate ? date : day);
  const points = (value: (a: (typeof visits)[number]) => number | null) =>
    visits
      .map((a) => [x(a.visitDate, a.visitDay), value(a), a.timePoint] as [X | null, number | null, string])
      .filter((d): d is [X, number, string] => d[0] !== null && d[1] !== null)
      .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const nrsActivity = points((a) => a.nrsActivity);
  const nrsRest = points((a) => a.nrsRest);
  const odi = points((a) => a.odi);
  if (nrsActivity.length + nrsRest.length + odi.length === 0) return null;

  // Each treatment a dashed vertical line over the NRS axis, labelled at its top (plain line
  // series: the bundle carries no MarkLine component).
  const treatmentLines = live(p.treatments)
    .map((t) => ({ at: x(t.startDate, t.startDay), name: humanize(t.kind) }))
    .filter((l): l is { at: X; name: string } => l.at !== null)
    .map((l) => ({
      name: 'Treatments',
      type: 'line' as const,
      yAxisIndex: 0,
      showSymbol: false,
      silent: true,
      tooltip: { show: false },
      lineStyle: { type: 'dashed' as const, color: '#5a6877', width: 1 },
      itemStyle: { color: '#5a6877' },
      endLabel: { show: true, formatter: l.name, color: '#5a6877', fontSize: 11 },
      data: [
        [l.at, 0, l.name],
        [l.at, 10, l.name],
      ] as [X, number, string][],
    }));
  // Pins at the top of the NRS axis: a line series without its line (the bundle carries neither
  // the MarkPoint component nor the Scatter chart).
  const complicationPoints = live(p.complications)
    .map((c) => [x(c.occurredOn, c.occurredDay), 10, humanize(c.kind)] as [X | null, number, string])
    .filter((d): d is [X, number, string] => d[0] !== null);

  return {
    animation: false,
    grid: { left: 48, right: 56, top: 48, bottom: 48 },
    legend: { top: 0 },
    tooltip: { trigger: 'axis' },
    // A week of room on either side, so a treatment on the day of the first visit shows.
    xAxis: byDate
      ? { type: 'time', name: 'Date', min: (v: { min: number }) => v.min - 7 * 86400000, max: (v: { max: number }) => v.max + 7 * 86400000 }
      : { type: 'value', name: 'Days from the index treatment', min: (v: { min: number }) => v.min - 7, max: (v: { max: number }) => v.max + 7 },
    yAxis: [
      { type: 'value', name: 'NRS (0-10)', min: 0, max: 10 },
      { type: 'value', name: 'ODI (%)', min: 0, max: 100, splitLine: { show: false } },
    ],
    series: [
      {
        name: 'NRS on activity',
        type: 'line',
        yAxisIndex: 0,
        data: nrsActivity,
      },
      { name: 'NRS at rest', type: 'line', yAxisIndex: 0, data: nrsRest },
      { name: 'ODI', type: 'line', yAxisIndex: 1, data: odi },
      ...treatmentLines,
      ...(complicationPoints.length
        ? [
            {
              name: 'Complications',
              type: 'line' as const,
              yAxisIndex: 0,
              symbol: 'pin',
              symbolSize: 36,
              showAllSymbol: true,
              lineStyle: { opacity: 0 },
              itemStyle: { color: '#b42318' },
              data: complicationPoints,
            },
          ]
        : []),
    ],
  };
}

/** The timeline without its picture: one row per scored visit, as the tooltip shows them. */
export function timelineTable(p: TimelinePatient): ChartTable | null {
  const visits = p.assessments.filter((a) => !a.withdrawnAt && a.status === 'DONE' && (a.nrsActivity !== null || a.nrsRest !== null || a.odi !== null));
  if (!visits.length) return null;
  const byDate = visits.some((a) => a.visitDate !== null);
  const when = (a: (typeof visits)[number]) => (byDate ? (a.visitDate ?? '–') : a.visitDay === null ? '–' : String(a.visitDay));
  return {
    caption: 'Scored visits: NRS pain (0–10 points) and ODI (0–100 %)',
    columns: [byDate ? 'Visit date' : 'Day from the index treatment', 'Time point', 'NRS on activity', 'NRS at rest', 'ODI (%)'],
    rowHeaders: 1,
    rows: [...visits]
      .sort((a, b) => (when(a) < when(b) ? -1 : when(a) > when(b) ? 1 : 0))
      .map((a) => [when(a), labelOf(a.timePoint), num(a.nrsActivity), num(a.nrsRest), num(a.odi)]),
  };
}

/** "Patient 01-0042: NRS on activity went from 9 at baseline to 3 at month 1 (2 scored visits); 1 treatment, no complication." */
export function timelineSummary(p: TimelinePatient, registryNumber: string): string {
  const live = <T extends { withdrawnAt?: unknown }>(rows: T[]) => rows.filter((r) => !r.withdrawnAt);
  const table = timelineTable(p);
  const visits = table?.rows ?? [];
  const scored = (column: number) => visits.filter((r) => r[column] !== '–');
  const [measure, column] = scored(2).length ? ['NRS on activity', 2] : scored(3).length ? ['NRS at rest', 3] : ['ODI', 4];
  const points = scored(column);
  const at = (r: string[]) => `${r[column]} at ${r[1].toLowerCase()}`;
  const trend = !points.length
    ? 'No scored visit'
    : points.length === 1
      ? `${measure} ${at(points[0])}`
      : `${measure} went from ${at(points[0])} to ${at(points[points.length - 1])}`;
  const treatments = live(p.treatments).length;
  const complications = live(p.complications).length;
  return sentence(
    `Patient ${registryNumber}: ${trend} (${visits.length} scored ${visits.length === 1 ? 'visit' : 'visits'}); ${treatments === 0 ? 'no treatment' : `${treatments} ${treatments === 1 ? 'treatment' : 'treatments'}`}, ${
      complications === 0 ? 'no complication' : `${complications} ${complications === 1 ? 'complication' : 'complications'}`
    }`,
    'Timeline of pain and disability: see the table.',
  );
}
