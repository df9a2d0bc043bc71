import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkBundle, JS_BUDGET_BYTES, measureBundle } from './bundle-budget';

describe('the dashboard bundle budget', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vfr-budget-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  // Random bytes do not compress: their gzipped size is about their size.
  const write = (name: string, bytes: number) => fs.writeFileSync(path.join(dir, name), crypto.randomBytes(bytes));

  it('sums the gzipped size of every .js file, and only of .js files', () => {
    write('a.js', 10_000);
    write('b.js', 20_000);
    write('c.css', 50_000);
    const size = measureBundle(dir);
    expect(size.files.map((f) => f.file)).toEqual(['b.js', 'a.js']);
    expect(size.total).toBeGreaterThanOrEqual(30_000);
    expect(size.total).toBeLessThan(31_000);
    expect(checkBundle(size)).toMatch(/^Dashboard JavaScript: .* KB gzipped in 2 files \(largest: b\.js/);
  });

  it('fails a bundle over the budget, naming its size and the budget', () => {
    write('big.js', JS_BUDGET_BYTES + 1024);
    expect(() => checkBundle(measureBundle(dir))).toThrow(/over the 400\.0 KB budget/);
  });

  it('refuses a directory without JavaScript or that does not exist, rather than passing it', () => {
    expect(() => measureBundle(dir)).toThrow(/holds no JavaScript/);
    expect(() => measureBundle(path.join(dir, 'missing'))).toThrow(/does not exist: build the dashboard first/);
  });
});
