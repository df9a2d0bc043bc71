import type { ChartTable } from './chart-text';

/** For specs: no sentence or table cell a reader gets may carry a JavaScript accident. */
export function expectReadable(text: string | ChartTable | null): void {
  const all = text === null ? '' : typeof text === 'string' ? text : [text.caption, ...text.columns, ...text.rows.flat()].join(' | ');
  expect(all).not.toMatch(/NaN|undefined|null|Infinity|\[object/);
}
