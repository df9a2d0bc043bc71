import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor, DateView, indexByKeys, isDeidentified, loaderFor, RequestContext } from '@vfr/api-core';

/**
 * How a patient's dates are shown to the caller: exact, or as days from the index treatment for
 * de-identified readers. The index dates of a page of patients load in one statement.
 */
@Injectable()
export class PatientViews {
  constructor(private readonly dataSource: DataSource) {}

  async of(ctx: RequestContext, actor: Actor, patientId: string): Promise<DateView> {
    const loader = loaderFor(ctx, 'indexDate', async (ids: readonly string[]) => {
      const rows: { patient_id: string; index_date: string }[] = await this.dataSource.query(
        `SELECT patient_id, min(start_date) AS index_date FROM treatment
          WHERE patient_id = ANY($1::uuid[]) AND withdrawn_at IS NULL GROUP BY patient_id`,
        [ids],
      );
      return indexByKeys(ids, rows, (r) => r.patient_id).map((r) => r?.index_date ?? null);
    });
    return new DateView(isDeidentified(actor), await loader.load(patientId));
  }
}
