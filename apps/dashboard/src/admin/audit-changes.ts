/** What changed, field by field: "genantGrade 2 → 3". */
export function changes(before: Record<string, unknown> | null, after: Record<string, unknown> | null): string {
  const show = (v: unknown) => {
    const text = v === null || v === undefined ? '–' : typeof v === 'string' ? v : JSON.stringify(v);
    return text.length > 80 ? `${text.slice(0, 77)}...` : text;
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
