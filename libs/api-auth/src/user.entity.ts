import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Role } from '@vfr/domain';
import { RecordEntity } from '@vfr/api-database';
import { SiteEntity } from './site.entity';

@Entity('app_user')
@Index('uq_app_user__email', ['email'], { unique: true })
@Index('ix_app_user__site_id', ['siteId'])
// The client's id for the create request: a retry returns the record it already made.
@Index('uq_app_user__request_id', ['requestId'], { unique: true, where: 'request_id IS NOT NULL' })
// Coordinators and department heads work for one site; admins and researchers may be cross-site.
@Check('ck_app_user__site_id__required_for_role', `role IN ('ADMIN', 'RESEARCHER') OR site_id IS NOT NULL`)
export class UserEntity extends RecordEntity {
  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ type: 'varchar', length: 120 })
  displayName: string;

  @Column({ type: 'enum', enum: Role, enumName: 'role' })
  role: Role;

  @Column({ type: 'uuid', nullable: true })
  siteId: string | null;

  @ManyToOne(() => SiteEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'site_id', foreignKeyConstraintName: 'fk_app_user__site_id' })
  site?: SiteEntity;

  @Column({ type: 'text', select: false })
  passwordHash: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** Tokens issued before this moment are refused: signing out ends every session of the user. */
  @Column({ type: 'timestamptz', nullable: true })
  tokensValidAfter: Date | null;

  /**
   * The password was set by an administrator (a new account or a reset): the user must choose
   * their own before anything else, and the one set for them opens a single sign-in.
   */
  @Column({ type: 'boolean', default: false })
  mustChangePassword: boolean;

  /** When the administrator's password was used to sign in; a second sign-in with it is refused. */
  @Column({ type: 'timestamptz', nullable: true })
  temporaryPasswordUsedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  requestId: string | null;
}
