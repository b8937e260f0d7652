export * from './codes';
export * from './pairs';
export * from './service-system';
export * from './research';
export * from '../api/exports';
