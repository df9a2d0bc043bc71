/**
 * The sections of docs/methods.md that the dashboard's figures link to, by the id their heading
 * gets in the methods document (headingId, methods-document.ts). A test holds every one of them to a heading of the
 * document, so a renamed section breaks the build rather than a link.
 */
export const METHODS = {
  followUp: 'follow-up-windows-and-crossover',
  rates: 'scores-responders-and-rates',
  timeToEvent: 'time-to-event-endpoints-and-p-values',
  adjusted: 'adjusted-comparisons-iptw',
  procedures: 'comparing-procedures-anaesthesia-approach-cement-volume',
  competingRisks: 'competing-risks-cumulative-incidence-and-gray-s-test',
  death: 'death-and-overall-survival-the-record',
  windows: 'visit-windows',
  newFractures: 'new-fractures-and-imaging',
  hospitalUse: 'hospital-use-and-radiographic-follow-up',
  radiographs: 'radiographic-follow-up-and-loss-of-correction',
  headlines: 'headline-figures-and-the-overview-s-filters',
} as const;

export type MethodsSection = (typeof METHODS)[keyof typeof METHODS];

/** A heading's id: lower case, letters and digits kept, everything else one hyphen. */
export function headingId(text: string): string {
  return text
    .toLowerCase()
    .replace(/<[^>]*>|`/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Where a figure's definition is read: the methods document at that section. */
export const methodsHref = (section?: MethodsSection) => `/methods.html${section ? `#${section}` : ''}`;
