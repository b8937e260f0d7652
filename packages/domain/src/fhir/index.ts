export type { FhirReference, FhirResource } from './resource';
export * from './export-input';
export * from './codes';
export * from './resources-people';
export * from './resources-care';
export * from './resources-measures';
export * from './bundle';
export * from './references';
