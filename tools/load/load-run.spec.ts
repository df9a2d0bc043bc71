import { exportColumns } from '@vfr/api-import-export';
import { exportProblem } from './load-run';

// The load run's check of an export: what it must catch (an answer cut off, at a line or inside
// one) and what it must accept (rows written while the export ran).
describe('the load run export check', () => {
  const header = exportColumns('long').join(',');
  const row = (i: number) =>
    exportColumns('long')
      .map((c, j) => (j === 0 ? `R${i}` : c === 'status' ? 'DONE' : ''))
      .join(',');
  const body = (rows: number, cut = 0) => {
    const text = [header, ...Array.from({ length: rows }, (_, i) => row(i))].join('\n') + '\n';
    const kept = text.slice(0, text.length - cut);
    return { bytes: Buffer.byteLength(kept), head: kept.slice(0, 8192), tail: kept.slice(-8192), rows: Math.max(0, kept.split('\n').length - 2) };
  };

  it('accepts a whole export whose rows lie within the counts before and after it', () => {
    const b = body(1200);
    expect(exportProblem('long', b, 1200, 1190, 1210)).toBeNull();
    expect(exportProblem('long', b, 1200, 1200, 1200)).toBeNull();
  });

  it('finds an export cut off at a line end: fewer rows than the database held', () => {
    const b = body(1001);
    expect(exportProblem('long', b, 1001, 22000, 22010)).toMatch(/1001 rows; the database held 22000 to 22010 .*truncated/);
  });

  it('finds an export cut off inside a line', () => {
    const b = body(50, 7);
    expect(exportProblem('long', b, b.rows, 50, 50)).toMatch(/ends inside a line/);
  });

  it('finds an answer that is not the export', () => {
    const text = '{"error":{"code":"UNAUTHENTICATED"}}\n';
    expect(exportProblem('long', { bytes: text.length, head: text, tail: text }, 0, 0, 0)).toMatch(/not its header/);
  });

  it('finds a last line with fields missing', () => {
    const text = `${header}\nR1,NORTH,FEMALE\n`;
    expect(exportProblem('long', { bytes: text.length, head: text, tail: text }, 1, 1, 1)).toMatch(/has 3 fields/);
  });
});
