// What a CSV import answers, dry run or commit: the contract between the API's import endpoint
// and the dashboard's import page, declared once.

/**
 * One problem of one row: the row's number in the file (the header is row 1), the CSV column as
 * the file spells it (snake_case), its plain label, the rule broken and a sentence naming the
 * column. A row has as many issues as it breaks rules: each column's own rule, the rules between
 * its columns and those that need the registry's other records (a visit before the treatment).
 */
export interface RowIssue {
  row: number;
  column: string;
  label: string;
  rule: string;
  message: string;
}

/** One column of an import's format ("Show the columns"): the structured form of the column guide. */
export interface ImportColumn {
  name: string;
  label: string;
  required: boolean;
  description: string;
  example: string;
}

/** The format of one kind of import file: the notes that hold for every column, then the columns. */
export interface ImportFormat {
  kind: string;
  notes: string[];
  columns: ImportColumn[];
}

/** Where a running import is (polled while the request is open): rows checked of the file's rows, then writing. */
export interface ImportProgress {
  phase: 'checking' | 'writing' | 'done';
  checked: number;
  total: number;
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
  /** At most 1000 issues are listed; how many more the file has. */
  issuesOmitted: number;
  issues: RowIssue[];
  committed: boolean;
}
