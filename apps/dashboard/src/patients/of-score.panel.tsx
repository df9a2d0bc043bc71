import { PATIENT_FIELDS, type FieldDefinition } from '@vfr/domain';

interface OfScoreView {
  total: number;
  band: string;
  missing: string[];
  possibleMin: number;
  possibleMax: number;
  bandSettled: boolean;
  components: { name: string; label: string; points?: number | null; basis: string }[];
}

const BAND_WORDS: Record<string, string> = {
  CONSERVATIVE: 'conservative care (5 or less)',
  EITHER: 'conservative care or surgery (6)',
  SURGERY: 'surgery (7 or more)',
};

/** "painUnderAnalgesia" as its label; fracture fields by their names on the fracture. */
function fieldLabel(field: string): string {
  if (field === 'fracture.ofClass') return 'OF class of a fracture';
  if (field === 'fracture.neurologicalDeficit') return 'a fracture (for the neurological deficit)';
  return (PATIENT_FIELDS as Record<string, FieldDefinition>)[field]?.label ?? field;
}

/**
 * The OF-Score (DGOU: Blattert et al. 2018) the API computed from the record: its components,
 * the recommendation band and, when components are missing, which, and whether they could still
 * change the band.
 */
export function OfScorePanel({ score }: { score: OfScoreView }) {
  const sign = (n: number) => (n > 0 ? `+${n}` : String(n));
  return (
    <section className="panel" aria-labelledby="of-score-title">
      <h3 id="of-score-title">OF-Score</h3>
      <p>
        <strong>{score.total} points</strong>: the score recommends {BAND_WORDS[score.band] ?? score.band}.
        {score.missing.length > 0 &&
          (score.bandSettled
            ? ' Some components are not recorded, but they could not change the recommendation.'
            : ` Some components are not recorded and count 0: with them the total could be ${score.possibleMin} to ${score.possibleMax}, so the recommendation may change.`)}
      </p>
      <table>
        <caption className="visually-hidden">OF-Score components</caption>
        <thead>
          <tr>
            <th scope="col">Component</th>
            <th scope="col">From</th>
            <th scope="col">Points</th>
          </tr>
        </thead>
        <tbody>
          {score.components.map((c) => (
            <tr key={c.name}>
              <th scope="row">{c.label}</th>
              <td>{c.basis}</td>
              <td>{c.points == null ? 'not recorded' : sign(c.points)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {score.missing.length > 0 && <p className="hint">Not recorded: {score.missing.map(fieldLabel).join(', ')}.</p>}
    </section>
  );
}
