import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { humanize } from '../forms/choices';
import { serverProblem } from '../forms/server-problem';
import { useMutation, useQuery } from '../graphql/hooks';
import { WORKLIST } from '../worklist/worklist.documents';
import { ISSUE_QUESTIONNAIRE, PATIENT_QUESTIONNAIRES, QUESTIONNAIRE_EMAIL } from '../worklist/questionnaire.documents';
import { AssessmentForm } from './assessment-form';
import type { Patient, PatientPageControls } from './patient-page.controls';
import { answeredBy } from './patient-page.format';
import { relatedOf } from './related-records.rules';

/**
 * The patient's questionnaire links (their site's coordinators and admins): a link for each visit
 * whose window is open today (the worklist's rule, read from the worklist itself), the links issued
 * with their state, and answers awaiting review, reviewed here in the visit form before they count.
 */
export function QuestionnairesSection({ patient: p, controls: c }: { patient: Patient; controls: PatientPageControls }) {
  const [params] = useSearchParams();
  const links = useQuery(PATIENT_QUESTIONNAIRES, { variables: { patientId: p.id }, fetchPolicy: 'cache-and-network' });
  const due = useQuery(WORKLIST, { variables: { first: 20, filter: { registryNumber: p.registryNumber, states: ['DUE'] } } });
  const [issue, issuing] = useMutation(ISSUE_QUESTIONNAIRE);
  const [letter, setLetter] = useState<{ timePoint: string; url: string; emailed: boolean } | null>(null);
  // The form's language, and an address to email the link to where the registry can send mail
  // (used for the send, kept nowhere; sent again for the same visit, it goes as a reminder).
  const [language, setLanguage] = useState('en');
  const [to, setTo] = useState('');
  const mail = useQuery(QUESTIONNAIRE_EMAIL).data?.questionnaireEmail;
  const [problem, setProblem] = useState('');
  // The worklist's "Review" opens this page with ?review=<link>.
  const [reviewing, setReviewing] = useState(params.get('review'));
  const list = links.data?.questionnaireInvitations ?? [];
  // A visit whose answers await review gets no new link: confirm (or revoke) those first.
  const awaiting = new Set(list.filter((q) => q.state === 'AWAITING_REVIEW').map((q) => `${q.treatmentId}/${q.timePoint}`));
  const dueNow = (due.data?.worklist.edges ?? []).map((e) => e.node).filter((w) => w.patientId === p.id && !awaiting.has(`${w.treatmentId}/${w.timePoint}`));
  const open = list.find((q) => q.id === reviewing && q.state === 'AWAITING_REVIEW' && q.answers && q.answeredAt);
  // The form opens far below the top of the page (from the worklist, as the page loads): bring it into view.
  const form = useRef<HTMLDivElement>(null);
  useEffect(() => {
    form.current?.scrollIntoView({ block: 'start' });
  }, [open?.id]);
  return (
    <section className="panel" aria-labelledby="questionnaires-title">
      <h3 id="questionnaires-title">Questionnaire links</h3>
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      {dueNow.length > 0 && (
        <div className="filters">
          <label>
            Language of the form{' '}
            <select value={language} onChange={(e) => setLanguage(e.target.value)}>
              <option value="en">English</option>
              <option value="de">Deutsch</option>
            </select>
          </label>
          {mail && (
            <label>
              Email the link to (optional, not kept) <input type="email" value={to} onChange={(e) => setTo(e.target.value)} />
            </label>
          )}
        </div>
      )}
      {dueNow.map((w) => (
        <button
          key={`${w.treatmentId}/${w.timePoint}`}
          type="button"
          disabled={issuing.loading}
          onClick={() => {
            setProblem('');
            issue({ variables: { i: { patientId: p.id, treatmentId: w.treatmentId, timePoint: w.timePoint, language, email: (mail && to) || null } } })
              .then((r) => {
                const issued = r.data!.issueQuestionnaireLink;
                setLetter({ timePoint: w.timePoint, url: issued.url, emailed: !!issued.invitation.emailedAt });
                return links.refetch();
              })
              .catch((e: unknown) => setProblem(serverProblem(e).sentence));
          }}
        >
          Questionnaire link for {w.timePoint}
        </button>
      ))}
      {letter && (
        <p role="status">
          Link issued for {letter.timePoint}
          {letter.emailed ? ' and emailed' : ''} (shown this once):{' '}
          <a href={`${letter.url}/letter`} target="_blank" rel="noreferrer">
            Print the questionnaire letter
          </a>
        </p>
      )}
      {list.length > 0 && (
        <ul>
          {list.map((q) => (
            <li key={q.id}>
              {q.timePoint}: {humanize(q.state)}, issued {q.issuedAt.slice(0, 10)}
              {q.emailedAt ? ` (emailed)` : ''}
              {q.answeredAt ? `, answered ${q.answeredAt.slice(0, 10)} by ${answeredBy(q.respondent)}` : `, works until ${q.expiresAt.slice(0, 10)}`}{' '}
              {q.state === 'AWAITING_REVIEW' && (
                <button type="button" className="link" onClick={() => setReviewing(q.id)}>
                  Review answers
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {!list.length && !dueNow.length && <p className="empty">No link issued; none can be now (no visit's window is open today).</p>}
      {open && (
        <div ref={form}>
          <AssessmentForm
            key={open.id}
            related={relatedOf(p)}
            patientId={p.id}
            treatments={p.treatments.filter((t) => !t.withdrawnAt)}
            review={{ ...open, answeredAt: open.answeredAt!, answers: open.answers! }}
            onCancel={() => setReviewing(null)}
            onReload={() => void links.refetch()}
            onSaved={async () => {
              setReviewing(null);
              await Promise.all([links.refetch(), c.saved(`The ${open.timePoint} answers were confirmed into the visit.`)()]);
            }}
          />
        </div>
      )}
    </section>
  );
}
