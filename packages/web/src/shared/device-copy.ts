/**
 * Names the pages share with the client app's service worker. The worker is built on its own and
 * imports nothing from the pages (a shared chunk would break it), so these are written twice; the
 * test in src/sw/routing.test.ts keeps both the same.
 */

/** The header on a copy the phone kept, answering instead of the network: when it was saved. */
export const savedAtHeader = 'x-tandem-saved-at';

/** The cache holding copies of the signed-in person's reads. */
export const dataCacheName = 'tandem-data';

/** The message that tells the worker to forget the copies, and any read still on its way. */
export const forgetMessage = 'forget-data';
