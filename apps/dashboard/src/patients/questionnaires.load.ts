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
    void (loading ??= fetch('/questionnaires.json').then(
      (r) => (r.ok ? r.json() : null),
      () => null,
    )).then(setTexts);
  }, []);
  return texts;
}
