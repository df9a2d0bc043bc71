export * from './questionnaire-invitation.entity';
export * from './questionnaires.module';
export * from './questionnaire-token';
export * from './questionnaire.pages';
