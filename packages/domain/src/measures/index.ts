// Measures: instruments as data, scoring, bands, caseness, reliable change and episode outcomes.
export * from './instruments';
export * from './codes';
export * from './fhir-questionnaire';
export * from './scoring';
export * from './outcomes';
