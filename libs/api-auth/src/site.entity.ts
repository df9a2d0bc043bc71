import { Check, Column, Entity, Index } from 'typeorm';
import { RecordEntity } from '@vfr/api-database';

@Entity('site')
@Index('uq_site__code', ['code'], { unique: true })
// The client's id for the create request: a retry returns the record it already made.
@Index('uq_site__request_id', ['requestId'], { unique: true, where: 'request_id IS NOT NULL' })
@Check('ck_site__code__pattern', `code ~ '^[A-Z0-9]{2,16}$'`)
export class SiteEntity extends RecordEntity {
  @Column({ type: 'varchar', length: 16 })
  code: string;

  @Column({ type: 'varchar', length: 120 })
  name: string;

  @Column({ type: 'uuid', nullable: true })
  requestId: string | null;
}
