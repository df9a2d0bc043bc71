import { Link } from 'react-router';
import { methodsHref, type MethodsSection } from './methods-anchors';

/** The link under a figure or table to the section of the methods that defines it. */
export function MethodsLink({ section, what = 'figure' }: { section: MethodsSection; what?: string }) {
  return <p className="chart-definition"><Link to={methodsHref(section)}>How this {what} is defined</Link></p>;
}
