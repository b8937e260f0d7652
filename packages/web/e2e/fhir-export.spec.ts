import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { pseudoOpen } from '../src/shared/i18n/pseudo';
import { bookTreatment, createClient, createStaff, openReferral, signedInApi, signInByApi, uniqueSuffix } from './accounts';
import { expect, test } from './fixtures';
import { untranslatedStrings } from './pseudo';
import { noViolations } from './sessions';

/**
 * "Download FHIR record" on the client's page (issue 12 item 1; decision 0038), on the real server:
 * the practitioner saves the client's record as a FHIR R4 file, by mouse and by keyboard; the page
 * passes axe on desktop and phone, and every string comes through i18n.
 */
async function setUp(baseURL: string) {
  const practitioner = await createStaff(baseURL, ['practitioner'], `Pat ${uniqueSuffix()}`);
  const client = await createClient(baseURL, practitioner, 'Robin');
  const referral = await openReferral(baseURL, practitioner, client);
  await bookTreatment(baseURL, practitioner, referral.episodeId, 48);
  return { practitioner, client, referral };
}

/** Saves the download the action starts and returns the file's JSON. */
async function downloaded(page: Page, action: () => Promise<void>) {
  const [download] = await Promise.all([page.waitForEvent('download'), action()]);
  expect(download.suggestedFilename()).toMatch(/^tandem-fhir-[0-9a-f-]{36}-\d{4}-\d{2}-\d{2}\.json$/);
  return JSON.parse(await readFile((await download.path())!, 'utf8')) as { resourceType: string; type: string; entry: { resource: { resourceType: string; id: string } }[] };
}

test.describe('FHIR export', () => {
  test('the care team downloads the client’s record as a FHIR bundle, by mouse and by keyboard', async ({ page, baseURL }) => {
    test.setTimeout(90_000);
    const s = await setUp(baseURL!);
    await signInByApi(page.request, s.practitioner.email, s.practitioner.password, baseURL);
    await page.goto(`/staff/clients/${s.referral.clientId}`);
    const link = page.getByRole('link', { name: 'Download FHIR record' });
    await expect(page.getByRole('heading', { level: 2, name: 'Share the record with another clinical system' })).toBeVisible();
    await noViolations(page);

    const bundle = await downloaded(page, () => link.click());
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
    const types = bundle.entry.map((e) => e.resource.resourceType);
    expect(bundle.entry.find((e) => e.resource.resourceType === 'Patient')?.resource.id).toBe(s.referral.clientId);
    for (const type of ['Practitioner', 'CareTeam', 'EpisodeOfCare', 'Appointment', 'Consent']) expect(types).toContain(type);

    // Keyboard only: the link takes focus and Enter saves the file.
    await link.focus();
    await expect(link).toBeFocused();
    const again = await downloaded(page, () => page.keyboard.press('Enter'));
    expect(again.entry.length).toBe(bundle.entry.length);
    await noViolations(page);
  });

  test('while the client’s processing is restricted the page says the record cannot be sent, and offers no download', async ({ page, baseURL }) => {
    test.setTimeout(90_000);
    const s = await setUp(baseURL!);
    const admin = await createStaff(baseURL!, ['admin'], `Ada ${uniqueSuffix()}`);
    const api = await signedInApi(baseURL!, admin);
    try {
      const restricted = await api.post(`/api/clients/${s.referral.clientId}/processing-restriction`, { data: { requestedOn: new Date().toISOString().slice(0, 10), reason: 'Asked to be removed' } });
      expect(restricted.status(), await restricted.text()).toBeLessThan(300);
    } finally {
      await api.dispose();
    }
    await signInByApi(page.request, s.practitioner.email, s.practitioner.password, baseURL);
    await page.goto(`/staff/clients/${s.referral.clientId}`);
    const section = page.locator('section[aria-labelledby="client-fhir-heading"]');
    await expect(section).toContainText('cannot be sent to another system while processing is restricted');
    await expect(section.getByRole('link')).toHaveCount(0);
    await noViolations(page);
  });

  test('pseudo-locale: the download’s words come through i18n', async ({ page, baseURL }) => {
    test.setTimeout(90_000);
    const s = await setUp(baseURL!);
    await signInByApi(page.request, s.practitioner.email, s.practitioner.password, baseURL);
    await page.goto(`/staff/clients/${s.referral.clientId}?locale=en-XA`);
    const section = page.locator('section[aria-labelledby="client-fhir-heading"]');
    await expect(section.locator('h2')).toContainText(pseudoOpen);
    await expect(section.getByRole('link')).toContainText(pseudoOpen);
    expect(await untranslatedStrings(page)).toEqual([]);
    await noViolations(page);
  });
});
