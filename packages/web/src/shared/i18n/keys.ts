import type clientEn from './locales/en/client.json';
import type commonEn from './locales/en/common.json';
import type practitionerEn from './locales/en/practitioner.json';

export type CommonKey = keyof typeof commonEn;
export type ClientKey = CommonKey | keyof typeof clientEn;
export type PractitionerKey = CommonKey | keyof typeof practitionerEn;
