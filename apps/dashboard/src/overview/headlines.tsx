import { HEADLINE_FIGURES, type HeadlineFigure } from '@vfr/domain';
import { errorSentence } from '../api';
import { asOfSentence, percent, withheld, countText } from '../charts/chart-text';
import type { CohortFilterInput, OverviewHeadlinesQuery } from '../gql/graphql';
import { useEffect } from 'react';
import { holdDrawing } from '../charts/draw-later';
import { useQuery } from '../graphql/hooks';
import { OVERVIEW_HEADLINES } from './overview.documents';

type Headline = OverviewHeadlinesQuery['registry'][number];

/** A headline as words: a count, or a share with its numerator, denominator and interval. */
export function headlineText(h: Headline | undefined, threshold: number | null): { value: string; detail: string } {
  if (!h || h.suppressed || h.n === null) return { value: 'Withheld', detail: withheld(threshold) };
  const def = HEADLINE_FIGURES[h.figure as HeadlineFigure];
  if (h.figure === 'PATIENTS_TREATED') return { value: countText(h.n), detail: def.unit };
  if (h.n === 0 || h.rate === null) return { value: '–', detail: `no ${def.unit} yet` };
  return {
    value: percent(h.rate),
    detail: `${h.events} of ${countText(h.n)} ${def.unit} (95% CI ${percent(h.lower)} to ${percent(h.upper)})`,
  };
}

interface Props {
  siteLabel: string | null;
  siteFilter: CohortFilterInput | null;
  registryFilter: CohortFilterInput;
  threshold: number | null;
}

/** The headline figures of the period and subgroups: the site's beside the registry's. */
export function Headlines({ siteLabel, siteFilter, registryFilter, threshold }: Props) {
  const q = useQuery(OVERVIEW_HEADLINES, { variables: { site: siteFilter, registry: registryFilter, withSite: siteFilter !== null } });
  // These figures fill the first screen: the charts below it are drawn once they are in.
  useEffect(() => (q.loading ? holdDrawing() : undefined), [q.loading]);
  if (q.error) {
    return (
      <p role="alert" className="error">
        {errorSentence(q.error, 'Headline figures')}
      </p>
    );
  }
  const figures = Object.keys(HEADLINE_FIGURES) as HeadlineFigure[];
  const find = (rows: Headline[] | undefined, f: HeadlineFigure) => rows?.find((r) => r.figure === (f as string));
  const columns: { key: string; label: string; rows: Headline[] | undefined }[] = [
    ...(siteFilter && siteLabel ? [{ key: 'site', label: siteLabel, rows: q.data?.site }] : []),
    { key: 'registry', label: 'Registry', rows: q.data?.registry },
  ];
  return (
    <section className="headlines" aria-labelledby="headlines-title" aria-busy={q.loading}>
      <h3 id="headlines-title">Headline figures</h3>
      <table>
        <thead>
          <tr>
            <th scope="col">Figure</th>
            {columns.map((c) => (
              <th scope="col" key={c.key}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {figures.map((f) => (
            <tr key={f} data-headline={f}>
              <th scope="row">
                {HEADLINE_FIGURES[f].label}
                <span className="headline-definition">{HEADLINE_FIGURES[f].definition}</span>
              </th>
              {columns.map((c) => {
                const text = q.data ? headlineText(find(c.rows, f), threshold) : { value: '…', detail: 'loading' };
                return (
                  <td key={c.key} data-column={c.key}>
                    <strong>{text.value}</strong>
                    <span>{text.detail}</span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {q.asOf && <p className="chart-note as-of">{asOfSentence(q.asOf)}</p>}
    </section>
  );
}
