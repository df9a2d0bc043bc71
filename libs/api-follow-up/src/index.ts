export * from './assessment.entity';
export * from './assessments.service';
export * from './follow-up.module';
export * from './worklist.service';
