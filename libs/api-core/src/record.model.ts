import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { DateView } from './deidentification';

/** Fields every registry record shows: the version is what an update must send back. */
@ObjectType({ isAbstract: true })
export abstract class RecordModel {
  @Field(() => ID) id: string;
  @Field(() => Int, { description: 'Send this back with an update; a stale version is refused' }) version: number;
  @Field(() => Date, { nullable: true, description: 'Null for de-identified readers' }) createdAt: Date | null;
  @Field(() => Date, { nullable: true, description: 'Null for de-identified readers' }) updatedAt: Date | null;
  @Field(() => Date, { nullable: true }) withdrawnAt: Date | null;
  @Field(() => String, { nullable: true }) withdrawnReason: string | null;
}

interface RecordRow {
  id: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  withdrawnAt: Date | null;
  withdrawnReason: string | null;
}

/** The common fields; record-keeping timestamps are withheld from de-identified readers. */
export function recordFields(e: RecordRow, view?: DateView): RecordModel {
  const t = (d: Date | null) => (view ? view.timestamp(d) : d);
  return { id: e.id, version: e.version, createdAt: t(e.createdAt), updatedAt: t(e.updatedAt), withdrawnAt: t(e.withdrawnAt), withdrawnReason: e.withdrawnReason };
}
