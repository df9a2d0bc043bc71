import { useEffect, useState } from 'react';
import type { Questionnaires } from './questionnaires';

let loading: Promise<Questionnaires | null> | undefined;

/**
 * The questionnaires' statements (questionnaires.json, written by the build), fetched once. Null
 * until they arrive, or if they cannot be had: the form then offers the answers' numbers alone.
 */
export function useQuestionnaires(): Questionnaires | null {
  const [texts, setTexts] = useState<Questionnaires | null>(null);
  useEffect(() => {
    // Anything but the statements (a failed request, or the page's HTML where the file is missing)
    // is null, never a promise left rejected: the form then says the statements are unavailable.
    void (loading ??= fetch('/questionnaires.json')
      .then((r) => (r.ok ? (r.json() as Promise<Questionnaires>) : null))
      .then((q) => (Array.isArray(q?.odi) && q.odi.length === 10 ? q : null))
      .catch(() => null)).then(setTexts);
  }, []);
  return texts;
}
