import type clientEn from './locales/en/client.json';
import type commonEn from './locales/en/common.json';
import type practitionerEn from './locales/en/practitioner.json';
import type practitionerServiceEn from './locales/en/practitioner-service.json';

export type CommonKey = keyof typeof commonEn;
export type ClientKey = CommonKey | keyof typeof clientEn;
/** The practitioner app's strings: its main namespace and the service-settings pages' own file. */
export type PractitionerKey = CommonKey | keyof typeof practitionerEn | keyof typeof practitionerServiceEn;
