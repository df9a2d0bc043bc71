import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

/**
 * Fields every stored record that is not patient data shows (sites, users, saved cohorts): the
 * version is what an update must send back. Patient-level records have their own, decided by the
 * field-access table (PatientRecordModel).
 */
@ObjectType({ isAbstract: true })
export abstract class RecordModel {
  @Field(() => ID) id: string;
  @Field(() => Int, { description: 'Send this back with an update; a stale version is refused' }) version: number;
  @Field(() => Date, { nullable: true, description: 'When the record was entered' }) createdAt: Date | null;
  @Field(() => Date, { nullable: true, description: 'When the record was last changed' }) updatedAt: Date | null;
  @Field(() => Date, { nullable: true, description: 'When the record was withdrawn' }) withdrawnAt: Date | null;
  @Field({ description: 'Whether the record is withdrawn' }) withdrawn: boolean;
  @Field(() => String, { nullable: true, description: 'Why the record was withdrawn' }) withdrawnReason: string | null;
}

interface RecordRow {
  id: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  withdrawnAt: Date | null;
  withdrawnReason: string | null;
}

/** The common fields of a record that is not patient data (sites, saved cohorts): given as stored. */
export function recordFields(e: RecordRow): RecordModel {
  return {
    id: e.id,
    version: e.version,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
    withdrawnAt: e.withdrawnAt,
    withdrawn: e.withdrawnAt !== null,
    withdrawnReason: e.withdrawnReason,
  };
}
