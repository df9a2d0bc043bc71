import { useState } from 'react';

// Relay-style paging over a connection, one way for every list: the cursors of the pages seen, so
// Previous goes back without the server's help, and a change of filter starts again at page 1.

export interface CursorPages {
  /** The cursor to ask the current page after (null: the first page). */
  after: string | null;
  /** 1-based number of the current page. */
  page: number;
  next: (endCursor: string | null | undefined) => void;
  previous: () => void;
  /** Back to page 1 (a filter or sort changed). */
  restart: () => void;
}

export function useCursorPages(): CursorPages {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  return {
    after: cursors[cursors.length - 1],
    page: cursors.length,
    next: (endCursor) => setCursors((c) => [...c, endCursor ?? null]),
    previous: () => setCursors((c) => (c.length > 1 ? c.slice(0, -1) : c)),
    restart: () => setCursors([null]),
  };
}

/** Previous / Next with the page number (and the page count when the total is known). */
export function Pager({
  pages,
  pageInfo,
  total,
  pageSize,
}: {
  pages: CursorPages;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  total?: number;
  pageSize?: number;
}) {
  return (
    <div className="pager">
      <button type="button" disabled={pages.page === 1} onClick={pages.previous}>
        Previous
      </button>
      <button type="button" disabled={!pageInfo.hasNextPage} onClick={() => pages.next(pageInfo.endCursor)}>
        Next
      </button>
      {total !== undefined && pageSize ? (
        <span className="page-of">
          Page {pages.page} of {Math.max(1, Math.ceil(total / pageSize))}
        </span>
      ) : (
        <span className="page-of">Page {pages.page}</span>
      )}
    </div>
  );
}
