import { Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import * as QRCode from 'qrcode';
import { AuditedWriter, AuditEventEntity } from '@vfr/api-audit';
import { Actor, assertId, assertSiteAccess, siteScope } from '@vfr/api-core';
import { eq5dValueSetFromEnv, questionnaireSettingsFromEnv, QuestionnaireSettings } from '@vfr/api-database';
import { AssessmentEntity, AssessmentsService } from '@vfr/api-follow-up';
import { patientForWrite, TreatmentEntity } from '@vfr/api-registry';
import {
  addDays,
  AssessmentStatus,
  AuditAction,
  ConflictError,
  ConsentStatus,
  FieldIssue,
  followUpState,
  NotFoundError,
  QuestionnaireAnswers,
  QuestionnaireLanguage,
  QuestionnaireRespondent,
  QuestionnaireWordingFile,
  QUESTIONNAIRE_LANGUAGES,
  readQuestionnaireForm,
  TimePoint,
  timePointWindow,
  todayIso,
  ValidationError,
} from '@vfr/domain';
import { QuestionnaireInvitationEntity } from './questionnaire-invitation.entity';
import { questionnaireTokenHash, newQuestionnaireToken } from './questionnaire-token';
import { loadQuestionnaireWording } from './questionnaire-wording';
import { QuestionnaireMailer } from './questionnaire.mailer';

const ENTITY = 'QuestionnaireInvitation';

/** What a link's token opens: a form to answer, a thank-you, or (for anything else) nothing. */
export type OpenedLink = { kind: 'form'; invitation: QuestionnaireInvitationEntity } | { kind: 'answered'; language: string } | { kind: 'invalid' };

export type SubmitResult =
  { kind: 'saved' } | { kind: 'answered' } | { kind: 'invalid' } | { kind: 'problems'; issues: FieldIssue[]; invitation: QuestionnaireInvitationEntity };

/** The patient-reported values a coordinator may correct when confirming. */
export type AnswerCorrections = Partial<Omit<QuestionnaireAnswers, 'respondent'>> & { respondent?: QuestionnaireRespondent };

export interface IssuedLink {
  invitation: QuestionnaireInvitationEntity;
  url: string;
  qrSvg: string;
}

@Injectable()
export class QuestionnairesService {
  readonly settings: QuestionnaireSettings = questionnaireSettingsFromEnv();
  readonly wording: QuestionnaireWordingFile = loadQuestionnaireWording(this.settings.wordingFile);

  constructor(
    private readonly dataSource: DataSource,
    private readonly writer: AuditedWriter,
    private readonly assessments: AssessmentsService,
    private readonly mailer: QuestionnaireMailer,
  ) {}

  // Coordinators ----------------------------------------------------------------------------

  /**
   * A new link for an expected visit of a patient in the actor's scope: the visit is not recorded
   * yet and its window is open today (the answers are dated the day they are given, and must lie
   * in the window). A link not yet answered for the same visit is replaced (withdrawn); answers
   * awaiting review are not. The token is returned once, here, and never stored.
   */
  async issue(
    actor: Actor,
    input: { patientId: string; treatmentId: string; timePoint: TimePoint; language?: string | null; email?: string | null },
    origin: string,
  ): Promise<IssuedLink> {
    assertId('patientId', input.patientId);
    assertId('treatmentId', input.treatmentId);
    const language = input.language ?? 'en';
    if (!(QUESTIONNAIRE_LANGUAGES as readonly string[]).includes(language))
      throw ValidationError.single('language', 'enum', `language must be one of ${QUESTIONNAIRE_LANGUAGES.join(', ')} (got "${language.slice(0, 20)}")`);
    const email = input.email?.trim() || null;
    if (email && !this.mailer.enabled)
      throw ValidationError.single('email', 'unavailable', 'email cannot be sent: the registry has no SMTP_URL set; print the letter instead');
    if (email && (email.length > 254 || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)))
      throw ValidationError.single('email', 'format', 'email must be an email address');
    const { token, hash } = newQuestionnaireToken();
    // A link emailed again for the same visit is a reminder (the earlier link stops working).
    let reminder = false;
    const invitation = await this.writer.run(actor, async (tx) => {
      const patient = await patientForWrite(tx.manager, actor, input.patientId);
      if (patient.consentStatus === ConsentStatus.WITHDRAWN)
        throw ValidationError.single('patientId', 'consent', 'the patient withdrew consent: no questionnaire is sent');
      const treatment = await tx.manager.findOneBy(TreatmentEntity, { id: input.treatmentId, patientId: patient.id, withdrawnAt: IsNull() });
      if (!treatment) throw ValidationError.single('treatmentId', 'exists', 'treatmentId is not a current treatment of this patient');
      const window = timePointWindow(input.timePoint);
      if (!window) throw ValidationError.single('timePoint', 'scheduled', 'timePoint must be a scheduled time point (not UNSCHEDULED)');
      const today = todayIso();
      const state = followUpState(input.timePoint, treatment.startDate, today).state;
      if (state !== 'DUE')
        throw ValidationError.single(
          'timePoint',
          'windowOpen',
          `a link can be issued while the ${input.timePoint} visit's window is open (${addDays(treatment.startDate, window.fromDay)} to ${addDays(treatment.startDate, window.toDay)}); today is ${today}`,
        );
      const recorded = await tx.manager.findOneBy(AssessmentEntity, { treatmentId: treatment.id, timePoint: input.timePoint, withdrawnAt: IsNull() });
      if (recorded) throw ValidationError.single('timePoint', 'unique', `the ${input.timePoint} visit is already recorded`);
      const earlier = await tx.manager.findOne(QuestionnaireInvitationEntity, {
        where: { treatmentId: treatment.id, timePoint: input.timePoint, withdrawnAt: IsNull() },
        lock: { mode: 'pessimistic_write' },
      });
      if (earlier?.answeredAt)
        throw new ConflictError(
          'timePoint',
          'awaitingReview',
          `the ${input.timePoint} questionnaire was answered and awaits review: confirm or revoke it first`,
        );
      reminder = !!earlier?.emailedAt;
      if (earlier)
        await tx.withdraw(QuestionnaireInvitationEntity, earlier, earlier.version, 'Replaced by a new link', { entityType: ENTITY, siteId: earlier.siteId });
      // Until the end of the window's last day, or linkDays from now if that is sooner.
      const windowEnd = new Date(`${addDays(treatment.startDate, window.toDay)}T23:59:59.999Z`);
      const expiresAt = new Date(Math.min(windowEnd.getTime(), Date.now() + this.settings.linkDays * 86_400_000));
      return tx.create(
        QuestionnaireInvitationEntity,
        {
          patientId: patient.id,
          treatmentId: treatment.id,
          siteId: patient.siteId,
          timePoint: input.timePoint,
          tokenHash: hash,
          issuedBy: actor.userId,
          expiresAt,
          language,
          emailedAt: email ? new Date() : null,
        },
        { entityType: ENTITY, siteId: patient.siteId, reason: email ? 'Link issued and emailed to the patient' : 'Link issued for a letter' },
      );
    });
    const url = `${this.settings.publicUrl ?? origin}/q/${token}`;
    // Sent after the commit: a mail cannot be taken back, a failed send leaves a link the letter can still carry.
    if (email) await this.mailer.sendLink(email, url, invitation.language as QuestionnaireLanguage, invitation.expiresAt, reminder);
    const qrSvg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    return { invitation, url, qrSvg };
  }

  /** Withdraws a link that was not confirmed yet (answers waiting for review are discarded with it). */
  async revoke(actor: Actor, id: string, version: number, reason?: string | null): Promise<QuestionnaireInvitationEntity> {
    assertId('id', id);
    return this.writer.run(actor, async (tx) => {
      const invitation = await tx.lock(QuestionnaireInvitationEntity, id, ENTITY);
      await patientForWrite(tx.manager, actor, invitation.patientId, 'id');
      if (invitation.reviewedAt) throw new ConflictError('id', 'reviewed', 'this questionnaire was confirmed into a visit: edit or withdraw the visit instead');
      return tx.withdraw(QuestionnaireInvitationEntity, invitation, version, reason?.trim() || 'Revoked by the coordinator', {
        entityType: ENTITY,
        siteId: invitation.siteId,
      });
    });
  }

  /**
   * Confirms a patient's answers into the visit, with the coordinator's corrections, in one audited
   * transaction: the visit (status DONE, dated the day answered unless corrected) is created with
   * every check a visit entered by hand passes, and its audit event says the patient (or someone on
   * their behalf) answered it; each corrected answer is in the questionnaire's audit event, the
   * patient's value before and the confirmed one after. From then on it counts in the figures.
   */
  async confirm(
    actor: Actor,
    input: { id: string; version: number; visitDate?: string | null; corrections?: AnswerCorrections | null },
  ): Promise<QuestionnaireInvitationEntity> {
    assertId('id', input.id);
    return this.writer.run(actor, async (tx) => {
      const invitation = await tx.lock(QuestionnaireInvitationEntity, input.id, ENTITY);
      const patient = await patientForWrite(tx.manager, actor, invitation.patientId, 'id');
      if (invitation.withdrawnAt) throw new ConflictError('id', 'withdrawn', 'this questionnaire link was revoked');
      if (!invitation.answeredAt || !invitation.answers || !invitation.respondent)
        throw new ConflictError('id', 'notAnswered', 'this questionnaire has not been answered yet');
      if (invitation.reviewedAt) throw new ConflictError('id', 'reviewed', 'this questionnaire was confirmed already');
      const given: QuestionnaireAnswers = { ...invitation.answers, respondent: invitation.respondent };
      const corrections = input.corrections ?? {};
      const confirmed: QuestionnaireAnswers = { ...given };
      const before: Record<string, unknown> = {};
      const after: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(corrections) as [keyof QuestionnaireAnswers, unknown][]) {
        if (value === undefined || !(key in given) || JSON.stringify(given[key]) === JSON.stringify(value)) continue;
        before[key] = given[key];
        after[key] = value;
        (confirmed as unknown as Record<string, unknown>)[key] = value;
      }
      const answeredOn = todayIso(invitation.answeredAt);
      if (input.visitDate && input.visitDate !== answeredOn) {
        before.visitDate = answeredOn;
        after.visitDate = input.visitDate;
      }
      const corrected = Object.keys(after).length > 0;
      const who = confirmed.respondent === QuestionnaireRespondent.PATIENT ? 'the patient' : "someone on the patient's behalf";
      const visit = await this.assessments.createWithin(
        tx,
        actor,
        {
          patientId: invitation.patientId,
          treatmentId: invitation.treatmentId,
          timePoint: invitation.timePoint,
          status: AssessmentStatus.DONE,
          visitDate: input.visitDate ?? answeredOn,
          nrsRest: confirmed.nrsRest,
          nrsActivity: confirmed.nrsActivity,
          odiItems: confirmed.odiItems,
          rmdqItems: confirmed.rmdqItems,
          eq5dLevels: confirmed.eq5dLevels,
          eq5dVas: confirmed.eq5dVas,
        },
        `Answered by ${who} through a questionnaire link; confirmed${corrected ? ' with corrections' : ''} by the coordinator`,
      );
      if (corrected) {
        await tx.audit({
          entityType: ENTITY,
          entityId: invitation.id,
          siteId: patient.siteId,
          action: AuditAction.UPDATE,
          before,
          after,
          reason: 'Answers corrected on review',
        });
      }
      const { respondent, ...answers } = confirmed;
      return tx.update(
        QuestionnaireInvitationEntity,
        invitation,
        input.version,
        { reviewedAt: new Date(), reviewedBy: actor.userId, assessmentId: visit.id, corrected, respondent, answers },
        { entityType: ENTITY, siteId: patient.siteId, reason: 'Confirmed into the visit' },
      );
    });
  }

  /** Links of the actor's scope: of one patient, or those answered and awaiting review (the worklist's). */
  list(
    actor: Actor,
    filter: { patientId?: string | null; awaitingReview?: boolean | null; includeWithdrawn?: boolean | null },
  ): Promise<QuestionnaireInvitationEntity[]> {
    if (filter.patientId) assertId('filter.patientId', filter.patientId);
    const q = this.dataSource
      .getRepository(QuestionnaireInvitationEntity)
      .createQueryBuilder('i')
      .leftJoinAndSelect('i.patient', 'p')
      .orderBy('i.created_at', 'DESC')
      .take(500);
    const scope = siteScope(actor);
    if (scope) q.andWhere('i.site_id = :scope', { scope });
    if (filter.patientId) q.andWhere('i.patient_id = :patientId', { patientId: filter.patientId });
    if (!filter.includeWithdrawn) q.andWhere('i.withdrawn_at IS NULL');
    if (filter.awaitingReview) q.andWhere('i.answered_at IS NOT NULL AND i.reviewed_at IS NULL');
    return q.getMany();
  }

  /** The same links with their patients (for the registry number). */
  async withPatients(list: QuestionnaireInvitationEntity[]): Promise<QuestionnaireInvitationEntity[]> {
    return this.dataSource.getRepository(QuestionnaireInvitationEntity).find({ where: list.map((e) => ({ id: e.id })), relations: { patient: true } });
  }

  async get(actor: Actor, id: string): Promise<QuestionnaireInvitationEntity> {
    assertId('id', id);
    const invitation = await this.dataSource.getRepository(QuestionnaireInvitationEntity).findOneBy({ id });
    if (!invitation) throw new NotFoundError(ENTITY, id);
    assertSiteAccess(actor, invitation.siteId, ENTITY, id);
    return invitation;
  }

  // The public link ---------------------------------------------------------------------------

  /** What a token opens. Unknown, expired, revoked and replaced links are alike: 'invalid'. */
  async open(token: string): Promise<OpenedLink> {
    const hash = questionnaireTokenHash(token);
    if (!hash) return { kind: 'invalid' };
    const invitation = await this.dataSource.getRepository(QuestionnaireInvitationEntity).findOneBy({ tokenHash: hash });
    return this.judge(invitation);
  }

  private judge(invitation: QuestionnaireInvitationEntity | null): OpenedLink {
    if (!invitation || invitation.withdrawnAt) return { kind: 'invalid' };
    if (invitation.answeredAt) return { kind: 'answered', language: invitation.language };
    if (invitation.expiresAt.getTime() <= Date.now()) return { kind: 'invalid' };
    return { kind: 'form', invitation };
  }

  /**
   * Stores a patient's answers once: the form is read and checked first (nothing is written on a
   * problem), then the link's row is locked and judged again, so that two submissions at once
   * store one and the other finds the link used. The write is audited (by no user: the link).
   */
  async submit(token: string, form: Record<string, unknown>): Promise<SubmitResult> {
    const hash = questionnaireTokenHash(token);
    if (!hash) return { kind: 'invalid' };
    const read = readQuestionnaireForm(form, eq5dValueSetFromEnv());
    return this.dataSource.transaction(async (manager) => {
      const invitation = await manager.findOne(QuestionnaireInvitationEntity, { where: { tokenHash: hash }, lock: { mode: 'pessimistic_write' } });
      const opened = this.judge(invitation);
      if (opened.kind !== 'form') return opened;
      if (!read.answers) return { kind: 'problems', issues: read.issues, invitation: opened.invitation };
      const { respondent, ...answers } = read.answers;
      await manager.query(
        `UPDATE questionnaire_invitation SET answered_at = now(), respondent = $2, answers = $3, version = version + 1, updated_at = now() WHERE id = $1`,
        [opened.invitation.id, respondent, JSON.stringify(answers)],
      );
      await manager.insert(AuditEventEntity, {
        actorId: null,
        actorEmail: null,
        siteId: opened.invitation.siteId,
        entityType: ENTITY,
        entityId: opened.invitation.id,
        action: AuditAction.UPDATE,
        before: { answeredAt: null } as never,
        after: { answeredAt: new Date().toISOString(), respondent } as never,
        reason: `Answered through the questionnaire link by ${respondent === QuestionnaireRespondent.PATIENT ? 'the patient' : "someone on the patient's behalf"}; awaits review`,
      });
      return { kind: 'saved' };
    });
  }
}
