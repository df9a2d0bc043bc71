import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

/** Fields every registry record shows: the version is what an update must send back. */
@ObjectType({ isAbstract: true })
export abstract class RecordModel {
  @Field(() => ID) id: string;
  @Field(() => Int, { description: 'Send this back with an update; a stale version is refused' }) version: number;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
  @Field(() => Date, { nullable: true }) withdrawnAt: Date | null;
  @Field(() => String, { nullable: true }) withdrawnReason: string | null;
}

export function recordFields<T extends RecordModel>(e: T): RecordModel {
  return { id: e.id, version: e.version, createdAt: e.createdAt, updatedAt: e.updatedAt, withdrawnAt: e.withdrawnAt, withdrawnReason: e.withdrawnReason };
}
