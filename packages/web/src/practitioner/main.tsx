import commonEn from '../shared/i18n/locales/en/common.json';
import practitionerBriefEn from '../shared/i18n/locales/en/practitioner-brief.json';
import practitionerDataRightsEn from '../shared/i18n/locales/en/practitioner-data-rights.json';
import practitionerExportsEn from '../shared/i18n/locales/en/practitioner-exports.json';
import practitionerFiguresEn from '../shared/i18n/locales/en/practitioner-figures.json';
import practitionerMessagesEn from '../shared/i18n/locales/en/practitioner-messages.json';
import practitionerNotificationsEn from '../shared/i18n/locales/en/practitioner-notifications.json';
import practitionerServiceEn from '../shared/i18n/locales/en/practitioner-service.json';
import practitionerWorklistEn from '../shared/i18n/locales/en/practitioner-worklist.json';
import practitionerEn from '../shared/i18n/locales/en/practitioner.json';
import { mountApp } from '../shared/mount';
import { PractitionerApp } from './PractitionerApp';

mountApp(
  {
    ...commonEn,
    ...practitionerEn,
    ...practitionerServiceEn,
    ...practitionerWorklistEn,
    ...practitionerBriefEn,
    ...practitionerMessagesEn,
    ...practitionerFiguresEn,
    ...practitionerExportsEn,
    ...practitionerNotificationsEn,
    ...practitionerDataRightsEn,
  },
  PractitionerApp,
);
