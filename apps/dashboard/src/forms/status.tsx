import { serverProblem } from './server-problem';

/** A query's three other states, each as a sentence. */
export function Loading({ what }: { what: string }) {
  return (
    <p className="loading" role="status">
      Loading {what}…
    </p>
  );
}

export function Empty({ children }: { children: React.ReactNode }) {
  return <p className="empty">{children}</p>;
}

export function LoadError({ error, what, onRetry }: { error: unknown; what: string; onRetry?: () => void }) {
  const p = serverProblem(error);
  const sentence =
    p.code === 'BAD_USER_INPUT' || p.code === 'UNKNOWN'
      ? `${what} could not be loaded: ${p.sentence.replace(/^Nothing was saved: /, '')}`
      : p.sentence.replace(' nothing was saved', ' nothing was loaded').replace('Nothing was saved: ', `${what} could not be loaded: `);
  return (
    <div role="alert" className="error">
      {sentence}
      {onRetry && (
        <>
          {' '}
          <button type="button" className="link" onClick={onRetry}>
            Try again
          </button>
        </>
      )}
    </div>
  );
}

/** "2025-03-04" for coordinators, "day 30" for de-identified readers. */
export function when(date: string | null | undefined, day: number | null | undefined): string {
  if (date) return date;
  if (day !== null && day !== undefined) return `day ${day}`;
  return '–';
}
