import { useMutation, useQuery } from '../graphql/hooks';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { claimsOf, errorSentence, session } from '../api';
import { ChartCard } from '../charts/chart-card';
import { METHODS } from '../methods/methods-anchors';
import { MethodsLink } from '../methods/methods-link';
import { labelOf, TIME_POINTS } from '../charts/palette';
import { newRequestId } from '../forms/request-id';
import type { CohortFilterInput, OutcomeMeasure, PropensityTrimming, ResponderDefinition, TimePoint, TreatmentGrouping } from '../gql/graphql';
import { RESPONDER_DEFINITIONS } from '../overview/overview.page';
import '../overview/overview.css';
import { assessmentsUrl, dictionaryUrl, downloadWithToken, recordsUrl } from './cohort-export';
import { cleanFilter, CohortFilterForm } from './cohort-filter.form';
import { viewFromSearch, viewToSearch } from './cohort-url';
import { NO_FIGURE } from '../overview/overview.options';
import { overlapFigure, overlapHeight } from './adjusted-overlap.options';
import { LossOfCorrectionCard } from './loss-of-correction.card';
import { AdjustedTables, TableOne } from './comparison-tables';
import {
  COHORT_ADJUSTED,
  COHORT_ADJUSTED_NEW_FRACTURE,
  COHORT_NEW_FRACTURES,
  COHORT_RESPONDERS,
  COHORT_SITES,
  COHORT_SIZE,
  COHORT_SURVIVAL,
  COHORT_TABLE_ONE,
  COHORT_TRAJECTORY,
  DELETE_SAVED_COHORT,
  RENAME_SAVED_COHORT,
  SAVE_COHORT,
  SAVED_COHORTS,
} from './cohorts.documents';
import {
  cohortRespondersFigure,
  cohortTrajectoryFigure,
  cumulativeIncidenceFigure,
  formatP,
  IMAGING_CAVEAT,
  imagingFigure,
  kmFigure,
  MEASURES,
  newFracturesByAdjacencyFigure,
  newFracturesByLevelFigure,
} from './cohorts.options';
import './cohorts.css';

// The methods are documented in the repository's docs, which the dashboard does not serve: the
// section is named so that a reader can find it.

/** A researcher's workbench: build a cohort, compare treatments within it, save and export it. */
const PROCEDURE_GROUPINGS: TreatmentGrouping[] = ['ANAESTHESIA', 'APPROACH', 'CEMENT_VOLUME'];
const PROCEDURE_ONLY = 'Only patients whose first treatment is a procedure with this detail recorded are compared, followed as by intention to treat.';
const GROUPING_CAPTIONS: Record<TreatmentGrouping, string> = {
  FIRST_TREATMENT: 'Intention to treat: patients are grouped by their first treatment and followed to the end of follow-up, whatever treatment came later.',
  PER_PROTOCOL:
    'Per protocol: patients are grouped by their first treatment, and follow-up ends on the day of a crossover to another kind of treatment (visits and events from that day on are left out).',
  ANAESTHESIA: `Procedures by the anaesthesia of the first procedure. ${PROCEDURE_ONLY}`,
  APPROACH: `Procedures by the approach of the first procedure. ${PROCEDURE_ONLY}`,
  CEMENT_VOLUME: `Procedures by cement volume per treated level (under 3 ml, 3 to under 5 ml, 5 ml or more). ${PROCEDURE_ONLY}`,
};

export function CohortsPage() {
  // The cohort and the settings live in the URL (cohort-url.ts), so that a link opens the same view.
  const [params, setParams] = useSearchParams();
  const [initial] = useState(() => viewFromSearch(params.toString()));
  const [filter, setFilter] = useState<CohortFilterInput>(initial.filter);
  const [grouping, setGrouping] = useState<TreatmentGrouping>(initial.grouping);
  const [formKey, setFormKey] = useState(0);
  const [measure, setMeasure] = useState<OutcomeMeasure>(initial.measure);
  const [timePoint, setTimePoint] = useState<TimePoint>(initial.timePoint);
  const [definition, setDefinition] = useState<ResponderDefinition>(initial.definition);
  const [trimming, setTrimming] = useState<PropensityTrimming>(initial.trimming);
  const [compared, setCompared] = useState(initial.compared);
  const search = viewToSearch({ filter, grouping, measure, timePoint, definition, trimming, compared });
  useEffect(() => {
    // Replaced, not pushed: Back leaves the explorer instead of stepping through every setting.
    if (search !== params.toString()) setParams(search, { replace: true });
  }, [search]); // eslint-disable-line react-hooks/exhaustive-deps
  const vars = { filter, grouping };

  const sites = useQuery(COHORT_SITES);
  const size = useQuery(COHORT_SIZE, { variables: vars });
  const trajectoryQ = useQuery(COHORT_TRAJECTORY, { variables: { ...vars, measure } });
  const respondersQ = useQuery(COHORT_RESPONDERS, { variables: { ...vars, definition } });
  const adjustedScore = useQuery(COHORT_ADJUSTED, { variables: { ...vars, measure, timePoint, trimming }, skip: compared !== 'SCORE' });
  const adjustedFracture = useQuery(COHORT_ADJUSTED_NEW_FRACTURE, { variables: { ...vars, timePoint, trimming }, skip: compared !== 'NEW_FRACTURE' });
  const adjusted = compared === 'SCORE' ? adjustedScore : adjustedFracture;
  const tableOne = useQuery(COHORT_TABLE_ONE, { variables: vars });
  const survivalQ = useQuery(COHORT_SURVIVAL, { variables: vars });
  const newFracturesQ = useQuery(COHORT_NEW_FRACTURES, { variables: vars });

  const trajectory = useMemo(() => (trajectoryQ.data ? cohortTrajectoryFigure(trajectoryQ.data, measure) : NO_FIGURE), [trajectoryQ.data, measure]);
  const responders = useMemo(() => (respondersQ.data ? cohortRespondersFigure(respondersQ.data) : NO_FIGURE), [respondersQ.data]);
  const relief = useMemo(() => (survivalQ.data ? kmFigure(survivalQ.data.relief, 'pain relief (NRS ≤ 3)') : NO_FIGURE), [survivalQ.data]);
  const fracture = useMemo(() => (survivalQ.data ? cumulativeIncidenceFigure(survivalQ.data.fracture) : NO_FIGURE), [survivalQ.data]);
  const death = useMemo(() => (survivalQ.data ? kmFigure(survivalQ.data.death, 'death') : NO_FIGURE), [survivalQ.data]);
  const byLevel = useMemo(() => (newFracturesQ.data ? newFracturesByLevelFigure(newFracturesQ.data) : NO_FIGURE), [newFracturesQ.data]);
  const byAdjacency = useMemo(() => (newFracturesQ.data ? newFracturesByAdjacencyFigure(newFracturesQ.data) : NO_FIGURE), [newFracturesQ.data]);
  const imaging = useMemo(() => (newFracturesQ.data ? imagingFigure(newFracturesQ.data) : NO_FIGURE), [newFracturesQ.data]);
  const overlap = useMemo(() => (adjusted.data ? overlapFigure(adjusted.data.adjustedComparison) : NO_FIGURE), [adjusted.data]);

  const apply = (f: CohortFilterInput, g: TreatmentGrouping) => {
    setFilter(f);
    setGrouping(g);
  };
  const load = (f: CohortFilterInput) => {
    apply(cleanFilter(f), grouping);
    setFormKey((k) => k + 1);
  };

  const s = size.data?.cohortSize;
  return (
    <section aria-labelledby="cohorts-title" className="cohorts">
      <h2 id="cohorts-title">Cohort explorer</h2>
      <CohortFilterForm key={formKey} value={filter} grouping={grouping} sites={sites.data?.sites ?? []} onApply={apply} />

      <div className="cohort-bar">
        <p className="cohort-size" role="status" aria-live="polite">
          {size.error
            ? errorSentence(size.error, 'The cohort size')
            : !s
              ? 'Counting the cohort…'
              : s.total === null
                ? `The cohort holds fewer than ${s.threshold} patients (suppressed).`
                : `${s.total} patients in the cohort: ${s.groups.map((g) => `${labelOf(g.group).toLowerCase()} ${g.suppressed ? `under ${s.threshold}` : g.n}`).join(', ')}.`}
        </p>
        <ExportLinks filter={filter} />
        <CopyLink />
      </div>

      <p className="grouping-caption">
        {GROUPING_CAPTIONS[grouping]} Follow-up ends at death or the last completed visit; events after it do not count; visits count for the time point whose
        window holds their date.
      </p>
      <MethodsLink section={PROCEDURE_GROUPINGS.includes(grouping) ? METHODS.procedures : METHODS.followUp} what="grouping" />

      <SavedCohorts filter={filter} onLoad={load} />

      <h3 className="section">Comparison</h3>
      <div className="row comparison-controls">
        <label className="field">
          Outcome measure
          <select value={measure} onChange={(e) => setMeasure(e.target.value as OutcomeMeasure)}>
            {(Object.keys(MEASURES) as OutcomeMeasure[]).map((m) => (
              <option key={m} value={m}>
                {MEASURES[m].label}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          Time point for the differences
          <select value={timePoint} onChange={(e) => setTimePoint(e.target.value as TimePoint)}>
            {TIME_POINTS.filter((t) => t !== 'BASELINE').map((t) => (
              <option key={t} value={t}>
                {labelOf(t)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          Adjusted comparison of
          <select value={compared} onChange={(e) => setCompared(e.target.value as 'SCORE' | 'NEW_FRACTURE')}>
            <option value="SCORE">The score chosen, at the time point</option>
            <option value="NEW_FRACTURE">New vertebral fracture by the time point</option>
          </select>
        </label>
        <label className="field">
          Trimming before weighting
          <select value={trimming} onChange={(e) => setTrimming(e.target.value as PropensityTrimming)}>
            <option value="NONE">None</option>
            <option value="CRUMP">Crump rule (extreme propensities)</option>
          </select>
        </label>
        <label className="field">
          Responder means
          <select value={definition} onChange={(e) => setDefinition(e.target.value as ResponderDefinition)}>
            {RESPONDER_DEFINITIONS.map((d) => (
              <option key={d.value} value={d.value}>
                {d.label} from baseline
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="chart-grid">
        <ChartCard
          id="cohort-trajectory"
          definition={METHODS.rates}
          title={`${MEASURES[measure].label} over time`}
          {...trajectory}
          loading={trajectoryQ.loading}
          asOf={trajectoryQ.asOf}
          error={trajectoryQ.error}
          empty="No scores of this measure in the cohort."
        />
        <ChartCard
          id="cohort-responders"
          definition={METHODS.rates}
          title="Responder rates"
          {...responders}
          loading={respondersQ.loading}
          asOf={respondersQ.asOf}
          error={respondersQ.error}
          empty="No follow-up scores in the cohort, so no responders can be counted."
        />
        <ChartCard
          id="km-relief"
          definition={METHODS.timeToEvent}
          title={`Time to pain relief (Kaplan-Meier)${survivalQ.data ? `, log-rank ${formatP(survivalQ.data.relief.logRankP)}` : ''}`}
          {...relief}
          loading={survivalQ.loading}
          asOf={survivalQ.asOf}
          error={survivalQ.error}
          empty="No patients with follow-up in the cohort."
        />
        <ChartCard
          id="ci-fracture"
          definition={METHODS.competingRisks}
          title="New fracture, with death as a competing risk (cumulative incidence)"
          {...fracture}
          loading={survivalQ.loading}
          asOf={survivalQ.asOf}
          error={survivalQ.error}
          empty="No patients with follow-up in the cohort."
        />
        <ChartCard
          id="new-fractures-level"
          definition={METHODS.newFractures}
          title="New fractures by level"
          {...byLevel}
          loading={newFracturesQ.loading}
          asOf={newFracturesQ.asOf}
          error={newFracturesQ.error}
          empty="No new fractures within follow-up in the cohort."
        />
        <ChartCard
          id="new-fractures-adjacency"
          definition={METHODS.newFractures}
          title="New fractures, adjacent or remote"
          {...byAdjacency}
          loading={newFracturesQ.loading}
          asOf={newFracturesQ.asOf}
          error={newFracturesQ.error}
          empty="No new fractures within follow-up in the cohort."
        />
        <ChartCard
          id="imaging-per-visit"
          definition={METHODS.newFractures}
          title="Spine imaging per visit"
          {...imaging}
          loading={newFracturesQ.loading}
          asOf={newFracturesQ.asOf}
          error={newFracturesQ.error}
          empty={`No visit in the cohort recorded whether imaging was done. ${IMAGING_CAVEAT}`}
        />
        <LossOfCorrectionCard filter={filter} grouping={grouping} />
        <ChartCard
          id="km-death"
          definition={METHODS.timeToEvent}
          title={`Overall survival (Kaplan-Meier)${survivalQ.data ? `, log-rank ${formatP(survivalQ.data.death.logRankP)}` : ''}`}
          {...death}
          loading={survivalQ.loading}
          asOf={survivalQ.asOf}
          error={survivalQ.error}
          empty="No patients with follow-up in the cohort."
        />
      </div>

      <section className="tables" aria-labelledby="adjusted-title">
        <h3 id="adjusted-title">Differences, unadjusted and adjusted (IPTW)</h3>
        {adjusted.error ? (
          <p role="alert" className="error">
            {errorSentence(adjusted.error, 'The adjusted comparison')}
          </p>
        ) : !adjusted.data ? (
          <p className="loading" role="status">
            Weighting the groups…
          </p>
        ) : adjusted.data.adjustedComparison.differences.length === 0 ? (
          <p className="empty">Too few patients in at least two groups to compare.</p>
        ) : (
          <AdjustedTables data={adjusted.data.adjustedComparison} />
        )}
        <MethodsLink section={METHODS.adjusted} what="comparison" />
        {adjusted.data && adjusted.data.adjustedComparison.differences.length > 0 ? (
          <ChartCard
            id="propensity-overlap"
            definition={METHODS.adjusted}
            title="Overlap of the propensity scores"
            {...overlap}
            loading={adjusted.loading}
            asOf={adjusted.asOf}
            error={adjusted.error}
            height={overlapHeight(adjusted.data.adjustedComparison)}
            empty="No propensity scores to show."
          >
            <p className="chart-note">
              Each panel shows, for one treatment, how likely the model found that treatment for the patients of each group. Where the groups&apos; bars
              overlap, patients of one group have comparable patients in the other. Where a group has patients at propensities no other group reaches, those
              patients have no counterpart: their weights become extreme, the effective sample size falls and the adjusted difference rests on a few patients
              and on the model&apos;s extrapolation (consider the Crump trimming above).
            </p>
          </ChartCard>
        ) : null}
      </section>
      <section className="tables" aria-labelledby="table-one-title">
        <h3 id="table-one-title">Characteristics (Table 1)</h3>
        {tableOne.error ? (
          <p role="alert" className="error">
            {errorSentence(tableOne.error, 'Table 1')}
          </p>
        ) : !tableOne.data ? (
          <p className="loading" role="status">
            Loading Table 1…
          </p>
        ) : tableOne.data.characteristicsTable.length === 0 ? (
          <p className="empty">The cohort is empty.</p>
        ) : (
          <TableOne rows={tableOne.data.characteristicsTable} />
        )}
        <MethodsLink section={METHODS.adjusted} what="table" />
      </section>
    </section>
  );
}

/** Copies the page's address, which holds the cohort and the settings (never any data). */
function CopyLink() {
  const [said, setSaid] = useState<string | null>(null);
  const copy = () =>
    navigator.clipboard.writeText(window.location.href).then(
      () => setSaid('Link copied.'),
      () => setSaid(`Copy this link: ${window.location.href}`),
    );
  return (
    <span className="exports">
      <button type="button" onClick={() => void copy()}>
        Copy link
      </button>
      <span role="status">{said}</span>
    </span>
  );
}

function ExportLinks({ filter }: { filter: CohortFilterInput }) {
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const get = (url: string, name: string) => {
    setBusy(true);
    setProblem(null);
    downloadWithToken(url, name)
      .catch((e: unknown) => setProblem(e instanceof Error ? e.message : 'The download failed.'))
      .finally(() => setBusy(false));
  };
  return (
    <div className="exports" role="group" aria-label="Export the cohort">
      <span>Export:</span>
      <button type="button" disabled={busy} onClick={() => get(assessmentsUrl('long', filter), 'cohort-assessments-long.csv')}>
        Long CSV
      </button>
      <button type="button" disabled={busy} onClick={() => get(assessmentsUrl('wide', filter), 'cohort-assessments-wide.csv')}>
        Wide CSV
      </button>
      {(['complications', 'treatments'] as const).map((f) => (
        <button key={f} type="button" disabled={busy} onClick={() => get(recordsUrl(f, filter), `cohort-${f}.csv`)}>
          {f === 'complications' ? 'Complications CSV' : 'Treatments CSV'}
        </button>
      ))}
      {(['long', 'wide', 'complications', 'treatments'] as const).map((f) => (
        <button key={f} type="button" disabled={busy} onClick={() => get(dictionaryUrl(f), `data-dictionary-${f}.csv`)}>
          Dictionary ({f})
        </button>
      ))}
      {problem && (
        <span role="alert" className="error">
          {problem}
        </span>
      )}
    </div>
  );
}

function SavedCohorts({ filter, onLoad }: { filter: CohortFilterInput; onLoad: (f: CohortFilterInput) => void }) {
  const saved = useQuery(SAVED_COHORTS);
  const [save, saving] = useMutation(SAVE_COHORT, { refetchQueries: [SAVED_COHORTS] });
  const [name, setName] = useState('');
  const [shared, setShared] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [chosen, setChosen] = useState('');
  // One id per cohort saved: a save sent again after a lost answer keeps it; the next cohort gets a new one.
  const [requestId, setRequestId] = useState(newRequestId);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setMessage(null);
    try {
      const r = await save({ variables: { input: { name: name.trim(), filter, shared, requestId } } });
      setMessage(`Saved as “${r.data?.saveCohort.name}”.`);
      setName('');
      setRequestId(newRequestId());
    } catch (err) {
      setMessage(errorSentence(err, 'The cohort'));
    }
  }

  const list = saved.data?.savedCohorts ?? [];
  const c = list.find((x) => x.id === chosen);
  const mine = c && c.ownerId === claimsOf(session.token).sub ? c : undefined;
  // null: no change under way; a string: the new name being typed; false: asking before a delete.
  const [editing, setEditing] = useState<string | false | null>(null);
  const [rename, renaming] = useMutation(RENAME_SAVED_COHORT, { refetchQueries: [SAVED_COHORTS] });
  const [remove, removing] = useMutation(DELETE_SAVED_COHORT, { refetchQueries: [SAVED_COHORTS] });
  const busy = { loading: renaming.loading || removing.loading };

  async function change(e: FormEvent, what: 'rename' | 'delete') {
    e.preventDefault();
    if (!mine) return;
    setMessage(null);
    try {
      if (what === 'rename') {
        const r = await rename({ variables: { input: { id: mine.id, version: mine.version, name: (editing as string).trim() } } });
        setMessage(`Renamed “${mine.name}” to “${r.data?.updateSavedCohort.name}”.`);
      } else {
        await remove({ variables: { input: { id: mine.id, version: mine.version, reason: 'Deleted by its owner in the cohort explorer' } } });
        setMessage(`Deleted “${mine.name}”.`);
        setChosen('');
      }
      setEditing(null);
    } catch (err) {
      setMessage(errorSentence(err, 'The saved cohort'));
    }
  }

  return (
    <div className="saved">
      <form onSubmit={(e) => void submit(e)} aria-label="Save this cohort" className="row">
        <label className="field">
          Save this cohort as
          <input name="cohortName" value={name} required maxLength={200} onChange={(e) => setName(e.target.value)} />
        </label>
        <label className="check">
          <input type="checkbox" checked={shared} onChange={(e) => setShared(e.target.checked)} /> Share with other analysts
        </label>
        <button type="submit" disabled={saving.loading || !name.trim()}>
          Save cohort
        </button>
      </form>
      <form
        className="row"
        aria-label="Load a saved cohort"
        onSubmit={(e) => {
          e.preventDefault();
          if (c) {
            onLoad(c.filter as CohortFilterInput);
            setMessage(`Loaded “${c.name}”.`);
          }
        }}
      >
        <label className="field">
          Saved cohorts
          <select
            value={chosen}
            onChange={(e) => {
              setChosen(e.target.value);
              setEditing(null);
            }}
            disabled={!list.length}
          >
            <option value="">{saved.loading ? 'Loading…' : list.length ? 'Choose a saved cohort' : 'None saved yet'}</option>
            {list.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
                {c.shared ? ' (shared)' : ''}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={!c}>
          Load cohort
        </button>
        {/* Only its owner may change a saved cohort (the server checks it too). */}
        {mine && editing === null && (
          <>
            <button type="button" onClick={() => setEditing(mine.name)}>
              Rename
            </button>
            <button type="button" className="danger" onClick={() => setEditing(false)}>
              Delete
            </button>
          </>
        )}
      </form>
      {mine && typeof editing === 'string' && (
        <form className="row" aria-label={`Rename “${mine.name}”`} onSubmit={(e) => void change(e, 'rename')}>
          <label className="field">
            New name
            <input value={editing} required maxLength={120} autoFocus onChange={(e) => setEditing(e.target.value)} />
          </label>
          <button type="submit" disabled={busy.loading || !editing.trim()}>
            Save name
          </button>
          <button type="button" onClick={() => setEditing(null)}>
            Cancel
          </button>
        </form>
      )}
      {mine && editing === false && (
        <form className="confirm" aria-label={`Confirm deleting “${mine.name}”`} onSubmit={(e) => void change(e, 'delete')}>
          <p>
            Delete the saved cohort “{mine.name}”? {mine.shared ? 'Other analysts no longer see it either. ' : ''}The patients and their data are not touched.
          </p>
          <button type="submit" className="danger" disabled={busy.loading}>
            Yes, delete
          </button>{' '}
          <button type="button" autoFocus onClick={() => setEditing(null)}>
            Cancel
          </button>
        </form>
      )}
      {saved.error && (
        <p role="alert" className="error">
          {errorSentence(saved.error, 'Saved cohorts')}
        </p>
      )}
      {message && (
        <p role="status" className="saved-message">
          {message}
        </p>
      )}
    </div>
  );
}
