// Codes read as written: levels and classes with digits (T12, OF3), two letters (CT), Clavien-Dindo
// grades (IIIA) and cement names.
const CODE = /\d|^[A-Z]{1,2}$|^(I|II|IIIA|IIIB|IVA|IVB|V)$|^PMMA/;

/** "WEAK_OPIOID" -> "Weak opioid", "DONE" -> "Done"; codes such as "T12", "OF3" or "IIIA" stay as they are. */
export function humanize(value: string): string {
  if (CODE.test(value)) return value.replace(/_/g, ' ');
  const words = value.toLowerCase().split('_');
  return [words[0].charAt(0).toUpperCase() + words[0].slice(1), ...words.slice(1)].join(' ');
}

export interface Choice {
  value: string;
  label: string;
}

/** The choices of a domain enum, in declaration order. */
export function choicesOf(values: Record<string, string> | readonly string[], labels: Record<string, string> = {}): Choice[] {
  const list = Array.isArray(values) ? values : Object.values(values);
  return list.map((value: string) => ({ value, label: labels[value] ?? humanize(value) }));
}

export const YES_NO_UNKNOWN: Choice[] = [
  { value: '', label: 'Not recorded' },
  { value: 'true', label: 'Yes' },
  { value: 'false', label: 'No' },
];

/** A yes/no that must be answered (blank until chosen). */
export const YES_NO: Choice[] = YES_NO_UNKNOWN.filter((c) => c.value !== '');
