import clientEn from '../shared/i18n/locales/en/client.json';
import commonEn from '../shared/i18n/locales/en/common.json';
import { mountApp } from '../shared/mount';
import { ClientApp } from './ClientApp';

mountApp({ ...commonEn, ...clientEn }, ClientApp);
