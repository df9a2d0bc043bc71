import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { marked } from 'marked';
import { headingId, METHODS } from './methods-anchors';
import { methodsDocument } from './methods-document';

// Every figure's caption links to a section of docs/methods.md (ChartCard's required
// `definition`); a section renamed or removed must fail here, not leave a link to nowhere.
describe('the methods sections the dashboard links to', () => {
  const markdown = readFileSync(join(__dirname, '..', '..', '..', '..', 'docs', 'methods.md'), 'utf8');
  const ids = marked
    .lexer(markdown)
    .filter((t) => t.type === 'heading')
    .map((t) => headingId((t as { text: string }).text));
  const html = methodsDocument(markdown);

  it.each(Object.entries(METHODS))('%s is a heading of the methods document', (_name, id) => {
    expect(ids).toContain(id);
    expect(html).toContain(` id="${id}"`);
  });

  it('gives each heading a distinct id', () => {
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('makes ids from the heading text', () => {
    expect(headingId('Adjusted comparisons (IPTW)')).toBe('adjusted-comparisons-iptw');
    expect(headingId("Competing risks: cumulative incidence and Gray's test")).toBe('competing-risks-cumulative-incidence-and-gray-s-test');
  });

  it('renders the whole document, tables included, with its stylesheet', () => {
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<link rel="stylesheet" href="/methods.css" />');
    expect(html).toContain('<table>');
    expect(html).toContain('<h1 id="statistical-methods">Statistical methods</h1>');
  });
});
