import { useQuery } from '../graphql/hooks';
import { useMemo, useState } from 'react';
import { ChartCard } from '../charts/chart-card';
import type { CohortFilterInput, TreatmentGrouping } from '../gql/graphql';
import { METHODS } from '../methods/methods-anchors';
import { COHORT_RADIOGRAPHS } from './loss-of-correction.documents';
import { NO_FIGURE } from '../overview/overview.options';
import { lossOfCorrectionFigure, RADIOGRAPH_CAVEAT, RADIOGRAPH_MEASURES, type RadiographMeasure } from './loss-of-correction.options';

/** The index level's radiographs at follow-up: the loss of correction, or the angle or height themselves. */
export function LossOfCorrectionCard({ filter, grouping }: { filter: CohortFilterInput; grouping: TreatmentGrouping }) {
  const [measure, setMeasure] = useState<RadiographMeasure>('lossOfCorrection');
  const q = useQuery(COHORT_RADIOGRAPHS, { variables: { filter, grouping } });
  const figure = useMemo(() => (q.data ? lossOfCorrectionFigure(q.data.radiographicFollowUp, measure) : NO_FIGURE), [q.data, measure]);
  const { label } = RADIOGRAPH_MEASURES[measure];
  return (
    <ChartCard
      id="loss-of-correction"
      definition={METHODS.radiographs}
      title={`${label} after the fracture`}
      {...figure}
      loading={q.loading}
      error={q.error}
      empty={`No radiographs at follow-up in the cohort. ${RADIOGRAPH_CAVEAT}`}
    >
      <label className="field">
        Radiographic measure
        <select value={measure} onChange={(e) => setMeasure(e.target.value as RadiographMeasure)}>
          {(Object.keys(RADIOGRAPH_MEASURES) as RadiographMeasure[]).map((m) => (
            <option key={m} value={m}>
              {RADIOGRAPH_MEASURES[m].label}
            </option>
          ))}
        </select>
      </label>
    </ChartCard>
  );
}
