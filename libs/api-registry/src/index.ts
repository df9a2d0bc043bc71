export * from './patient.entity';
export * from './patient-identifier.entity';
export * from './fracture.entity';
export * from './treatment.entity';
export * from './treated-level.entity';
export * from './complication.entity';
