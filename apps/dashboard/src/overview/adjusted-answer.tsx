import { errorSentence } from '../api';
import { asOfSentence, countText } from '../charts/chart-text';
import type { CohortFilterInput } from '../gql/graphql';
import { useQuery } from '../graphql/hooks';
import { METHODS } from '../methods/methods-anchors';
import { MethodsLink } from '../methods/methods-link';
import { adjustedSentences, imbalanceWarning, type AdjustedPain } from './adjusted-text';
import { OVERVIEW_ADJUSTED } from './overview.documents';

interface Scope {
  key: string;
  label: string;
  filter: CohortFilterInput;
}

/** One scope's answer: a warning when the groups differed before treatment, a sentence per treatment at each time point. */
function ScopeAnswer({ scope, titled, start }: { scope: Scope; titled: boolean; start: boolean }) {
  const q = useQuery(OVERVIEW_ADJUSTED, { variables: { filter: scope.filter }, skip: !start });
  const times: { when: string; a: AdjustedPain | undefined }[] = [
    { when: 'at one month', a: q.data?.month1 },
    { when: 'at one year', a: q.data?.month12 },
  ];
  // The warning of the time point with more patients analysed (the same covariates in both).
  const warningOf = times.map((t) => t.a).find((a) => a && a.means.length > 1);
  const warning = warningOf ? imbalanceWarning(warningOf) : null;
  return (
    <div data-scope={scope.key}>
      {titled && <h4>{scope.label}</h4>}
      {q.error ? (
        <p role="alert" className="error">
          {errorSentence(q.error, 'The adjusted answer')}
        </p>
      ) : !q.data ? (
        <p role="status">Fitting the adjustment…</p>
      ) : (
        <>
          {warning && (
            <p className="adjusted-warning" role="note">
              {warning}
            </p>
          )}
          {times.map(({ when, a }) => (
            <div key={when}>
              <p>
                <strong>Pain (NRS 0–10, lower is better) {when}</strong>
                {a?.n != null && `, ${countText(a.n)} patients analysed`}
              </p>
              {!a || a.means.length < 2 ? (
                <p>Too few patients with a pain score {when} in two or more treatment groups to compare them.</p>
              ) : (
                <ul>
                  {adjustedSentences(a, when).map((s) => (
                    <li key={s}>{s}</li>
                  ))}
                </ul>
              )}
              {q.asOf && when === 'at one year' && <p className="chart-note as-of">{asOfSentence(q.asOf)}</p>}
              {a && a.suppressedGroups.length > 0 && <p className="chart-note">Left out, too few to show: {a.suppressedGroups.join(', ').toLowerCase()}.</p>}
            </div>
          ))}
        </>
      )}
    </div>
  );
}

/**
 * Which treatment did better: pain at one month and one year, IPTW-adjusted, per scope. The
 * fits are asked for once `start` (the overview starts them after its charts are answered).
 */
export function AdjustedAnswer({ scopes, start = true }: { scopes: Scope[]; start?: boolean }) {
  return (
    <section className="adjusted-answer" aria-labelledby="adjusted-title">
      <h3 id="adjusted-title">Which treatment did better, adjusted for differences between patients</h3>
      <p className="chart-note">
        Means weighted by the inverse probability of each patient&apos;s treatment (IPTW), so that each treatment group stands for all patients compared; from
        the propensity model&apos;s covariates (age, sex, cause, fracture, baseline pain and function, general condition). What was not recorded cannot be
        adjusted for.
      </p>
      <div className="adjusted-columns">
        {scopes.map((s) => (
          <ScopeAnswer key={s.key} scope={s} titled={scopes.length > 1} start={start} />
        ))}
      </div>
      <MethodsLink section={METHODS.adjusted} />
    </section>
  );
}
