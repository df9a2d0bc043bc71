import { Field, ID, ObjectType } from '@nestjs/graphql';
import { AuditAction, GraphQLJSON } from '@vfr/api-core';
import { AuditEventEntity } from '../audit-event.entity';

@ObjectType('AuditEvent')
export class AuditEventModel {
  @Field(() => ID) id: string;
  @Field() occurredAt: Date;
  @Field(() => ID, { nullable: true }) actorId: string | null;
  @Field(() => String, { nullable: true }) actorEmail: string | null;
  @Field() entityType: string;
  @Field() entityId: string;
  @Field(() => AuditAction) action: AuditAction;
  @Field(() => GraphQLJSON, { nullable: true, description: 'Values before the change' }) before: Record<string, unknown> | null;
  @Field(() => GraphQLJSON, { nullable: true, description: 'Values after the change' }) after: Record<string, unknown> | null;
  @Field(() => String, { nullable: true }) reason: string | null;

  static from(e: AuditEventEntity): AuditEventModel {
    return { ...e, id: String(e.id) };
  }
}
