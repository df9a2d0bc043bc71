const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The names the API resolved for the ids of an event: id -> "NORTH-001234", "admin@example.org". */
export type Names = ReadonlyMap<string, string>;

/** A value as the log shows it: an id as the name of what it refers to, when the API named it. */
export function named(value: string, names: Names): string {
  return UUID.test(value) ? (names.get(value.toLowerCase()) ?? `${value.slice(0, 8)}…`) : value;
}

/** What changed, field by field: "genantGrade 2 → 3", "patientId NORTH-001234". */
export function changes(before: Record<string, unknown> | null, after: Record<string, unknown> | null, names: Names = new Map()): string {
  const show = (v: unknown) => {
    const text =
      v === null || v === undefined
        ? '–'
        : typeof v === 'string'
          ? named(v, names)
          : JSON.stringify(v, (_k, x: unknown) => (typeof x === 'string' && UUID.test(x) ? named(x, names) : x));
    return text.length > 160 ? `${text.slice(0, 157)}...` : text;
  };
  // A new record: only the values given (empty fields would bury them).
  if (!before && after)
    return Object.entries(after)
      .filter(([k, v]) => v !== null && v !== undefined && !['id', 'version', 'createdAt', 'updatedAt'].includes(k))
      .map(([k, v]) => `${k} ${show(v)}`)
      .join(', ');
  if (before && after) {
    return Object.keys({ ...before, ...after })
      .filter((k) => k !== 'version' && k !== 'updatedAt' && JSON.stringify(before[k]) !== JSON.stringify(after[k]))
      .map((k) => `${k} ${show(before[k])} → ${show(after[k])}`)
      .join(', ');
  }
  return before ? 'withdrawn' : '';
}
