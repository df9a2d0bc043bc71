import { chartFileName, csvCell, tableCsv } from './chart-csv';
import { withheld } from './chart-text';

describe('a chart table as CSV', () => {
  it('writes the header row, then every row, cells as the table shows them', () => {
    const csv = tableCsv({
      caption: 'Complication rates',
      columns: ['Kind', 'Treatment', 'Rate (%)', 'n'],
      rowHeaders: 2,
      rows: [
        ['Cement leakage, symptomatic', 'Kyphoplasty', '4.5 %', '112'],
        ['Infection', 'Vertebroplasty', withheld(10), withheld(10)],
        ['Said "minor"', 'Conservative', '–', '-2.5'],
      ],
    });
    expect(csv).toBe(
      'Kind,Treatment,Rate (%),n\r\n' +
        '"Cement leakage, symptomatic",Kyphoplasty,4.5 %,112\r\n' +
        'Infection,Vertebroplasty,withheld (fewer than 10),withheld (fewer than 10)\r\n' +
        '"Said ""minor""",Conservative,–,-2.5\r\n',
    );
  });

  it('never lets a spreadsheet run a cell as a formula, and keeps negative numbers numbers', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-site')).toBe("'-site");
    expect(csvCell('-0.4')).toBe('-0.4');
    expect(csvCell('-2.82 (-3.41 to -2.24)')).toBe('-2.82 (-3.41 to -2.24)');
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
  });

  it('names the file after the chart title', () => {
    expect(chartFileName('Complication rates, by grade, kind and first treatment', 'csv')).toBe('complication-rates-by-grade-kind-and-first-treatment.csv');
    expect(chartFileName("Sites' complication rates (funnel plot)", 'png')).toBe('sites-complication-rates-funnel-plot.png');
    expect(chartFileName('—', 'png')).toBe('chart.png');
  });
});
