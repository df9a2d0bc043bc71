/** "WEAK_OPIOID" -> "Weak opioid"; short codes such as "T12", "OF3" or "IIIA" stay as they are. */
export function humanize(value: string): string {
  if (/^[A-Z]{1,4}\d*[A-Z]?$/.test(value) && value.length <= 4) return value;
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
