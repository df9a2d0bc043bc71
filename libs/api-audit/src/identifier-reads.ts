import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { Plugin } from '@nestjs/apollo';
import { Logger } from '@nestjs/common';
import { RequestContext } from '@vfr/api-core';
import { AuditAction } from '@vfr/domain';
import { AccessAudit } from './access-audit';

/** A patient whose identifiers a request returned (or whom a name search found). */
export interface IdentifiedPatient {
  id: string;
  registryNumber: string;
  siteId: string;
}

interface Reads {
  patients: Map<string, IdentifiedPatient>;
  identifiers: boolean;
  nameSearch: boolean;
}

// Per request: the context object is made once per GraphQL request and dropped after it.
const byRequest = new WeakMap<object, Reads>();

/**
 * Notes that this request returns a patient's identifiers (`how: 'identifiers'`), or found the
 * patient by name or MRN (`'nameSearch'`): the link between a name and a registry number is
 * itself an identifier. Resolvers call it; the plugin below writes one event per request.
 */
export function noteIdentifierRead(ctx: object, patient: IdentifiedPatient, how: 'identifiers' | 'nameSearch'): void {
  let reads = byRequest.get(ctx);
  if (!reads) byRequest.set(ctx, (reads = { patients: new Map(), identifiers: false, nameSearch: false }));
  reads.patients.set(patient.id, { id: patient.id, registryNumber: patient.registryNumber, siteId: patient.siteId });
  reads[how] = true;
}

/**
 * One audit event (action READ, entity PatientIdentifier) per GraphQL request that returned
 * identifiers, listing the patients. It is written after the answer is computed and before it is
 * sent; if it cannot be written, the answer is replaced by an error, so identifiers never leave
 * without their event. Reads of de-identified data (researchers, department heads, coordinators
 * not asking for identifiers) note nothing and write nothing.
 */
@Plugin()
export class IdentifierReadAudit implements ApolloServerPlugin<RequestContext> {
  private readonly logger = new Logger('IdentifierReadAudit');

  constructor(private readonly audit: AccessAudit) {}

  // Apollo's plugin interface asks for a promise; the listener itself needs nothing awaited.
  requestDidStart(): Promise<GraphQLRequestListener<RequestContext>> {
    return Promise.resolve({
      willSendResponse: async (rc) => {
        const reads = byRequest.get(rc.contextValue);
        if (!reads || reads.patients.size === 0) return;
        byRequest.delete(rc.contextValue);
        const patients = [...reads.patients.values()].sort((a, b) => (a.registryNumber < b.registryNumber ? -1 : 1));
        const sites = new Set(patients.map((p) => p.siteId));
        const actor = rc.contextValue.req.actor;
        try {
          await this.audit.record({
            action: AuditAction.READ,
            entityType: 'PatientIdentifier',
            entityId: patients.length === 1 ? patients[0].id : `${patients.length} patients`,
            actor: actor ? { userId: actor.userId, email: actor.email } : null,
            siteId: sites.size === 1 ? patients[0].siteId : null,
            details: {
              operation: rc.operationName ?? rc.operation?.operation ?? null,
              returned: [reads.identifiers && 'identifiers', reads.nameSearch && 'name search'].filter(Boolean).join(', '),
              registryNumbers: patients.map((p) => p.registryNumber),
              patientIds: patients.map((p) => p.id),
            },
          });
        } catch (e) {
          this.logger.error(`An identifier read could not be audited; the answer was withheld: ${(e as Error).message}`);
          if (rc.response.body.kind === 'single') {
            rc.response.body.singleResult.data = null;
            rc.response.body.singleResult.errors = [
              {
                message: 'The answer held patient identifiers and its audit event could not be recorded, so it was not sent: try again in a moment',
                extensions: { code: 'DATABASE_UNAVAILABLE' },
              },
            ];
          }
        }
      },
    });
  }
}
