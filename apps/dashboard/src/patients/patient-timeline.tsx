import { useMemo } from 'react';
import { EChart } from '../charts/echart';
import { Empty } from '../forms/status';
import { timelineOption, type TimelinePatient } from './timeline.option';

export function PatientTimeline({ patient, registryNumber }: { patient: TimelinePatient; registryNumber: string }) {
  const label = `Pain (NRS) and disability (ODI) over time for patient ${registryNumber}, with treatments and complications marked`;
  // The chart redraws only when the records change, not on every render of the page. ECharts'
  // aria writes its own generated description over the container's label unless given one.
  const option = useMemo(() => {
    const o = timelineOption(patient);
    return o && { ...o, aria: { enabled: true, label: { description: label } } };
  }, [patient, label]);
  return (
    <section className="panel" aria-labelledby="timeline-title">
      <h3 id="timeline-title">Timeline</h3>
      {option ? (
        <>
          <EChart option={option} height={300} label={label} />
          <p className="hint">Dashed lines: treatments. Red pins: complications. NRS on the left axis, ODI on the right.</p>
        </>
      ) : (
        <Empty>No scored visit yet: the timeline is drawn from the first visit with an NRS or ODI.</Empty>
      )}
    </section>
  );
}
