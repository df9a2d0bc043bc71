import { parse } from 'csv-parse/sync';
import { Role } from '@vfr/domain';
import { csvWriter, fromTextCell, textCell } from './csv-cells';
import { dataDictionary } from './data-dictionary';
import { ImportKind, template } from './import-kinds';

describe('text cells against spreadsheet formulas', () => {
  it('puts an apostrophe before what a spreadsheet would run: =, +, -, @, tab, carriage return', () => {
    for (const v of ['=HYPERLINK("http://evil","x")', '+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1', '-', '=']) expect(textCell(v)).toBe(`'${v}`);
    for (const v of ['ordinary note', 'NORTH-001', '2025-02-03', 'a=b', 'x-1', '', ' =1']) expect(textCell(v)).toBe(v);
  });

  it('and one more before apostrophes that precede such a character, so that the import restores every value exactly', () => {
    expect(textCell("'=1")).toBe("''=1");
    expect(textCell("''+1")).toBe("'''+1");
    expect(textCell("'plain")).toBe("'plain");
    expect(textCell("''")).toBe("''");
    for (const v of ['=1', "'=1", "''=1", "'plain", "''plain", "'", '-3', "'-3", 'plain', '@x', "it's", '\t', "'\r"]) {
      expect(fromTextCell(textCell(v))).toBe(v);
    }
  });

  it('the import takes away only the apostrophe before a formula character; any other apostrophe is data', () => {
    expect(fromTextCell("'=SUM(A1)")).toBe('=SUM(A1)');
    expect(fromTextCell("'-2.5")).toBe('-2.5');
    expect(fromTextCell("'quoted")).toBe("'quoted");
    expect(fromTextCell("O'Brien")).toBe("O'Brien");
  });

  it('writes number columns as they are, decided by the column and not by the look of the value', async () => {
    const csv = csvWriter(['note', 't_score', 'visit_day', 'flag'], (c) => c === 't_score' || c === 'visit_day');
    const out: string[] = [];
    csv.on('data', (d: Buffer) => out.push(d.toString()));
    const done = new Promise((resolve) => csv.on('end', resolve));
    csv.write({ note: '-2.5', t_score: '-2.5', visit_day: -5, flag: true });
    csv.write({ note: '=1+1', t_score: null, visit_day: 0, flag: false });
    csv.end();
    await done;
    expect(parse(out.join(''))).toEqual([
      ['note', 't_score', 'visit_day', 'flag'],
      ["'-2.5", '-2.5', '-5', 'true'],
      ["'=1+1", '', '0', 'false'],
    ]);
  });

  it('the fixed files (templates, data dictionaries) hold no formula either: only numbers begin with a minus sign', () => {
    const dictionaries = Object.values(Role).flatMap((role) => [dataDictionary('long', role), dataDictionary('wide', role)]);
    const files = [...Object.values(ImportKind).map((k) => template(k)), ...dictionaries];
    for (const cell of files.flatMap((f) => parse(f).flat())) {
      expect(textCell(cell) === cell || /^-\d+(\.\d+)?$/.test(cell)).toBe(true);
    }
  });
});
