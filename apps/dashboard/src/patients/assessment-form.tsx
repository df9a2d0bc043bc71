import { useMutation, useQuery } from '../graphql/hooks';
import { useState } from 'react';
import { ASSESSMENT_FIELDS, AssessmentStatus, TimePoint, type AssessmentFieldName, type AssessmentFields } from '@vfr/domain';
import { choicesOf, humanize } from '../forms/choices';
import { DefinedField } from '../forms/defined-field';
import { DraftNotice, CheckField, FormButtons, FormProblem, SelectField, TextField } from '../forms/fields';
import { hasChanges, updateInput } from '../forms/record-update';
import { newRequestId } from '../forms/request-id';
import { useRecordForm } from '../forms/use-record-form';
import {
  ASSESSMENT_LABELS,
  CARE_FIELDS,
  RADIOGRAPH_FIELDS,
  assessmentInput,
  assessmentRaw,
  assessmentSchema,
  emptyAssessment,
  eq5dLevelsOf,
  odiFromAnswers,
  RMDQ_ITEMS,
  rmdqItemsOf,
  type StoredAssessment,
} from './assessment.form-model';
import { CREATE_ASSESSMENT, EQ5D_VALUE_SET, UPDATE_ASSESSMENT } from './patients.documents';
import { CONFIRM_QUESTIONNAIRE } from '../worklist/questionnaire.documents';
import { useQuestionnaires } from './questionnaires.load';
import { visitIssues, type RelatedRecords } from './related-records.rules';
import { windowHint } from './visit-window.hint';

/** A follow-up visit: pain, function and quality of life at a time point of the index treatment. */
export function AssessmentForm({
  patientId,
  treatments,
  assessment,
  timePoint,
  treatmentId,
  onSaved,
  onCancel,
  onReload,
  related,
  review,
}: {
  patientId: string;
  /**
   * Answers a patient gave through a questionnaire link, to review: the form opens with them, and
   * saving confirms them into the visit with what the coordinator changed sent as corrections (the
   * registry audits each, the patient's value before and the confirmed one after).
   */
  review?: { id: string; version: number; treatmentId: string; timePoint: string; answeredAt: string; answers: Record<string, unknown> };
  /** The patient's other records, for the rules that need them (related-records.rules.ts). */
  related?: RelatedRecords;
  treatments: { id: string; kind: string; startDate: string | null }[];
  assessment?: StoredAssessment & { id: string; version: number };
  timePoint?: string;
  treatmentId?: string;
  /** After a save; the form stays busy until it has run (the record is read again). */
  onSaved: () => void | Promise<void>;
  onCancel: () => void;
  onReload: () => void;
}) {
  const [create] = useMutation(CREATE_ASSESSMENT);
  const [update] = useMutation(UPDATE_ASSESSMENT);
  const [confirm] = useMutation(CONFIRM_QUESTIONNAIRE);
  const [requestId] = useState(newRequestId);
  // The index is valued with the registry's set, as the server will store it.
  const texts = useQuestionnaires();
  const valueSet = useQuery(EQ5D_VALUE_SET).data?.eq5dValueSet ?? 'ENGLAND';
  const form = useRecordForm<AssessmentFields>({
    initial: review
      ? assessmentRaw({
          ...review.answers,
          treatmentId: review.treatmentId,
          timePoint: review.timePoint,
          status: AssessmentStatus.DONE,
          visitDate: review.answeredAt.slice(0, 10),
        })
      : assessment
        ? assessmentRaw(assessment)
        : emptyAssessment(treatmentId ?? treatments[0]?.id ?? '', timePoint ?? ''),
    labels: ASSESSMENT_LABELS,
    draft: {
      form: 'visit',
      record: review ? `review:${review.id}@${review.version}` : assessment ? `${assessment.id}@${assessment.version}` : `new:${patientId}`,
    },
    schema: assessmentSchema,
    toInput: (raw) => assessmentInput(raw, patientId),
    related: (input) => (related ? visitIssues(input, related, assessment?.id) : []),
    send: async (input) => {
      if (review) {
        const { visitDate, nrsRest, nrsActivity, odiItems, rmdqItems, eq5dLevels, eq5dVas } = input as unknown as Record<string, never>;
        const corrections = { nrsRest, nrsActivity, odiItems, rmdqItems, eq5dLevels, eq5dVas };
        await confirm({ variables: { i: { id: review.id, version: review.version, visitDate, corrections } } });
      } else if (!assessment) await create({ variables: { input: { ...input, requestId } } });
      else {
        const changes = updateInput(assessment, input, assessmentInput(assessmentRaw(assessment), patientId), form.raw.reason, ['patientId', 'treatmentId']);
        if (hasChanges(changes)) await update({ variables: { input: changes as never } });
      }
      await onSaved();
    },
  });
  const done = form.raw.status === AssessmentStatus.DONE;
  const odi = odiFromAnswers(form.raw);
  // The index itself is computed by the registry on saving (the value sets stay out of the bundle).
  const levels = eq5dLevelsOf(form.raw);
  const rmdqItems = rmdqItemsOf(form.raw);
  const shown = [...Object.keys(ASSESSMENT_LABELS)];
  const treatmentStart = treatments.find((t) => t.id === form.raw.treatmentId)?.startDate;
  const windowText = windowHint(String(form.raw.timePoint ?? ''), String(form.raw.visitDate ?? ''), treatmentStart);
  // Each plain value drawn from its definition (libs/domain/src/fields/assessment.fields.ts); the
  // scores stay typed numbers; Enter in one does not save the visit (form.onKeyDown), only the Save button does.
  const field = (name: AssessmentFieldName) => <DefinedField key={name} form={form} name={name} def={ASSESSMENT_FIELDS[name]} />;
  return (
    <form className="record-form" noValidate aria-labelledby="assessment-form-title" onSubmit={form.onSubmit} onKeyDown={form.onKeyDown}>
      <h3 id="assessment-form-title">
        {review ? `Review the patient's ${review.timePoint} answers` : assessment ? `Edit the ${assessment.timePoint} visit` : 'Record a follow-up visit'}
      </h3>
      <FormProblem problem={form.problem} errors={form.errors} shown={shown} onReload={onReload} />
      <DraftNotice form={form} />
      {treatments.length === 0 && <p className="error">Record the treatment first: visits count from the index treatment.</p>}
      <div className="grid">
        {!assessment && !review && (
          <SelectField
            form={form}
            name="treatmentId"
            label="Index treatment"
            required
            choices={treatments.map((t) => ({ value: t.id, label: `${humanize(t.kind)} ${t.startDate ?? ''}` }))}
          />
        )}
        {!review && (
          <>
            <SelectField
              form={form}
              name="timePoint"
              label="Time point"
              required
              choices={choicesOf(TimePoint, { BASELINE: 'Baseline', UNSCHEDULED: 'Unscheduled' })}
            />
            <SelectField form={form} name="status" label="Status" required choices={choicesOf(AssessmentStatus)} />
          </>
        )}
        <TextField form={form} name="visitDate" label="Visit date" type="date" required={done} hint={windowText} />
        {form.raw.status === AssessmentStatus.MISSED && field('missedReason')}
      </div>
      {done && (
        <>
          <fieldset>
            <legend>Scores</legend>
            <div className="grid">
              {field('nrsRest')}
              {field('nrsActivity')}
              {odi === undefined ? (
                field('odi')
              ) : (
                <p className="field" data-field="odi">
                  <strong>ODI from the answers</strong>
                  <span aria-live="polite">{odi === null ? 'Answer at least 8 sections' : `${odi} %`}</span>
                  {form.errors.odi && <span className="field-error">{form.errors.odi}</span>}
                </p>
              )}
              {rmdqItems === undefined ? (
                field('rmdq')
              ) : (
                <p className="field" data-field="rmdq">
                  <strong>RMDQ from the statements</strong>
                  <span aria-live="polite">{rmdqItems.filter(Boolean).length}</span>
                </p>
              )}
              {levels === undefined ? (
                field('eq5dIndex')
              ) : (
                <p className="field" data-field="eq5dIndex">
                  <strong>EQ-5D-5L index</strong>
                  <span aria-live="polite">{`Computed on saving (value set ${valueSet})`}</span>
                  {form.errors.eq5dIndex && <span className="field-error">{form.errors.eq5dIndex}</span>}
                </p>
              )}
              {field('eq5dVas')}
            </div>
          </fieldset>
          <details>
            <summary>Oswestry Disability Index questionnaire (the statement chosen in each section)</summary>
            {/* Wide columns: the statements are the answers and must be readable whole. */}
            <div className="grid statements">
              {Array.from({ length: 10 }, (_, i) => (
                <SelectField
                  key={i}
                  form={form}
                  name={`odi.${i}`}
                  label={`${i + 1}. ${texts?.odi[i].section ?? 'Section'}`}
                  blank="Not answered"
                  // The statement is what the patient chose; its score (0-5) is the value sent.
                  choices={[0, 1, 2, 3, 4, 5].map((score) => ({
                    value: String(score),
                    label: texts ? texts.odi[i].statements[score] : `Score ${score}`,
                  }))}
                />
              ))}
            </div>
          </details>
          <details>
            <summary>EQ-5D-5L descriptive system (one level per dimension)</summary>
            <div className="grid">
              {Array.from({ length: 5 }, (_, i) => (
                <SelectField
                  key={i}
                  form={form}
                  name={`eq5d.${i}`}
                  label={texts?.eq5d[i].dimension ?? `Dimension ${i + 1}`}
                  blank="Not answered"
                  choices={[1, 2, 3, 4, 5].map((l) => ({ value: String(l), label: texts ? `${l}: ${texts.eq5d[i].levels[l - 1]}` : String(l) }))}
                />
              ))}
            </div>
          </details>
          <details>
            <summary>Roland-Morris Disability Questionnaire (24 statements)</summary>
            <CheckField form={form} name="rmdqAnswered" label="Filled in: tick the statements that apply" />
            {form.raw.rmdqAnswered === true && (
              <div className="grid">
                {Array.from({ length: RMDQ_ITEMS }, (_, i) => (
                  <CheckField key={i} form={form} name={`rmdq.${i}`} label={`${i + 1}. ${texts?.rmdq[i] ?? 'Statement'}`} />
                ))}
              </div>
            )}
          </details>
          {!review && (
            <>
              <details>
                <summary>Radiographs of the index level (heights in % of the adjacent normal vertebra)</summary>
                <div className="grid">{RADIOGRAPH_FIELDS.map(field)}</div>
              </details>
              <fieldset>
                <legend>Care since the last visit</legend>
                <div className="grid">{CARE_FIELDS.map(field)}</div>
              </fieldset>
            </>
          )}
        </>
      )}
      {assessment && (
        <div className="grid">
          <TextField form={form} name="reason" label="Reason for the change" hint="Required when the record was entered more than 24 hours ago" />
        </div>
      )}
      <FormButtons form={form} label={review ? 'Confirm the answers' : assessment ? 'Save changes' : 'Save visit'} onCancel={onCancel} />
    </form>
  );
}
