import { Eq5dValueSet, scoreInstruments } from '@vfr/domain';
import { marker } from './load-run';

// The load run marks each visit it writes with its serial in the ODI sections and the NRS at rest;
// verifyWrites reads it back as the sum of section × 6^(position) plus 6^10 × NRS.
describe('the load run marker', () => {
  const decode = (m: { odiItems: number[]; nrsRest: number }) => m.odiItems.reduce((sum, d, i) => sum + d * 6 ** i, 0) + 6 ** 10 * m.nrsRest;

  it('gives each serial its own marker, one the registry accepts', () => {
    for (const serial of [0, 1, 5, 6, 37_345, 1_234_567, 6 ** 10 - 1, 6 ** 10, 6 ** 10 * 10 + 99]) {
      const m = marker(serial);
      expect(decode(m)).toBe(serial);
      expect(m.nrsRest).toBeLessThanOrEqual(10);
      expect(scoreInstruments({ odiItems: m.odiItems }, Eq5dValueSet.ENGLAND).issues).toEqual([]);
    }
  });
});
