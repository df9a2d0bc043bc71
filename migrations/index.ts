import type { MigrationInterface } from 'typeorm';
import { CreateRegistrySchema1795551735437 } from './1795551735437-CreateRegistrySchema';
import { AddIntegrityTriggers1795551800000 } from './1795551800000-AddIntegrityTriggers';
import { AddUserTokensValidAfter1795552914056 } from './1795552914056-AddUserTokensValidAfter';
import { AddSavedCohorts1795554149775 } from './1795554149775-AddSavedCohorts';
import { AddAssessmentTreatmentIndex1795554810090 } from './1795554810090-AddAssessmentTreatmentIndex';
import { AddAnalysisTable1795560000000 } from './1795560000000-AddAnalysisTable';
import { AddScheduleToAnalysis1795570000000 } from './1795570000000-AddScheduleToAnalysis';
import { AddAssessmentRequestId1795580000000 } from './1795580000000-AddAssessmentRequestId';
import { AddHealthProbe1795585000000 } from './1795585000000-AddHealthProbe';
import { AddRequestIds1795590000000 } from './1795590000000-AddRequestIds';
import { AddAccessAuditActions1795600000000 } from './1795600000000-AddAccessAuditActions';
import { AddRestrictedApiRole1795600100000 } from './1795600100000-AddRestrictedApiRole';
import { AddRecordKeys1795600200000 } from './1795600200000-AddRecordKeys';
import { AddDeathAndDataIssues1795605000000 } from './1795605000000-AddDeathAndDataIssues';
import { MoveDeathComplications1795610000000 } from './1795610000000-MoveDeathComplications';
import { ReportVisitsOutsideWindows1795610100000 } from './1795610100000-ReportVisitsOutsideWindows';
import { FollowUpByWindowAndRule1795610200000 } from './1795610200000-FollowUpByWindowAndRule';
import { AddInstrumentItems1795620000000 } from './1795620000000-AddInstrumentItems';
import { ReportCrossFieldContradictions1795620100000 } from './1795620100000-ReportCrossFieldContradictions';
import { AddPatientBaseline1795620200000 } from './1795620200000-AddPatientBaseline';
import { AddProcedureDetailsToAnalysis1795620300000 } from './1795620300000-AddProcedureDetailsToAnalysis';
import { AddBaselineToAnalysis1795620400000 } from './1795620400000-AddBaselineToAnalysis';
import { AddNewFractureDetailsAndImaging1795630000000 } from './1795630000000-AddNewFractureDetailsAndImaging';
import { AddHospitalUseAndRadiographs1795630100000 } from './1795630100000-AddHospitalUseAndRadiographs';
import { AddAdditionalInjuryKinds1795640000000 } from './1795640000000-AddAdditionalInjuryKinds';
import { AddRadiographsToAnalysis1795640100000 } from './1795640100000-AddRadiographsToAnalysis';
import { AddPasswordChangeRequired1795650000000 } from './1795650000000-AddPasswordChangeRequired';
import { AddMissedVisitReason1795660000000 } from './1795660000000-AddMissedVisitReason';
import { AddSharedProcessState1795670000000 } from './1795670000000-AddSharedProcessState';
import { AddMatchIndex1795680000000 } from './1795680000000-AddMatchIndex';
import { AddAnalysisCells1795690000000 } from './1795690000000-AddAnalysisCells';
import { AddQuestionnaireInvitations1795700000000 } from './1795700000000-AddQuestionnaireInvitations';
import { AddOverviewCells1795710000000 } from './1795710000000-AddOverviewCells';
import { OrderCompactedCells1795720000000 } from './1795720000000-OrderCompactedCells';

/** A migration class as TypeORM runs it: constructed without arguments. */
export type MigrationClass = new () => MigrationInterface;

// Every migration, in order. Listed explicitly (not globbed) so the same list works compiled,
// under jest and in the migration CLI. Forward-only: a released migration is never edited.
export const MIGRATIONS: MigrationClass[] = [
  CreateRegistrySchema1795551735437,
  AddIntegrityTriggers1795551800000,
  AddUserTokensValidAfter1795552914056,
  AddSavedCohorts1795554149775,
  AddAssessmentTreatmentIndex1795554810090,
  AddAnalysisTable1795560000000,
  AddScheduleToAnalysis1795570000000,
  AddAssessmentRequestId1795580000000,
  AddHealthProbe1795585000000,
  AddRequestIds1795590000000,
  AddAccessAuditActions1795600000000,
  AddRestrictedApiRole1795600100000,
  AddRecordKeys1795600200000,
  AddDeathAndDataIssues1795605000000,
  MoveDeathComplications1795610000000,
  ReportVisitsOutsideWindows1795610100000,
  FollowUpByWindowAndRule1795610200000,
  AddInstrumentItems1795620000000,
  ReportCrossFieldContradictions1795620100000,
  AddPatientBaseline1795620200000,
  AddProcedureDetailsToAnalysis1795620300000,
  AddBaselineToAnalysis1795620400000,
  AddNewFractureDetailsAndImaging1795630000000,
  AddHospitalUseAndRadiographs1795630100000,
  AddAdditionalInjuryKinds1795640000000,
  AddRadiographsToAnalysis1795640100000,
  AddPasswordChangeRequired1795650000000,
  AddMissedVisitReason1795660000000,
  AddSharedProcessState1795670000000,
  AddMatchIndex1795680000000,
  AddAnalysisCells1795690000000,
  AddQuestionnaireInvitations1795700000000,
  AddOverviewCells1795710000000,
  OrderCompactedCells1795720000000,
];
