import { useId, useState } from 'react';
import { session } from '../api';
import { serverProblem, type ServerProblem } from '../forms/server-problem';
import '../forms/forms.css';
import { IMPORT_KINDS, importFormat, importText, runImport, saveText, type ImportFormat, type ImportReport, type ImportStage } from './csv-import';

/** The column guide: what holds for every cell, then one row per column. */
function ColumnGuide({ format, kindLabel }: { format: ImportFormat; kindLabel: string }) {
  return (
    <details open className="column-guide">
      <summary>Columns of a {kindLabel.toLowerCase()} file</summary>
      {format.notes.map((n) => (
        <p key={n} className="hint">
          {n}
        </p>
      ))}
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th>Column</th>
              <th>Required</th>
              <th>Meaning</th>
              <th>Example</th>
            </tr>
          </thead>
          <tbody>
            {format.columns.map((c) => (
              <tr key={c.name}>
                <td>
                  <code>{c.name}</code>
                  <div className="hint">{c.label}</div>
                </td>
                <td>{c.required ? 'yes' : 'no'}</td>
                <td>{c.description}</td>
                <td>{c.example ? <code>{c.example}</code> : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

/** How far the file has come: sent to the server, then its rows checked there (the server's own count). */
function ImportProgressBar({ stage }: { stage: ImportStage }) {
  const server = stage.stage === 'server' ? stage.progress : null;
  const [value, max, text] =
    stage.stage === 'upload'
      ? [stage.sent, stage.total || 1, `Sending the file: ${Math.round((100 * stage.sent) / (stage.total || 1))}%`]
      : server?.phase === 'writing'
        ? [undefined, undefined, `Writing ${server.total.toLocaleString('en')} rows…`]
        : server
          ? [server.checked, server.total || 1, `Checking rows: ${server.checked.toLocaleString('en')} of ${server.total.toLocaleString('en')}`]
          : [undefined, undefined, 'File sent; the server is reading it…'];
  return (
    <div className="import-progress" role="status">
      <progress aria-label="Import progress" value={value} max={max} />
      <span>{text}</span>
    </div>
  );
}

/**
 * Import a spreadsheet: choose the kind, download its template, upload the file, read the dry
 * run's row-by-row report, then commit (all rows or none).
 */
/** `token` is the session's by default (a test may pass its own). */
export function CsvImportPage({ token = () => session.token }: { token?: () => string | null }) {
  const fileId = useId();
  const [kind, setKind] = useState<string>('patients');
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [problem, setProblem] = useState<ServerProblem | null>(null);
  const [busy, setBusy] = useState<'dry' | 'commit' | 'template' | null>(null);
  const [format, setFormat] = useState<ImportFormat | null>(null);
  const [stage, setStage] = useState<ImportStage | null>(null);

  const run = async (what: 'dry' | 'commit' | 'template', job: () => Promise<void>) => {
    setBusy(what);
    setProblem(null);
    try {
      await job();
    } catch (e) {
      setProblem(serverProblem(e, { file: 'File', kind: 'Kind' }));
    } finally {
      setBusy(null);
      setStage(null);
    }
  };
  const choose = (next: string) => {
    setKind(next);
    setReport(null);
    setFormat(null);
  };
  const committed = report?.mode === 'COMMIT' && report.committed;
  const kindLabel = IMPORT_KINDS.find((k) => k.value === kind)?.label ?? kind;

  return (
    <section aria-labelledby="import-title">
      <h2 id="import-title">Import from a spreadsheet</h2>
      <p className="hint">
        Import in this order: patients, fractures, treatments, visits, complications (later kinds refer to earlier ones by registry number and level). Rows
        already in the registry are counted as unchanged, so importing a file twice adds nothing.
      </p>
      <div className="panel">
        <div className="filters">
          <div className="field">
            <label htmlFor="import-kind">What the file holds</label>
            <select id="import-kind" value={kind} onChange={(e) => choose(e.target.value)}>
              {IMPORT_KINDS.map((k) => (
                <option key={k.value} value={k.value}>
                  {k.label}
                </option>
              ))}
            </select>
          </div>
          <button
            type="button"
            disabled={busy !== null}
            onClick={() => void run('template', async () => saveText(`${kind}-template.csv`, await importText(token(), kind, 'template.csv')))}
          >
            Download the template
          </button>
          <button type="button" disabled={busy !== null} onClick={() => void run('template', async () => setFormat(await importFormat(token(), kind)))}>
            Show the columns
          </button>
        </div>
        {format && <ColumnGuide format={format} kindLabel={kindLabel} />}
        <form
          className="filters"
          aria-label="Check a file"
          onSubmit={(e) => {
            e.preventDefault();
            if (!file) {
              setProblem({ code: 'BAD_USER_INPUT', sentence: 'Choose a CSV file first.', fields: { file: 'Choose a CSV file first.' }, stale: false });
              return;
            }
            void run('dry', async () => setReport(await runImport(token(), kind, file, false, setStage)));
          }}
        >
          <div className={`field${problem?.fields.file ? ' invalid' : ''}`}>
            <label htmlFor={fileId}>CSV file (UTF-8, commas, header row)</label>
            <input
              id={fileId}
              type="file"
              accept=".csv,text/csv"
              aria-invalid={problem?.fields.file ? true : undefined}
              aria-describedby={problem?.fields.file ? `${fileId}-error` : undefined}
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setReport(null);
                setProblem(null);
              }}
            />
            {problem?.fields.file && (
              <span id={`${fileId}-error`} className="field-error">
                {problem.fields.file}
              </span>
            )}
          </div>
          <button type="submit" className="primary" disabled={busy !== null}>
            {busy === 'dry' ? 'Checking…' : 'Check the file (dry run)'}
          </button>
        </form>
        {stage && <ImportProgressBar stage={stage} />}
        {problem && !problem.fields.file && (
          <div role="alert" className="error">
            {problem.sentence}
          </div>
        )}
        {problem?.fields.file && (
          <div role="alert" className="error">
            The file was refused and nothing was written: {problem.fields.file}
          </div>
        )}
      </div>

      {report && (
        <section className="panel" aria-labelledby="report-title" aria-live="polite">
          <h3 id="report-title">{report.mode === 'DRY_RUN' ? 'Dry run: nothing written yet' : committed ? 'Imported' : 'Not imported: nothing was written'}</h3>
          <div className="report-summary">
            <span>
              <strong>{report.rows}</strong> rows
            </span>
            <span>
              <strong>{report.created}</strong> {report.mode === 'DRY_RUN' ? 'to add' : 'added'}
            </span>
            <span>
              <strong>{report.unchanged}</strong> already in the registry
            </span>
            <span>
              <strong>{report.issues.length + (report.issuesOmitted ?? 0)}</strong>{' '}
              {report.issues.length + (report.issuesOmitted ?? 0) === 1 ? 'problem' : 'problems'}
            </span>
          </div>
          {committed && (
            <p className="notice" role="status">
              All {report.created} new rows were written in one transaction and audited with the file's SHA-256 {report.fileSha256.slice(0, 12)}….
            </p>
          )}
          {report.issues.length > 0 && (
            <>
              <p className="error">
                Correct these rows in the spreadsheet and check the file again: a file is imported whole or not at all. Each problem of a row is listed, under
                the spreadsheet's column.
                {report.issuesOmitted > 0 && ` The first ${report.issues.length} are listed; ${report.issuesOmitted} more are not.`}
              </p>
              <div className="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th>Row</th>
                      <th>Column</th>
                      <th>Rule</th>
                      <th>Problem</th>
                    </tr>
                  </thead>
                  <tbody>
                    {report.issues.map((i, n) => (
                      <tr key={n}>
                        <td>{i.row}</td>
                        <td>
                          <code>{i.column}</code>
                          {i.label && i.label !== i.column && <div className="hint">{i.label}</div>}
                        </td>
                        <td>{i.rule}</td>
                        <td>{i.message}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
          {report.mode === 'DRY_RUN' && report.issues.length === 0 && (
            <div className="form-buttons">
              <button
                type="button"
                className="primary"
                disabled={busy !== null || !file || report.created === 0}
                onClick={() => file && void run('commit', async () => setReport(await runImport(token(), kind, file, true, setStage)))}
              >
                {busy === 'commit' ? 'Importing…' : `Import ${report.created} rows`}
              </button>
              {report.created === 0 && <span className="hint">Every row is already in the registry: there is nothing to import.</span>}
            </div>
          )}
        </section>
      )}
    </section>
  );
}
