import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { TimePoint } from '@vfr/api-core';
import { QuestionnaireRespondent } from '@vfr/domain';
import { QuestionnaireInvitationEntity } from '../questionnaire-invitation.entity';

registerEnumType(QuestionnaireRespondent, {
  name: 'QuestionnaireRespondent',
  description: 'Who answered a questionnaire: the patient, or someone on their behalf',
});

export enum QuestionnaireLinkState {
  /** Issued, not answered, not expired. */
  OPEN = 'OPEN',
  EXPIRED = 'EXPIRED',
  /** Answered by the patient (or on their behalf), waiting for a coordinator's review: not in any figure yet. */
  AWAITING_REVIEW = 'AWAITING_REVIEW',
  /** Confirmed into the visit: counts in the figures. */
  CONFIRMED = 'CONFIRMED',
  /** Revoked or replaced by a new link. */
  REVOKED = 'REVOKED',
}
registerEnumType(QuestionnaireLinkState, { name: 'QuestionnaireLinkState' });

@ObjectType('QuestionnaireAnswers', { description: "A patient's answers as submitted (after review: as confirmed)" })
export class QuestionnaireAnswersModel {
  @Field(() => Int, { nullable: true }) nrsRest: number | null;
  @Field(() => Int, { nullable: true }) nrsActivity: number | null;
  @Field(() => [Int], { nullable: 'itemsAndList' }) odiItems: (number | null)[] | null;
  @Field(() => [Boolean]) rmdqItems: boolean[];
  @Field(() => [Int], { nullable: true }) eq5dLevels: number[] | null;
  @Field(() => Int, { nullable: true }) eq5dVas: number | null;
}

@ObjectType('QuestionnaireInvitation', { description: "A one-time link a patient answers a visit's questionnaire with (the token itself is never stored)" })
export class QuestionnaireInvitationModel {
  @Field(() => ID) id: string;
  @Field(() => Int) version: number;
  @Field(() => ID) patientId: string;
  @Field() registryNumber: string;
  @Field(() => ID) treatmentId: string;
  @Field(() => TimePoint) timePoint: TimePoint;
  @Field() issuedAt: Date;
  @Field() expiresAt: Date;
  @Field() language: string;
  @Field(() => QuestionnaireLinkState) state: QuestionnaireLinkState;
  @Field(() => Date, { nullable: true }) answeredAt: Date | null;
  @Field(() => QuestionnaireRespondent, { nullable: true }) respondent: QuestionnaireRespondent | null;
  @Field(() => QuestionnaireAnswersModel, { nullable: true }) answers: QuestionnaireAnswersModel | null;
  @Field(() => Date, { nullable: true }) reviewedAt: Date | null;
  @Field(() => ID, { nullable: true, description: 'The visit the confirmed answers became' }) assessmentId: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Whether answers were corrected on review (the audit trail has each change)' }) corrected:
    boolean | null;
  @Field(() => Date, { nullable: true }) emailedAt: Date | null;
  @Field(() => String, { nullable: true }) withdrawnReason: string | null;

  static from(e: QuestionnaireInvitationEntity, now = Date.now()): QuestionnaireInvitationModel {
    const state = e.withdrawnAt
      ? QuestionnaireLinkState.REVOKED
      : e.reviewedAt
        ? QuestionnaireLinkState.CONFIRMED
        : e.answeredAt
          ? QuestionnaireLinkState.AWAITING_REVIEW
          : e.expiresAt.getTime() <= now
            ? QuestionnaireLinkState.EXPIRED
            : QuestionnaireLinkState.OPEN;
    return {
      id: e.id,
      version: e.version,
      patientId: e.patientId,
      registryNumber: e.patient?.registryNumber ?? '',
      treatmentId: e.treatmentId,
      timePoint: e.timePoint,
      issuedAt: e.createdAt,
      expiresAt: e.expiresAt,
      language: e.language,
      state,
      answeredAt: e.answeredAt,
      respondent: e.respondent,
      answers: e.answers ? { ...e.answers, odiItems: e.answers.odiItems ?? null, eq5dLevels: e.answers.eq5dLevels ?? null } : null,
      reviewedAt: e.reviewedAt,
      assessmentId: e.assessmentId,
      corrected: e.corrected,
      emailedAt: e.emailedAt,
      withdrawnReason: e.withdrawnReason,
    };
  }
}

@ObjectType('IssuedQuestionnaireLink', { description: 'A new link: its address and QR code are given once, here, and cannot be read again' })
export class IssuedQuestionnaireLinkModel {
  @Field(() => QuestionnaireInvitationModel) invitation: QuestionnaireInvitationModel;
  @Field({ description: 'The link the patient opens' }) url: string;
  @Field({ description: 'The link as a QR code, an SVG document' }) qrSvg: string;
}

@InputType()
export class IssueQuestionnaireLinkInput {
  @Field(() => ID) patientId: string;
  @Field(() => ID, { description: 'The index treatment' }) treatmentId: string;
  @Field(() => TimePoint) timePoint: TimePoint;
  @Field(() => String, { nullable: true, description: 'The language the form opens in: en or de (default en)' }) language?: string | null;
  @Field(() => String, { nullable: true, description: 'Send the link to this address (needs SMTP_URL); the address is not stored' }) email?: string | null;
}

@InputType()
export class QuestionnaireCorrectionsInput {
  @Field(() => QuestionnaireRespondent, { nullable: true }) respondent?: QuestionnaireRespondent;
  @Field(() => Int, { nullable: true }) nrsRest?: number | null;
  @Field(() => Int, { nullable: true }) nrsActivity?: number | null;
  @Field(() => [Int], { nullable: 'itemsAndList' }) odiItems?: (number | null)[] | null;
  @Field(() => [Boolean], { nullable: true }) rmdqItems?: boolean[];
  @Field(() => [Int], { nullable: true }) eq5dLevels?: number[] | null;
  @Field(() => Int, { nullable: true }) eq5dVas?: number | null;
}

@InputType()
export class ConfirmQuestionnaireInput {
  @Field(() => ID) id: string;
  @Field(() => Int) version: number;
  @Field(() => String, { nullable: true, description: 'The visit date (YYYY-MM-DD); default the day the patient answered' }) visitDate?: string | null;
  @Field(() => QuestionnaireCorrectionsInput, { nullable: true, description: 'Answers changed on review (each is audited, before and after)' })
  corrections?: QuestionnaireCorrectionsInput | null;
}

@InputType()
export class RevokeQuestionnaireLinkInput {
  @Field(() => ID) id: string;
  @Field(() => Int) version: number;
  @Field(() => String, { nullable: true, description: 'Why (kept in the audit trail); default "Revoked by the coordinator"' }) reason?: string | null;
}
