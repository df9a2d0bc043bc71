import { fractureCreateSchema, type FractureFields } from '@vfr/domain';
import type { FieldLabels } from '../forms/field-errors';
import { numberOrMissing, numberOrNull, rawOf, rawTriState, textOrMissing, textOrNull, triState, type RawValues } from '../forms/form-values';

export const fractureSchema = fractureCreateSchema;

export const FRACTURE_LABELS: FieldLabels = {
  level: 'Level',
  onsetDate: 'Onset of symptoms',
  cause: 'Cause',
  genantGrade: 'Genant grade',
  heightLossPercent: 'Height loss (%)',
  morphology: 'Morphology',
  ofClass: 'OF class',
  mriOedema: 'MRI bone oedema',
  posteriorWallInvolved: 'Posterior wall involved',
  neurologicalDeficit: 'Neurological deficit',
  additionalInjuries: 'Additional injuries',
  reason: 'Reason for the change',
};

export interface StoredFracture {
  level: string;
  onsetDate: string | null;
  cause: string;
  genantGrade: number;
  heightLossPercent: number | null;
  morphology: string | null;
  ofClass: string | null;
  mriOedema: boolean | null;
  posteriorWallInvolved: boolean;
  neurologicalDeficit: boolean;
  additionalInjuries: string | null;
}

export function emptyFracture(): RawValues {
  return {
    level: '', onsetDate: '', cause: '', genantGrade: '', heightLossPercent: '', morphology: '', ofClass: '', mriOedema: '',
    posteriorWallInvolved: false, neurologicalDeficit: false, additionalInjuries: '', reason: '',
  };
}

export function fractureRaw(f: StoredFracture): RawValues {
  return {
    level: f.level, onsetDate: rawOf(f.onsetDate), cause: f.cause, genantGrade: rawOf(f.genantGrade), heightLossPercent: rawOf(f.heightLossPercent),
    morphology: rawOf(f.morphology), ofClass: rawOf(f.ofClass), mriOedema: rawTriState(f.mriOedema),
    posteriorWallInvolved: f.posteriorWallInvolved, neurologicalDeficit: f.neurologicalDeficit, additionalInjuries: rawOf(f.additionalInjuries), reason: '',
  };
}

export function fractureInput(raw: RawValues, patientId: string): FractureFields {
  return {
    patientId,
    level: textOrMissing(raw.level),
    onsetDate: textOrMissing(raw.onsetDate),
    cause: textOrMissing(raw.cause),
    genantGrade: numberOrMissing(raw.genantGrade),
    heightLossPercent: numberOrNull(raw.heightLossPercent),
    morphology: textOrNull(raw.morphology),
    ofClass: textOrNull(raw.ofClass),
    mriOedema: triState(raw.mriOedema),
    posteriorWallInvolved: raw.posteriorWallInvolved === true,
    neurologicalDeficit: raw.neurologicalDeficit === true,
    additionalInjuries: textOrNull(raw.additionalInjuries),
  } as unknown as FractureFields;
}
