import { Field, ID, ObjectType } from '@nestjs/graphql';
import { AuditAction, GraphQLJSON } from '@vfr/api-core';
import { AuditEventEntity } from '../audit-event.entity';
import { AuditName, idsOf } from '../audit.service';

@ObjectType('AuditName', { description: 'A record an audit event refers to by id, with the name a person knows it by' })
export class AuditNameModel {
  @Field(() => ID) id: string;
  @Field({ description: 'Patient, User, Site, Fracture, Treatment, Assessment, Complication, Death or SavedCohort' }) kind: string;
  @Field({ description: "A patient's registry number, a user's email, a site's code; a record as its patient's registry number and what tells it apart" })
  name: string;
}

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
  @Field(() => [AuditNameModel], { description: 'The names of the ids the event refers to (its record, its values), resolved for the whole page at once' })
  names: AuditNameModel[];

  static from(e: AuditEventEntity, names: Map<string, AuditName> = new Map()): AuditEventModel {
    return { ...e, id: String(e.id), names: [...idsOf(e)].flatMap((id) => names.get(id) ?? []) };
  }
}
