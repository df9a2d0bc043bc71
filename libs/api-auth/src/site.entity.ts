import { Check, Column, Entity, Index } from 'typeorm';
import { RecordEntity } from '@vfr/api-database';

@Entity('site')
@Index('uq_site__code', ['code'], { unique: true })
@Check('ck_site__code__pattern', `code ~ '^[A-Z0-9]{2,16}$'`)
export class SiteEntity extends RecordEntity {
  @Column({ type: 'varchar', length: 16 })
  code: string;

  @Column({ type: 'varchar', length: 120 })
  name: string;
}
