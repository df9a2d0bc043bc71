import { methodsHref, type MethodsSection } from './methods-anchors';

/**
 * The link under a figure or table to the section of the methods that defines it. It opens in a
 * new tab: the reader keeps the cohort and figures they were looking at.
 */
export function MethodsLink({ section, what = 'figure' }: { section: MethodsSection; what?: string }) {
  return (
    <p className="chart-definition">
      <a href={methodsHref(section)} target="_blank" rel="noopener">
        How this {what} is defined
      </a>
    </p>
  );
}
