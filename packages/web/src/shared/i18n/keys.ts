import type clientEn from './locales/en/client.json';
import type commonEn from './locales/en/common.json';
import type practitionerEn from './locales/en/practitioner.json';
import type practitionerBriefEn from './locales/en/practitioner-brief.json';
import type practitionerDataRightsEn from './locales/en/practitioner-data-rights.json';
import type practitionerExportsEn from './locales/en/practitioner-exports.json';
import type practitionerFiguresEn from './locales/en/practitioner-figures.json';
import type practitionerMessagesEn from './locales/en/practitioner-messages.json';
import type practitionerNotificationsEn from './locales/en/practitioner-notifications.json';
import type practitionerServiceEn from './locales/en/practitioner-service.json';
import type practitionerWorklistEn from './locales/en/practitioner-worklist.json';

export type CommonKey = keyof typeof commonEn;
export type ClientKey = CommonKey | keyof typeof clientEn;
/**
 * The practitioner app's strings: its main namespace and one file for each area with many strings
 * (service settings, the worklist, the pre-session brief, messages, value-and-burden figures,
 * notifications, exports).
 */
export type PractitionerKey =
  | CommonKey
  | keyof typeof practitionerEn
  | keyof typeof practitionerServiceEn
  | keyof typeof practitionerWorklistEn
  | keyof typeof practitionerBriefEn
  | keyof typeof practitionerMessagesEn
  | keyof typeof practitionerFiguresEn
  | keyof typeof practitionerExportsEn
  | keyof typeof practitionerNotificationsEn
  | keyof typeof practitionerDataRightsEn;
