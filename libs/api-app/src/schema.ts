import { Schema } from '@vfr/api-database';
import { SavedCohortEntity } from '@vfr/api-analytics';
import { AuditEventEntity } from '@vfr/api-audit';
import { SiteEntity, UserEntity } from '@vfr/api-auth';
import {
  ComplicationEntity,
  DeathEntity,
  FractureEntity,
  PatientEntity,
  PatientIdentifierEntity,
  TreatedLevelEntity,
  TreatmentEntity,
} from '@vfr/api-registry';
import { AssessmentEntity } from '@vfr/api-follow-up';
import { QuestionnaireInvitationEntity } from '@vfr/api-questionnaires';
import { MIGRATIONS } from '@vfr/migrations';

/** The registry's tables and their migrations: the one schema definition used everywhere. */
export const REGISTRY_SCHEMA: Schema = {
  entities: [
    SiteEntity,
    UserEntity,
    AuditEventEntity,
    PatientEntity,
    PatientIdentifierEntity,
    FractureEntity,
    TreatmentEntity,
    TreatedLevelEntity,
    ComplicationEntity,
    DeathEntity,
    AssessmentEntity,
    SavedCohortEntity,
    QuestionnaireInvitationEntity,
  ],
  migrations: MIGRATIONS,
};
