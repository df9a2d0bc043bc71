import * as fs from 'node:fs';
import * as path from 'node:path';
import { visitWindowsTable } from './visit-window';

describe('docs/methods.md', () => {
  it('shows the visit windows the code enforces (regenerate the table from visitWindowsTable() when they change)', () => {
    const methods = fs.readFileSync(path.resolve(__dirname, '../../../docs/methods.md'), 'utf8');
    const section = methods.slice(methods.indexOf('## Visit windows'));
    expect(methods.indexOf('## Visit windows')).toBeGreaterThan(0);
    expect(section).toContain(visitWindowsTable());
  });
});
