import clientEn from '../shared/i18n/locales/en/client.json';
import commonEn from '../shared/i18n/locales/en/common.json';
import { mountApp } from '../shared/mount';
import { ClientApp } from './ClientApp';
import { registerServiceWorker } from './device/service-worker';

// Keeps the app on the phone, so it opens with no connection (src/sw/service-worker.ts).
registerServiceWorker();

// Arabic (machine-written, awaiting review) comes as its own chunk, only when chosen.
mountApp({ ...commonEn, ...clientEn }, ClientApp, {
  ar: () =>
    Promise.all([import('../shared/i18n/locales/ar/common.json'), import('../shared/i18n/locales/ar/client.json')]).then(([common, client]) => ({
      ...common.default,
      ...client.default,
    })),
});
