import { registerEnumType } from '@nestjs/graphql';
import {
  AnalgesicLevel, Anaesthesia, AssessmentStatus, AuditAction, CementLeakageType, CementType, ClavienDindoGrade,
  ComplicationKind, ConsentStatus, DeathCause, DeathSource, FractureCause, FractureMorphology, ImagingGuidance, OfClass, ProcedureApproach,
  Role, Sex, TimePoint, TreatmentKind, VertebralLevel,
  Eq5dValueSet, ScoreSource,
  FractureDetection,
  DischargeDestination,
} from '@vfr/domain';

// The domain's enums, exposed to GraphQL under the same names and values.
const enums = {
  AnalgesicLevel, Anaesthesia, AssessmentStatus, AuditAction, CementLeakageType, CementType, ClavienDindoGrade,
  ComplicationKind, ConsentStatus, DeathCause, DeathSource, FractureCause, FractureMorphology, ImagingGuidance, OfClass, ProcedureApproach,
  Role, Sex, TimePoint, TreatmentKind, VertebralLevel,
  Eq5dValueSet, ScoreSource,
  FractureDetection,
  DischargeDestination,
};
for (const [name, e] of Object.entries(enums)) registerEnumType(e, { name });

export {
  AnalgesicLevel, Anaesthesia, AssessmentStatus, AuditAction, CementLeakageType, CementType, ClavienDindoGrade,
  ComplicationKind, ConsentStatus, DeathCause, DeathSource, FractureCause, FractureMorphology, ImagingGuidance, OfClass, ProcedureApproach,
  Role, Sex, TimePoint, TreatmentKind, VertebralLevel,
  Eq5dValueSet, ScoreSource,
  FractureDetection,
  DischargeDestination,
};
