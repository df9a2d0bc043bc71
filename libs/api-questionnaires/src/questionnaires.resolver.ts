import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor, CurrentActor, RequestContext, Roles } from '@vfr/api-core';
import { Role } from '@vfr/domain';
import {
  ConfirmQuestionnaireInput,
  IssuedQuestionnaireLinkModel,
  IssueQuestionnaireLinkInput,
  QuestionnaireInvitationModel,
  RevokeQuestionnaireLinkInput,
} from './models/questionnaire.model';
import { QuestionnaireMailer } from './questionnaire.mailer';
import { QuestionnairesService } from './questionnaires.service';

/** The address the coordinator reached the API at, for a link when PUBLIC_URL is unset. */
function originOf(ctx: RequestContext): string {
  const origin = ctx.req.headers.origin;
  if (typeof origin === 'string' && /^https?:\/\/[^/\s]+$/.test(origin)) return origin;
  const host = ctx.req.headers.host;
  return `http://${typeof host === 'string' && /^[\w.:[\]-]+$/.test(host) ? host : 'localhost'}`;
}

/** Coordinators (their site's patients) and admins: issue, list, revoke and confirm questionnaire links. */
@Resolver(() => QuestionnaireInvitationModel)
export class QuestionnairesResolver {
  constructor(
    private readonly service: QuestionnairesService,
    private readonly mailer: QuestionnaireMailer,
  ) {}

  @Roles(Role.ADMIN, Role.COORDINATOR)
  @Query(() => Boolean, {
    description: 'Whether questionnaire links can be emailed (the registry has SMTP_URL set): the dashboard offers the address field only then',
  })
  questionnaireEmail(): boolean {
    return this.mailer.enabled;
  }

  private async withPatient(actor: Actor, id: string): Promise<QuestionnaireInvitationModel> {
    const [e] = await this.service.withPatients([await this.service.get(actor, id)]);
    return QuestionnaireInvitationModel.from(e);
  }

  @Roles(Role.ADMIN, Role.COORDINATOR)
  @Query(() => [QuestionnaireInvitationModel], { description: "Questionnaire links of your site: one patient's, or those answered and awaiting review" })
  async questionnaireInvitations(
    @CurrentActor() actor: Actor,
    @Args('patientId', { type: () => ID, nullable: true }) patientId?: string,
    @Args('awaitingReview', { type: () => Boolean, nullable: true }) awaitingReview?: boolean,
  ): Promise<QuestionnaireInvitationModel[]> {
    const list = await this.service.list(actor, { patientId, awaitingReview });
    return list.map((e) => QuestionnaireInvitationModel.from(e));
  }

  @Roles(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => IssuedQuestionnaireLinkModel, {
    description: 'A one-time questionnaire link for an expected visit whose window is open (replaces an unanswered one)',
  })
  async issueQuestionnaireLink(
    @CurrentActor() actor: Actor,
    @Args('input') input: IssueQuestionnaireLinkInput,
    @Context() ctx: RequestContext,
  ): Promise<IssuedQuestionnaireLinkModel> {
    const issued = await this.service.issue(actor, input, originOf(ctx));
    return { url: issued.url, qrSvg: issued.qrSvg, invitation: await this.withPatient(actor, issued.invitation.id) };
  }

  @Roles(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => QuestionnaireInvitationModel, { description: 'Revoke a questionnaire link not yet confirmed (answers awaiting review are discarded)' })
  async revokeQuestionnaireLink(@CurrentActor() actor: Actor, @Args('input') input: RevokeQuestionnaireLinkInput): Promise<QuestionnaireInvitationModel> {
    const e = await this.service.revoke(actor, input.id, input.version, input.reason);
    return this.withPatient(actor, e.id);
  }

  @Roles(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => QuestionnaireInvitationModel, {
    description: "Confirm a patient's answers, with corrections, into the visit: from then on it counts in the figures",
  })
  async confirmQuestionnaireAnswers(@CurrentActor() actor: Actor, @Args('input') input: ConfirmQuestionnaireInput): Promise<QuestionnaireInvitationModel> {
    const e = await this.service.confirm(actor, { ...input, corrections: input.corrections ?? null });
    return this.withPatient(actor, e.id);
  }
}
