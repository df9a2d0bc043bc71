import { Eq5dValueSet, eq5d5lIndex, odiScore, rmdqScore, ScoreSource } from '@vfr/domain';
import { clamp, Random } from './random';

/** The scores a synthetic visit aims at: ODI 0-100, RMDQ 0-24, EQ-5D-5L index. */
export interface ScoreTargets {
  odi: number;
  rmdq: number;
  eq5d: number;
}

/**
 * A visit's questionnaire answers drawn around the trajectory's targets, with the scores the
 * registry computes from them (so the demo's scores come from items, as a form's would): the ODI's
 * ten sections share the target's points (section 8, sex life, now and then unanswered, as in
 * practice), the RMDQ says yes to as many statements as its target, and the EQ-5D-5L levels rise
 * with the distance of the target index from full health (valued with the England set, the
 * registry's default).
 */
export function questionnaireItems(rnd: Random, target: ScoreTargets): Record<string, unknown> {
  const odiItems = new Array<number | null>(10).fill(0);
  let points = Math.round((clamp(target.odi, 0, 100) / 100) * 50);
  const order = Array.from({ length: 10 }, (_, i) => i).sort(() => rnd.next() - 0.5);
  // Fill the sections round-robin in a shuffled order: each gets its share, none above 5.
  for (let round = 0; points > 0 && round < 5; round++) {
    for (const i of order) {
      if (points === 0) break;
      (odiItems[i] as number)++;
      points--;
    }
  }
  if (rnd.chance(0.08)) odiItems[7] = null;

  const yes = Math.round(clamp(target.rmdq, 0, 24));
  const statements = Array.from({ length: 24 }, (_, i) => i).sort(() => rnd.next() - 0.5);
  const rmdqItems = Array.from({ length: 24 }, (_, i) => statements.indexOf(i) < yes);

  const severity = (1 - clamp(target.eq5d, -0.285, 1)) / 1.285;
  const eq5dLevels = Array.from({ length: 5 }, (_, d) => clamp(Math.round(1 + 4 * severity * (d === 3 ? 1.3 : 0.9) + rnd.normal(0, 0.5)), 1, 5));
  const eq5dIndex = eq5d5lIndex(eq5dLevels, Eq5dValueSet.ENGLAND);

  return {
    odi_items: odiItems,
    odi: odiScore(odiItems),
    odi_source: ScoreSource.ITEMS,
    rmdq_items: rmdqItems,
    rmdq: rmdqScore(rmdqItems),
    rmdq_source: ScoreSource.ITEMS,
    eq5d_levels: eq5dLevels,
    eq5d_index: eq5dIndex,
    eq5d_source: ScoreSource.ITEMS,
    eq5d_value_set: Eq5dValueSet.ENGLAND,
    eq5d_vas: Math.round(clamp(100 * (0.25 + 0.7 * clamp(target.eq5d, 0, 1)) + rnd.normal(0, 8), 0, 100)),
  };
}
