import commonEn from '../shared/i18n/locales/en/common.json';
import practitionerServiceEn from '../shared/i18n/locales/en/practitioner-service.json';
import practitionerEn from '../shared/i18n/locales/en/practitioner.json';
import { mountApp } from '../shared/mount';
import { PractitionerApp } from './PractitionerApp';

mountApp({ ...commonEn, ...practitionerEn, ...practitionerServiceEn }, PractitionerApp);
