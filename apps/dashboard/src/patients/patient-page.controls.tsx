import { useState, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import type { PatientRecordQuery } from '../gql/graphql';
import { WithdrawForm } from '../forms/withdraw-form';

/** The patient as the page reads it (the PATIENT query). */
export type Patient = PatientRecordQuery['patient'];

export type Kind = 'patient' | 'fracture' | 'treatment' | 'visit' | 'complication' | 'death';
/** What is open: a form to add (no id), to edit or to withdraw a record. */
export type Open = { kind: Kind; id?: string; withdraw?: boolean } | null;

/**
 * What the patient page's sections share: one form open at a time across the whole page, the
 * notice of the last save, and the buttons and forms every record list has.
 */
export interface PatientPageControls {
  /** The user may write this patient's records (its site's coordinator, or an administrator). */
  writer: boolean;
  /** Bumped by "Reload the record": an edit form keyed by it starts again from the stored version. */
  generation: number;
  notice: string | null;
  /** Opens a form without clearing the notice (the patient's own edit and withdraw buttons). */
  show: (open: Open) => void;
  is: (kind: Kind, id?: string, withdraw?: boolean) => boolean;
  /** After a save: the record read again, the form closed and the notice shown. */
  saved: (what: string) => () => Promise<void>;
  close: () => void;
  reload: () => void;
  /** The Edit and Withdraw buttons of a record's row, or "withdrawn". */
  actions: (kind: Kind, record: { id: string; version: number; withdrawnAt?: unknown }, label: string) => ReactNode;
  addButton: (kind: Kind, label: string) => ReactNode;
  withdraw: (what: string, run: (reason: string) => Promise<unknown>) => ReactNode;
}

export function usePatientPageControls({
  refetch,
  writer,
  patientWithdrawn,
}: {
  refetch: () => Promise<unknown>;
  writer: boolean;
  patientWithdrawn: boolean;
}): PatientPageControls {
  const [params, setParams] = useSearchParams();
  // The worklist links here with ?record=visit&treatment=...&timePoint=M3 to open the visit form.
  const [open, setOpen] = useState<Open>(params.get('record') === 'visit' ? { kind: 'visit' } : null);
  const [notice, setNotice] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);

  const reload = () => {
    void refetch().then(() => setGeneration((g) => g + 1));
  };
  const saved = (what: string) => async () => {
    await refetch();
    setOpen(null);
    setNotice(what);
    if (params.get('record')) setParams({}, { replace: true });
  };
  const close = () => {
    setOpen(null);
    if (params.get('record')) setParams({}, { replace: true });
  };
  const is = (kind: Kind, id?: string, withdraw = false) => open?.kind === kind && open.id === id && Boolean(open.withdraw) === withdraw;
  const withdraw = (what: string, run: (reason: string) => Promise<unknown>) => (
    <WithdrawForm
      what={what}
      onCancel={close}
      onWithdraw={async (reason) => {
        await run(reason);
        await saved(`${what.charAt(0).toUpperCase()}${what.slice(1)} withdrawn.`)();
      }}
    />
  );
  const actions = (kind: Kind, record: { id: string; version: number; withdrawnAt?: unknown }, label: string) =>
    writer && !record.withdrawnAt ? (
      <td className="actions">
        <button
          type="button"
          className="link"
          aria-label={`Edit ${label}`}
          onClick={() => {
            setNotice(null);
            setOpen({ kind, id: record.id });
          }}
        >
          Edit
        </button>
        <button
          type="button"
          className="link"
          aria-label={`Withdraw ${label}`}
          onClick={() => {
            setNotice(null);
            setOpen({ kind, id: record.id, withdraw: true });
          }}
        >
          Withdraw
        </button>
      </td>
    ) : (
      <td className="actions note">{record.withdrawnAt ? 'withdrawn' : ''}</td>
    );
  const addButton = (kind: Kind, label: string) =>
    writer &&
    !patientWithdrawn && (
      <button
        type="button"
        onClick={() => {
          setNotice(null);
          setOpen({ kind });
        }}
        disabled={is(kind)}
      >
        {label}
      </button>
    );

  return { writer, generation, notice, show: setOpen, is, saved, close, reload, actions, addButton, withdraw };
}
