export * from './cohort.sql';
export * from './saved-cohort.entity';
export * from './suppression';
export * from './cohorts.service';
export * from './analytics.module';
export * from './outcome-measures';
export * from './outcomes.service';
export * from './similar-patients.sql';
