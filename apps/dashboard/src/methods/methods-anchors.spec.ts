import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { marked } from 'marked';
import { headingId, METHODS } from './methods-anchors';

// Every figure's caption links to a section of docs/methods.md (ChartCard's required
// `definition`); a section renamed or removed must fail here, not leave a link to nowhere.
describe('the methods sections the dashboard links to', () => {
  const markdown = readFileSync(join(__dirname, '..', '..', '..', '..', 'docs', 'methods.md'), 'utf8');
  const ids = marked.lexer(markdown).filter((t) => t.type === 'heading').map((t) => headingId((t as { text: string }).text));

  it.each(Object.entries(METHODS))('%s is a heading of docs/methods.md', (_name, id) => {
    expect(ids).toContain(id);
  });

  it('gives each heading a distinct id', () => {
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('makes ids as the Methods page does', () => {
    expect(headingId('Adjusted comparisons (IPTW)')).toBe('adjusted-comparisons-iptw');
    expect(headingId("Competing risks: cumulative incidence and Gray's test")).toBe('competing-risks-cumulative-incidence-and-gray-s-test');
  });
});
