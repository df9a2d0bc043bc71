import { useState } from 'react';
import { useMutation, useQuery } from '../graphql/hooks';
import { Link, useSearchParams } from 'react-router';
import { MISSED_VISIT_REASON_LABELS, SCHEDULED_TIME_POINTS } from '@vfr/domain';
import { humanize } from '../forms/choices';
import { serverProblem } from '../forms/server-problem';
import { Empty, LoadError, Loading } from '../forms/status';
import '../forms/forms.css';
import { downloadWithToken } from '../cohorts/cohort-export';
import { filterQuery, filtersOf, gqlFilter } from './call-list';
import { COMPLETENESS, MARK_VISITS_MISSED, WORKLIST } from './worklist.documents';
import { Pager, useCursorPages } from '../forms/pager';
import { answeredBy } from '../patients/patient-page.format';
import { AWAITING_REVIEW, CONFIRM_QUESTIONNAIRE, ISSUE_QUESTIONNAIRE } from './questionnaire.documents';

const PAGE = 50;
const STATES = [
  { value: 'OVERDUE', label: 'Overdue' },
  { value: 'DUE', label: 'Due now' },
  { value: 'DUE_SOON', label: 'Due within 14 days' },
];
const SORTS = [
  { value: 'DUE_DATE', label: 'Target date' },
  { value: 'DAYS_OVERDUE', label: 'Days overdue' },
  { value: 'REGISTRY_NUMBER', label: 'Registry number' },
];

/** Follow-up visits due soon, due and overdue at your site, each with a link to record it. */
export function WorklistPage() {
  // The call list's "Back to the worklist" returns with the filters it was drawn up with.
  const [params] = useSearchParams();
  const [initial] = useState(() => filtersOf(params));
  const [states, setStates] = useState<string[]>(initial.states);
  const [timePoint, setTimePoint] = useState(initial.timePoint);
  const [registryNumber, setRegistryNumber] = useState(initial.registryNumber);
  const [sort, setSort] = useState(initial.sort);
  const pages = useCursorPages();
  const filters = { states, timePoint, registryNumber, sort };
  // A selection belongs to the rows it was made on: another filter or page clears it.
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const restart = () => {
    pages.restart();
    setSelected(new Set());
  };
  const filter = gqlFilter(filters);
  const list = useQuery(WORKLIST, {
    variables: { first: PAGE, after: pages.after, filter: filter as never, sort: sort as never },
    fetchPolicy: 'cache-and-network',
  });
  const completeness = useQuery(COMPLETENESS);
  const page = list.data?.worklist ?? list.previousData?.worklist;
  const [markMissed, marking] = useMutation(MARK_VISITS_MISSED);
  // Questionnaires patients answer by link: issued here (the letter is a page of the link itself,
  // drawn by the API; the link is shown this once), and answers confirmed here into their visits.
  const [issueLink, issuing] = useMutation(ISSUE_QUESTIONNAIRE);
  const [confirmAnswers] = useMutation(CONFIRM_QUESTIONNAIRE);
  const review = useQuery(AWAITING_REVIEW, { fetchPolicy: 'cache-and-network' });
  const [letter, setLetter] = useState('');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const rows = page?.edges.map((e) => e.node) ?? [];
  const keyOf = (w: { treatmentId: string; timePoint: string }) => `${w.treatmentId}/${w.timePoint}`;
  const chosen = rows.filter((w) => selected.has(keyOf(w)));
  const toggle = (key: string, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });
  const markChosen = async () => {
    setProblem([]);
    setNotice(null);
    if (!reason) return setProblem(['Choose why the visits did not take place.']);
    try {
      const visits = chosen.map((w) => ({ patientId: w.patientId, treatmentId: w.treatmentId, timePoint: w.timePoint }));
      await markMissed({ variables: { input: { visits, reason: reason as never } } });
      setNotice(
        `${visits.length} visit${visits.length === 1 ? '' : 's'} marked missed (${MISSED_VISIT_REASON_LABELS[reason as keyof typeof MISSED_VISIT_REASON_LABELS]}).`,
      );
      setSelected(new Set());
      await Promise.all([list.refetch(), completeness.refetch()]);
    } catch (e) {
      // The API names each refused row as visits.<i>: say which patient and visit that is.
      const p = serverProblem(e);
      const named = Object.entries(p.fields).map(([field, message]) => {
        const i = /^visits\.(\d+)/.exec(field)?.[1];
        const w = i === undefined ? undefined : chosen[Number(i)];
        return w ? `${w.registryNumber} ${w.timePoint}: ${message.replace(/^visits\.\d+( \([A-Z0-9]+\))?: /, '')}` : message;
      });
      setProblem([p.sentence, ...named]);
    }
  };
  const act = async (work: () => Promise<unknown>, done: string) => {
    setProblem([]);
    try {
      await work();
      setNotice(done);
      await Promise.all([list.refetch(), completeness.refetch(), review.refetch()]);
    } catch (e) {
      setProblem([serverProblem(e).sentence]);
    }
  };
  const [downloading, setDownloading] = useState(false);
  const download = () => {
    setDownloading(true);
    setProblem([]);
    downloadWithToken(`/api/export/worklist.csv?${filterQuery(filters)}`, 'worklist-call-list.csv')
      .catch((e: unknown) => setProblem([e instanceof Error ? e.message : 'The download failed.']))
      .finally(() => setDownloading(false));
  };

  return (
    <section aria-labelledby="worklist-title">
      <h2 id="worklist-title">Follow-up worklist</h2>
      <form className="filters" aria-label="Filter the worklist" onSubmit={(e) => e.preventDefault()}>
        <fieldset>
          <legend>Show</legend>
          {STATES.map((s) => (
            <span className="field check" key={s.value} style={{ display: 'inline-flex', paddingTop: 0, marginRight: '0.9rem' }}>
              <input
                id={`ws-${s.value}`}
                type="checkbox"
                checked={states.includes(s.value)}
                onChange={(e) => {
                  setStates((v) => (e.target.checked ? [...v, s.value] : v.filter((x) => x !== s.value)));
                  restart();
                }}
              />
              <label htmlFor={`ws-${s.value}`}>{s.label}</label>
            </span>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor="w-tp">Time point</label>
          <select
            id="w-tp"
            value={timePoint}
            onChange={(e) => {
              setTimePoint(e.target.value);
              restart();
            }}
          >
            <option value="">All</option>
            {SCHEDULED_TIME_POINTS.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="w-rn">Registry number</label>
          <input
            id="w-rn"
            value={registryNumber}
            onChange={(e) => {
              setRegistryNumber(e.target.value);
              restart();
            }}
          />
        </div>
        <div className="field">
          <label htmlFor="w-sort">Sort by</label>
          <select
            id="w-sort"
            value={sort}
            onChange={(e) => {
              setSort(e.target.value);
              restart();
            }}
          >
            {SORTS.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
      </form>
      {list.error && <LoadError error={list.error} what="The worklist" onRetry={() => void list.refetch()} />}
      {!page && !list.error && <Loading what="the worklist" />}
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {problem.length > 0 && (
        <div className="error" role="alert">
          {problem.map((m) => (
            <p key={m}>{m}</p>
          ))}
        </div>
      )}
      {letter && (
        <p>
          <a href={`${letter}/letter`} target="_blank" rel="noreferrer">
            Print the questionnaire letter
          </a>
        </p>
      )}
      {!!review.data?.questionnaireInvitations.length && (
        <section className="panel">
          <h3>Answered by patients, awaiting review</h3>
          <ul>
            {review.data.questionnaireInvitations.map((q) => (
              <li key={q.id}>
                {q.registryNumber} {q.timePoint}: NRS rest {q.answers?.nrsRest}, activity {q.answers?.nrsActivity} (answered {q.answeredAt?.slice(0, 10)} by{' '}
                {answeredBy(q.respondent)}){' '}
                <Link to={`/patients/${q.patientId}?review=${q.id}`} aria-label={`Review and correct: ${q.timePoint}, patient ${q.registryNumber}`}>
                  Review and correct
                </Link>{' '}
                <button
                  type="button"
                  onClick={() =>
                    void act(() => confirmAnswers({ variables: { i: { id: q.id, version: q.version } } }), `${q.registryNumber} ${q.timePoint} confirmed.`)
                  }
                >
                  Confirm
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {page && page.edges.length === 0 && <Empty>Nothing to follow up with these filters: every expected visit is recorded or not yet due.</Empty>}
      {page && page.edges.length > 0 && (
        <>
          <p className="count" aria-live="polite">
            {page.totalCount} visits to follow up
          </p>
          <div className="toolbar">
            <Link to={`/worklist/call-list?${filterQuery(filters)}`}>Print call list</Link>
            <button type="button" className="link" disabled={downloading} onClick={download}>
              Download call list (CSV)
            </button>
          </div>
          <form
            className="filters"
            aria-label="Mark the selected visits missed"
            onSubmit={(e) => {
              e.preventDefault();
              void markChosen();
            }}
          >
            <div className="field">
              <label htmlFor="w-missed-reason">Reason the visits were missed</label>
              <select id="w-missed-reason" value={reason} onChange={(e) => setReason(e.target.value)}>
                <option value="">Choose…</option>
                {Object.entries(MISSED_VISIT_REASON_LABELS).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" disabled={chosen.length === 0 || marking.loading}>
              Mark missed ({chosen.length} selected)
            </button>
          </form>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th>
                    <input
                      type="checkbox"
                      aria-label="Select every visit on this page"
                      checked={rows.length > 0 && chosen.length === rows.length}
                      onChange={(e) => setSelected(new Set(e.target.checked ? rows.map(keyOf) : []))}
                    />
                  </th>
                  <th>State</th>
                  <th>Registry number</th>
                  <th>Time point</th>
                  <th>Target date</th>
                  <th>Window</th>
                  <th>Days overdue</th>
                  <th>Index treatment</th>
                  <th>
                    <span className="visually-hidden">Record</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {page.edges.map(({ node: w }) => (
                  <tr key={`${w.treatmentId}-${w.timePoint}`}>
                    <td>
                      <input
                        type="checkbox"
                        aria-label={`Select the ${w.timePoint} visit of ${w.registryNumber}`}
                        checked={selected.has(keyOf(w))}
                        onChange={(e) => toggle(keyOf(w), e.target.checked)}
                      />
                    </td>
                    <td>
                      <span className={`badge ${w.state}`}>{STATES.find((s) => s.value === w.state)?.label ?? w.state}</span>
                    </td>
                    <td>
                      <Link to={`/patients/${w.patientId}`}>{w.registryNumber}</Link>
                    </td>
                    <td>{w.timePoint}</td>
                    <td>{w.targetDate}</td>
                    <td>
                      {w.windowStart} to {w.windowEnd}
                    </td>
                    <td>{w.daysOverdue > 0 ? w.daysOverdue : '–'}</td>
                    <td>
                      {humanize(w.treatmentKind)} {w.treatmentDate}
                    </td>
                    <td>
                      <Link
                        to={`/patients/${w.patientId}?record=visit&treatment=${w.treatmentId}&timePoint=${w.timePoint}`}
                        // The name starts with the visible words (WCAG 2.5.3, Label in Name), then says which visit.
                        aria-label={`Record visit: ${w.timePoint}, patient ${w.registryNumber}`}
                      >
                        Record visit
                      </Link>
                      {w.state === 'DUE' && (
                        <button
                          type="button"
                          className="link"
                          disabled={issuing.loading}
                          onClick={() =>
                            void act(async () => {
                              const r = await issueLink({
                                variables: { i: { patientId: w.patientId, treatmentId: w.treatmentId, timePoint: w.timePoint } },
                              });
                              setLetter(r.data?.issueQuestionnaireLink.url ?? '');
                            }, `Questionnaire link issued for ${w.registryNumber} ${w.timePoint}.`)
                          }
                          aria-label={`Questionnaire link: ${w.timePoint}, patient ${w.registryNumber}`}
                        >
                          Questionnaire link
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager pages={pages} pageInfo={page.pageInfo} />
        </>
      )}
      <section className="panel" aria-labelledby="completeness-title">
        <h3 id="completeness-title">Follow-up completeness (visits whose window has closed)</h3>
        {completeness.error && <LoadError error={completeness.error} what="Completeness" />}
        {!completeness.data && !completeness.error && <Loading what="completeness" />}
        {completeness.data && completeness.data.followUpCompleteness.length === 0 && <Empty>No visit window has closed yet.</Empty>}
        {completeness.data && completeness.data.followUpCompleteness.length > 0 && (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th>Site</th>
                  <th>Time point</th>
                  <th>Expected</th>
                  <th>Done</th>
                  <th>Missed</th>
                  <th>Outstanding</th>
                  <th>Completeness</th>
                </tr>
              </thead>
              <tbody>
                {completeness.data.followUpCompleteness.map((c) => (
                  <tr key={`${c.siteId}-${c.timePoint}`}>
                    <td>{c.siteCode}</td>
                    <td>{c.timePoint}</td>
                    <td>{c.expected ?? '—'}</td>
                    <td>{c.done ?? '—'}</td>
                    <td>{c.missed ?? '—'}</td>
                    <td>{c.outstanding ?? '—'}</td>
                    <td>{c.completeness === null ? '—' : `${(c.completeness * 100).toFixed(1)} %`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </section>
  );
}
