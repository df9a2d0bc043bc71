import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor, FieldView, indexByKeys, loaderFor, RequestContext } from '@vfr/api-core';

/**
 * The reader's view of a patient's records (libs/api-core's FieldView): the reader's role and the
 * patient's index date, from which days are counted. The index dates of a page of patients load
 * in one statement.
 */
@Injectable()
export class PatientViews {
  constructor(private readonly dataSource: DataSource) {}

  async of(ctx: RequestContext, actor: Actor, patientId: string): Promise<FieldView> {
    return FieldView.of(actor, await this.indexDates(ctx).load(patientId));
  }

  /** A patient's index date read with the page it is on (patient-page.nested.ts), so that `of` needs no statement. */
  prime(ctx: RequestContext, patientId: string, indexDate: string | null): void {
    this.indexDates(ctx).prime(patientId, indexDate);
  }

  private indexDates(ctx: RequestContext) {
    return loaderFor(ctx, 'indexDate', async (ids: readonly string[]) => {
      const rows: { patient_id: string; index_date: string }[] = await this.dataSource.query(
        `SELECT patient_id, min(start_date) AS index_date FROM treatment
          WHERE patient_id = ANY($1::uuid[]) AND withdrawn_at IS NULL GROUP BY patient_id`,
        [ids],
      );
      return indexByKeys(ids, rows, (r) => r.patient_id).map((r) => r?.index_date ?? null);
    });
  }
}
