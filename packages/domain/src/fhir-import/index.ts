// FHIR import of measures (decision 0039): reading a QuestionnaireResponse, and OperationOutcome.
export * from './operation-outcome';
export * from './answer-coding';
export * from './questionnaire-response';
