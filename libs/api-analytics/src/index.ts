export * from './cohort.sql';
