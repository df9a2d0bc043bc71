// What a CSV import answers, dry run or commit: the contract between the API's import endpoint
// and the dashboard's import page, declared once.

/** One problem of one row: the row's number in the file (the header is row 1), the CSV column, the rule broken. */
export interface RowIssue {
  row: number;
  column: string;
  rule: string;
  message: string;
}

export interface ImportReport<Kind extends string = string> {
  kind: Kind;
  mode: 'DRY_RUN' | 'COMMIT';
  fileSha256: string;
  rows: number;
  /** Rows that would be (or were) added. */
  created: number;
  /** Rows already in the registry (same natural key): importing twice adds nothing. */
  unchanged: number;
  issues: RowIssue[];
  committed: boolean;
}
