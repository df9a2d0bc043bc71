// Enumerations of the registry's domain. Values are the wire and database values: they appear in
// GraphQL, in PostgreSQL enum types and in CSV files, so they are never renamed, only added to.

export enum Role {
  ADMIN = 'ADMIN',
  COORDINATOR = 'COORDINATOR',
  RESEARCHER = 'RESEARCHER',
  DEPARTMENT_HEAD = 'DEPARTMENT_HEAD',
}

export enum Sex {
  FEMALE = 'FEMALE',
  MALE = 'MALE',
}

export enum ConsentStatus {
  PENDING = 'PENDING',
  GIVEN = 'GIVEN',
  DECLINED = 'DECLINED',
  WITHDRAWN = 'WITHDRAWN',
}

/** Vertebral levels from T1 to L5, in anatomical order. */
export enum VertebralLevel {
  T1 = 'T1',
  T2 = 'T2',
  T3 = 'T3',
  T4 = 'T4',
  T5 = 'T5',
  T6 = 'T6',
  T7 = 'T7',
  T8 = 'T8',
  T9 = 'T9',
  T10 = 'T10',
  T11 = 'T11',
  T12 = 'T12',
  L1 = 'L1',
  L2 = 'L2',
  L3 = 'L3',
  L4 = 'L4',
  L5 = 'L5',
}

export const VERTEBRAL_LEVELS: readonly VertebralLevel[] = Object.values(VertebralLevel);

export enum LevelRegion {
  THORACIC = 'THORACIC', // T1-T10
  THORACOLUMBAR = 'THORACOLUMBAR', // T11-L2
  LUMBAR = 'LUMBAR', // L3-L5
}

export enum FractureCause {
  OSTEOPOROTIC = 'OSTEOPOROTIC',
  TRAUMATIC = 'TRAUMATIC',
  METASTASIS = 'METASTASIS',
  MYELOMA = 'MYELOMA',
  OTHER = 'OTHER',
}

export enum FractureMorphology {
  WEDGE = 'WEDGE',
  BICONCAVE = 'BICONCAVE',
  CRUSH = 'CRUSH',
}

/** DGOU classification of osteoporotic fractures (OF1-OF5). */
export enum OfClass {
  OF1 = 'OF1',
  OF2 = 'OF2',
  OF3 = 'OF3',
  OF4 = 'OF4',
  OF5 = 'OF5',
}

export enum FractureAgeCategory {
  ACUTE = 'ACUTE', // < 6 weeks
  SUBACUTE = 'SUBACUTE', // 6-12 weeks
  CHRONIC = 'CHRONIC', // > 12 weeks
}

export enum TreatmentKind {
  CONSERVATIVE = 'CONSERVATIVE',
  VERTEBROPLASTY = 'VERTEBROPLASTY',
  KYPHOPLASTY = 'KYPHOPLASTY',
}

export enum AnalgesicLevel {
  NONE = 'NONE',
  NON_OPIOID = 'NON_OPIOID',
  WEAK_OPIOID = 'WEAK_OPIOID',
  STRONG_OPIOID = 'STRONG_OPIOID',
}

export enum Anaesthesia {
  LOCAL = 'LOCAL',
  SEDATION = 'SEDATION',
  GENERAL = 'GENERAL',
}

export enum ProcedureApproach {
  UNIPEDICULAR = 'UNIPEDICULAR',
  BIPEDICULAR = 'BIPEDICULAR',
}

export enum ImagingGuidance {
  FLUOROSCOPY = 'FLUOROSCOPY',
  CT = 'CT',
}

export enum CementType {
  PMMA = 'PMMA',
  PMMA_HIGH_VISCOSITY = 'PMMA_HIGH_VISCOSITY',
  CALCIUM_PHOSPHATE = 'CALCIUM_PHOSPHATE',
  OTHER = 'OTHER',
}

export enum TimePoint {
  BASELINE = 'BASELINE',
  D1 = 'D1',
  W1 = 'W1',
  M1 = 'M1',
  M3 = 'M3',
  M6 = 'M6',
  M12 = 'M12',
  M24 = 'M24',
  UNSCHEDULED = 'UNSCHEDULED',
}

export enum AssessmentStatus {
  DONE = 'DONE',
  MISSED = 'MISSED',
  WITHDRAWN = 'WITHDRAWN',
}

export enum ComplicationKind {
  CEMENT_LEAKAGE = 'CEMENT_LEAKAGE',
  PULMONARY_CEMENT_EMBOLISM = 'PULMONARY_CEMENT_EMBOLISM',
  ADJACENT_LEVEL_FRACTURE = 'ADJACENT_LEVEL_FRACTURE',
  REMOTE_FRACTURE = 'REMOTE_FRACTURE',
  FURTHER_HEIGHT_LOSS = 'FURTHER_HEIGHT_LOSS',
  INFECTION = 'INFECTION',
  NEUROLOGICAL_DEFICIT = 'NEUROLOGICAL_DEFICIT',
  HAEMATOMA = 'HAEMATOMA',
  ANAESTHESIA_RELATED = 'ANAESTHESIA_RELATED',
  DEATH = 'DEATH',
  OTHER = 'OTHER',
}

/** The recorded cause of a patient's death (docs/methods.md, Death and overall survival). */
export enum DeathCause {
  /** Related to the index or a later fracture treatment (a Clavien-Dindo grade V outcome). */
  PROCEDURE_RELATED = 'PROCEDURE_RELATED',
  CARDIOVASCULAR = 'CARDIOVASCULAR',
  RESPIRATORY = 'RESPIRATORY',
  CANCER = 'CANCER',
  INFECTION = 'INFECTION',
  OTHER = 'OTHER',
  UNKNOWN = 'UNKNOWN',
}

/** Where the registry learnt of a death. */
export enum DeathSource {
  HOSPITAL_RECORD = 'HOSPITAL_RECORD',
  DEATH_REGISTRY = 'DEATH_REGISTRY',
  GENERAL_PRACTITIONER = 'GENERAL_PRACTITIONER',
  FAMILY = 'FAMILY',
  OTHER = 'OTHER',
}

/** Cement leakage types after Yeom et al.: basivertebral (B), segmental vein (S), cortical defect (C), disc (D). */
export enum CementLeakageType {
  B = 'B',
  S = 'S',
  C = 'C',
  D = 'D',
}

export enum ClavienDindoGrade {
  I = 'I',
  II = 'II',
  IIIA = 'IIIA',
  IIIB = 'IIIB',
  IVA = 'IVA',
  IVB = 'IVB',
  V = 'V',
}

export enum AuditAction {
  CREATE = 'CREATE',
  UPDATE = 'UPDATE',
  WITHDRAW = 'WITHDRAW',
  IMPORT = 'IMPORT',
  EXPORT = 'EXPORT',
  /** A successful sign-in. */
  LOGIN = 'LOGIN',
  /** A sign-in refused for a wrong email or password. */
  LOGIN_FAILED = 'LOGIN_FAILED',
  /** A sign-in refused without checking the password: too many failures. */
  LOCKOUT = 'LOCKOUT',
  LOGOUT = 'LOGOUT',
  /** A user changed their own password. */
  PASSWORD_CHANGE = 'PASSWORD_CHANGE',
  /** An admin set another password for a user. */
  PASSWORD_RESET = 'PASSWORD_RESET',
  /** A read that returned patient identifiers (MRN, names, date of birth). */
  READ = 'READ',
}

// Patient baseline (libs/domain/src/fields/patient.fields.ts says where each comes from) ---------

/**
 * Walking before the fracture, by the aid used: Koval's ambulatory categories (Koval et al., Clin
 * Orthop Relat Res 1995;310:150-159) grouped by walking aid, without their community/household
 * split, and with their non-functional ambulator split into wheelchair and bedbound.
 */
export enum PreFractureMobility {
  INDEPENDENT = 'INDEPENDENT',
  WALKING_STICK = 'WALKING_STICK',
  WALKER = 'WALKER',
  WHEELCHAIR = 'WHEELCHAIR',
  BEDBOUND = 'BEDBOUND',
}

export enum LivingSituation {
  OWN_HOME_ALONE = 'OWN_HOME_ALONE',
  OWN_HOME_WITH_OTHERS = 'OWN_HOME_WITH_OTHERS',
  ASSISTED_LIVING = 'ASSISTED_LIVING',
  NURSING_HOME = 'NURSING_HOME',
}

/** The anti-osteoporotic drug class given after the fracture. */
export enum AntiOsteoporoticDrug {
  NONE = 'NONE',
  BISPHOSPHONATE_ORAL = 'BISPHOSPHONATE_ORAL',
  BISPHOSPHONATE_IV = 'BISPHOSPHONATE_IV',
  DENOSUMAB = 'DENOSUMAB',
  TERIPARATIDE = 'TERIPARATIDE',
  ROMOSOZUMAB = 'ROMOSOZUMAB',
  OTHER = 'OTHER',
}

/**
 * How a questionnaire's score came to be stored: ITEMS, computed by the registry from the answers
 * it stores (ODI sections, RMDQ statements, EQ-5D-5L levels); TOTAL, entered as a number without
 * them (visits recorded before the items were stored, or a site that has only the score).
 */
export enum ScoreSource {
  ITEMS = 'ITEMS',
  TOTAL = 'TOTAL',
}

/** The EQ-5D-5L value sets the registry can value health states with (see instruments.ts). */
export enum Eq5dValueSet {
  ENGLAND = 'ENGLAND',
  GERMANY = 'GERMANY',
  US = 'US',
}

/**
 * How a new vertebral fracture after the index treatment came to be found (docs/methods.md, New
 * fractures and imaging): CLINICAL, symptoms led to the imaging that showed it; SCHEDULED_IMAGING,
 * imaging the protocol scheduled showed it; INCIDENTAL, imaging done for another reason showed it.
 */
export enum FractureDetection {
  CLINICAL = 'CLINICAL',
  SCHEDULED_IMAGING = 'SCHEDULED_IMAGING',
  INCIDENTAL = 'INCIDENTAL',
}

/** The complication kinds that are a new vertebral fracture: they, and only they, carry a level and a detection. */
export const NEW_FRACTURE_KINDS: readonly ComplicationKind[] = [ComplicationKind.ADJACENT_LEVEL_FRACTURE, ComplicationKind.REMOTE_FRACTURE];

/**
 * Where a patient went on leaving hospital after a treatment (docs/methods.md, "Hospital use and
 * radiographic follow-up"): home without new help, home with new or increased care (nursing
 * service, family care arranged), inpatient rehabilitation, a nursing home (new or returning),
 * transfer to another hospital, or death during the stay.
 */
export enum DischargeDestination {
  HOME = 'HOME',
  HOME_WITH_CARE = 'HOME_WITH_CARE',
  REHABILITATION = 'REHABILITATION',
  NURSING_HOME = 'NURSING_HOME',
  OTHER_HOSPITAL = 'OTHER_HOSPITAL',
  DIED_IN_HOSPITAL = 'DIED_IN_HOSPITAL',
}

/**
 * Injuries besides the vertebral fractures, at the fracture's event (a fracture's additional
 * injuries, by kind): the categories researchers may be given, where the free text is withheld.
 * OTHER_SPINE is a spinal fracture not adjacent to the registered ones; THORAX_ORGAN and
 * ABDOMEN_ORGAN are injuries of the organs (lung, heart; liver, spleen, kidney, bowel).
 */
export enum AdditionalInjury {
  RIB = 'RIB',
  STERNUM = 'STERNUM',
  OTHER_SPINE = 'OTHER_SPINE',
  PELVIS = 'PELVIS',
  HIP = 'HIP',
  UPPER_LIMB = 'UPPER_LIMB',
  LOWER_LIMB = 'LOWER_LIMB',
  HEAD = 'HEAD',
  THORAX_ORGAN = 'THORAX_ORGAN',
  ABDOMEN_ORGAN = 'ABDOMEN_ORGAN',
  OTHER = 'OTHER',
}

/**
 * Why a scheduled visit did not take place, chosen when visits are marked missed from the
 * worklist (kept with the audit event of each visit it marks).
 */
export enum MissedVisitReason {
  NOT_REACHED = 'NOT_REACHED',
  DECLINED = 'DECLINED',
  TOO_ILL = 'TOO_ILL',
  IN_CARE_ELSEWHERE = 'IN_CARE_ELSEWHERE',
  MOVED_AWAY = 'MOVED_AWAY',
  OTHER = 'OTHER',
}
