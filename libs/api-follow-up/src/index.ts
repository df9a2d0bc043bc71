export * from './assessment.entity';
