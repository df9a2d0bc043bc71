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
