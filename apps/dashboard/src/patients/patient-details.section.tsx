import { PATIENT_FIELDS, type FieldDefinition } from '@vfr/domain';
import { humanize } from '../forms/choices';
import type { Patient } from './patient-page.controls';
import { num, yesNo } from './patient-page.format';

// The baseline fields shown from their definitions (labels, units, choice labels).
const BASELINE_SHOWN = [
  'preFractureMobility',
  'livingSituation',
  'clinicalFrailtyScale',
  'charlsonComorbidityIndex',
  'dementia',
  'priorVertebralFractures',
  'antiOsteoporoticDrug',
  'antiOsteoporoticStartDate',
  'dxaDate',
  'flsReferral',
  'vitaminDSupplementation',
  'painUnderAnalgesia',
  'mobilisedUnderAnalgesia',
  'deformityProgression',
  'anticoagulation',
  'modifiedFrailtyIndex',
];

/** The patient's facts (identifiers for those who may see them) and the baseline and osteoporosis care. */
export function PatientDetailsSection({ patient: p }: { patient: Patient }) {
  return (
    <>
      <section className="panel" aria-label="Patient details">
        <dl className="facts">
          {p.identifiers && (
            <>
              <div>
                <dt>Name</dt>
                <dd>
                  {p.identifiers.familyName}, {p.identifiers.givenName}
                </dd>
              </div>
              <div>
                <dt>MRN</dt>
                <dd>{p.identifiers.mrn}</dd>
              </div>
              <div>
                <dt>Date of birth</dt>
                <dd>{p.identifiers.dateOfBirth}</dd>
              </div>
            </>
          )}
          <div>
            <dt>Site</dt>
            <dd>{p.site.code}</dd>
          </div>
          <div>
            <dt>Sex</dt>
            <dd>{humanize(p.sex)}</dd>
          </div>
          <div>
            <dt>Birth year</dt>
            <dd>{num(p.birthYear)}</dd>
          </div>
          <div>
            <dt>Age at treatment</dt>
            <dd>{p.ageAtIndexTreatment ?? '–'}</dd>
          </div>
          <div>
            <dt>BMI</dt>
            <dd>{num(p.bmi, ' kg/m²')}</dd>
          </div>
          <div>
            <dt>T-score</dt>
            <dd>{num(p.tScore, ' SD')}</dd>
          </div>
          <div>
            <dt>ASA class</dt>
            <dd>{num(p.asaClass)}</dd>
          </div>
          <div>
            <dt>Consent</dt>
            <dd>{humanize(p.consentStatus)}</dd>
          </div>
          <div>
            <dt>Steroids / cancer</dt>
            <dd>
              {yesNo(p.steroidUse)} / {yesNo(p.activeCancer)}
            </dd>
          </div>
          <div>
            <dt>Chemo- / radiotherapy</dt>
            <dd>
              {yesNo(p.ongoingChemotherapy)} / {yesNo(p.ongoingRadiotherapy)}
            </dd>
          </div>
        </dl>
      </section>

      <section className="panel" aria-labelledby="baseline-title">
        <h3 id="baseline-title">Baseline and osteoporosis care</h3>
        <dl className="facts">
          {BASELINE_SHOWN.map((name) => {
            const def = (PATIENT_FIELDS as Record<string, FieldDefinition>)[name];
            const value = (p as unknown as Record<string, unknown>)[name];
            const unit = def.unit && def.unit !== 'points' ? ` ${def.unit}` : '';
            const shown =
              value == null
                ? 'Not recorded'
                : typeof value === 'boolean'
                  ? value
                    ? 'Yes'
                    : 'No'
                  : typeof value !== 'string' && typeof value !== 'number'
                    ? JSON.stringify(value)
                    : def.type === 'enum'
                      ? (def.choiceLabels?.[String(value)] ?? humanize(String(value)))
                      : `${value}${unit}`;
            return (
              <div key={name}>
                <dt>{def.label}</dt>
                <dd>{shown}</dd>
              </div>
            );
          })}
        </dl>
      </section>
    </>
  );
}
