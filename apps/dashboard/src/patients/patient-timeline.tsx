import { useMemo } from 'react';
import { ChartFigure } from '../charts/chart-card';
import { Empty } from '../forms/status';
import { timelineOption, timelineSummary, timelineTable, type TimelinePatient } from './timeline.option';

export function PatientTimeline({ patient, registryNumber }: { patient: TimelinePatient; registryNumber: string }) {
  // The chart redraws only when the records change, not on every render of the page.
  const option = useMemo(() => timelineOption(patient), [patient]);
  const summary = useMemo(() => timelineSummary(patient, registryNumber), [patient, registryNumber]);
  const table = useMemo(() => timelineTable(patient), [patient]);
  return (
    <section className="panel" aria-labelledby="timeline-title">
      <h3 id="timeline-title">Timeline</h3>
      {option ? (
        <>
          <ChartFigure id="timeline" option={option} summary={summary} table={table} height={300} />
          <p className="hint">Dashed lines: treatments. Red pins: complications. NRS on the left axis, ODI on the right.</p>
        </>
      ) : (
        <Empty>No scored visit yet: the timeline is drawn from the first visit with an NRS or ODI.</Empty>
      )}
    </section>
  );
}
