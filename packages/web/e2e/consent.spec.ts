import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { createClient, createStaff, signedInApi, signInWithForm, uniqueSuffix, type ClientPerson } from './accounts';
import { axeViolations, expect, test, visitPage } from './fixtures';
import { untranslatedStrings } from './pseudo';
import { pseudoOpen } from '../src/shared/i18n/pseudo';

/**
 * Consent at first sign-in: the client agrees to use Tandem alongside their sessions and that they
 * understand how messages work before the app opens; contact channels and research are their
 * choice, none ticked to start with; saying no is met calmly; every choice can be changed later,
 * each change a new version.
 */

/** A new client, without consent yet, signing in for the first time through the form. */
async function firstSignIn(page: Page, baseURL: string, givenName: string): Promise<ClientPerson> {
  const practitioner = await createStaff(baseURL, ['practitioner'], `Pat ${uniqueSuffix()}`);
  const client = await createClient(baseURL, practitioner, givenName, { consent: false });
  await visitPage(page, '/');
  await signInWithForm(page, client.email, client.password);
  await expect(page.getByRole('heading', { level: 1, name: 'Before you start' })).toBeVisible();
  return client;
}

/** The client's consent as the server has it. */
async function consentOf(baseURL: string, client: ClientPerson) {
  const api = await signedInApi(baseURL, client);
  try {
    const me = await (await api.get('/api/me')).json();
    return (await (await api.get(`/api/clients/${me.actor.clientId}/consent`)).json()) as {
      current: { choices: { blendedTreatment: boolean; messagingUnderstood: boolean; channels: Record<string, boolean>; research: boolean }; recordedBy: { type: string } } | null;
      history: unknown[];
    };
  } finally {
    await api.dispose();
  }
}

/** The answer shown beside `label` on "Your choices". */
function fact(page: Page, label: string) {
  return page.locator('.summary-list > div').filter({ has: page.locator('dt', { hasText: label }) }).locator('dd');
}

test.describe('consent', () => {
  test('first sign-in asks for consent before home; problems are listed; nothing is ticked for the client', async ({ page, baseURL }) => {
    const client = await firstSignIn(page, baseURL!, 'Mo');
    await expect(page.getByText('Nobody watches Tandem all the time, day or night.', { exact: false })).toBeVisible();
    await expect(page.getByRole('link', { name: 'I need help now' })).toHaveAttribute('href', '/help');
    await expect(page.locator('main').getByRole('link', { name: 'Get help now' })).toHaveAttribute('href', '/help');
    for (const name of ['Email', 'Text message', 'App notifications on your phone']) {
      await expect(page.getByRole('group', { name: 'Which ways can Tandem contact you?' }).getByRole('checkbox', { name })).not.toBeChecked();
    }
    await expect(page.getByRole('checkbox', { name: /researchers can use my answers/ })).not.toBeChecked();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Save my choices' }).click();
    const summary = page.locator('.error-summary');
    await expect(summary).toBeFocused();
    await expect(summary).toContainText('Choose yes if you want to use Tandem alongside your sessions, or no if you do not');
    expect(await axeViolations(page)).toEqual([]);

    // Keyboard only: the summary's link goes to the question; space chooses; the rest by Tab.
    await summary.getByRole('link').press('Enter');
    await expect(page.getByRole('radio', { name: 'Yes' })).toBeFocused();
    await page.keyboard.press('Space');
    await expect(page.getByRole('radio', { name: 'Yes' })).toBeChecked();
    await page.getByRole('button', { name: 'Save my choices' }).press('Enter');
    await expect(summary).toContainText('Tick the box to show you understand that nobody watches Tandem all the time');
    await expect(page.getByRole('checkbox', { name: 'I understand that nobody watches Tandem all the time' })).toHaveAttribute('aria-invalid', 'true');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('checkbox', { name: 'I understand that nobody watches Tandem all the time' }).check();
    await page.getByRole('checkbox', { name: 'Email' }).check();
    await page.getByRole('button', { name: 'Save my choices' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Hello Mo' })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);

    const consent = await consentOf(baseURL!, client);
    expect(consent.current?.choices).toEqual({ blendedTreatment: true, messagingUnderstood: true, channels: { email: true, sms: false, push: false }, research: false });
    expect(consent.current?.recordedBy.type).toBe('client');

    // Signing in again goes straight home.
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Hello Mo' })).toBeVisible();
  });

  test('a client can change any choice: a new version each time, and stopping email takes effect at once', async ({ page, visit, baseURL }) => {
    const practitioner = await createStaff(baseURL!, ['practitioner'], `Pat ${uniqueSuffix()}`);
    const client = await createClient(baseURL!, practitioner, 'Lee');
    await visit('/');
    await signInWithForm(page, client.email, client.password);
    await page.getByRole('link', { name: 'Your choices' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Your choices' })).toBeVisible();
    await expect(page.getByText('If you untick a way, we stop using it straight away.')).toBeVisible();
    await expect(fact(page, 'Using Tandem alongside your sessions')).toHaveText('Yes');
    await expect(page.getByText(/You made these choices on/)).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('checkbox', { name: 'Text message' }).check();
    await page.getByRole('checkbox', { name: /researchers can use my answers/ }).check();
    await page.getByRole('button', { name: 'Save my choices' }).click();
    await expect(page.getByRole('status')).toHaveText('Your choices are saved.');
    await expect(fact(page, 'Text message')).toHaveText('Yes');
    await expect(fact(page, 'Research use of your answers')).toHaveText('Yes');
    expect(await axeViolations(page)).toEqual([]);
    let consent = await consentOf(baseURL!, client);
    expect(consent.history).toHaveLength(2);
    expect(consent.current?.choices.channels.sms).toBe(true);

    await page.getByRole('checkbox', { name: 'Text message' }).uncheck();
    await page.getByRole('button', { name: 'Save my choices' }).click();
    await expect(fact(page, 'Text message')).toHaveText('No');
    consent = await consentOf(baseURL!, client);
    expect(consent.history).toHaveLength(3);
    expect(consent.current?.choices.channels.sms).toBe(false);
    expect(consent.current?.choices.research).toBe(true);
  });

  test('saying no is met calmly: sessions go on as usual, help stays there, and the client can change their mind', async ({ page, visit, baseURL }) => {
    const client = await firstSignIn(page, baseURL!, 'Ash');
    await page.getByRole('checkbox', { name: 'Email' }).check();
    await page.getByRole('radio', { name: 'No' }).check();
    await page.getByRole('button', { name: 'Save my choices' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'That is fine' })).toBeVisible();
    await expect(page.getByText('Your sessions go on as usual.', { exact: false })).toBeVisible();
    await expect(page.getByText('You can talk to your practitioner about it at your next session.')).toBeVisible();
    await expect(page.locator('main').getByRole('link', { name: 'Get help now' })).toHaveAttribute('href', '/help');
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    // Saying no to Tandem is saying no to being contacted through it.
    const consent = await consentOf(baseURL!, client);
    expect(consent.current?.choices).toMatchObject({ blendedTreatment: false, channels: { email: false, sms: false, push: false }, research: false });

    // The app stays closed on another visit, with help one tap away.
    await visit('/check-in');
    await expect(page.getByRole('heading', { level: 1, name: 'That is fine' })).toBeVisible();
    await page.getByRole('link', { name: 'I need help now' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Get help now' })).toBeVisible();
    await page.goBack();

    await page.getByRole('button', { name: 'I have changed my mind' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Before you start' })).toBeVisible();
    await page.getByRole('radio', { name: 'Yes' }).check();
    await page.getByRole('checkbox', { name: 'I understand that nobody watches Tandem all the time' }).check();
    await page.getByRole('button', { name: 'Save my choices' }).click();
    // On to the page they opened: the check-in.
    await expect(page.getByRole('group', { name: 'How are you feeling?' })).toBeVisible();
  });

  test('without a connection the choices are not lost, and are saved once it is back', async ({ page, baseURL }) => {
    const client = await firstSignIn(page, baseURL!, 'Bo');
    await page.getByRole('radio', { name: 'Yes' }).check();
    await page.getByRole('checkbox', { name: 'I understand that nobody watches Tandem all the time' }).check();
    await page.getByRole('checkbox', { name: 'App notifications on your phone' }).check();
    await page.context().setOffline(true);
    await page.getByRole('button', { name: 'Save my choices' }).click();
    await expect(page.locator('.error-summary')).toContainText('Your choices could not be saved because Tandem cannot be reached. Your answers are still here.');
    await expect(page.getByRole('checkbox', { name: 'App notifications on your phone' })).toBeChecked();
    await expect(page.getByRole('radio', { name: 'Yes' })).toBeChecked();
    expect(await axeViolations(page)).toEqual([]);
    await page.context().setOffline(false);
    await page.getByRole('button', { name: 'Save my choices' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Hello Bo' })).toBeVisible();
    expect((await consentOf(baseURL!, client)).current?.choices.channels.push).toBe(true);
  });

  test('a consent recorded by the practitioner in a session opens the app, and says who recorded it', async ({ page, visit, baseURL }) => {
    const practitioner = await createStaff(baseURL!, ['practitioner'], `Pat ${uniqueSuffix()}`);
    const client = await createClient(baseURL!, practitioner, 'Cy', { consent: false });
    const api = await signedInApi(baseURL!, practitioner);
    try {
      const clients = (await (await api.get('/api/clients')).json()).clients as { id: string; familyName: string }[];
      const clientId = clients.find((c) => c.familyName === client.familyName)!.id;
      const { wordingVersion } = await (await api.get(`/api/clients/${clientId}/consent`)).json();
      const choices = { blendedTreatment: true, messagingUnderstood: true, channels: { email: false, sms: true, push: false }, research: false };
      expect((await api.post(`/api/clients/${clientId}/consent`, { data: { id: randomUUID(), wordingVersion, choices } })).status()).toBe(201);
    } finally {
      await api.dispose();
    }
    await visit('/');
    await signInWithForm(page, client.email, client.password);
    await expect(page.getByRole('heading', { level: 1, name: 'Hello Cy' })).toBeVisible();
    await visit('/choices');
    await expect(page.getByText(/Your practitioner saved these choices with you on/)).toBeVisible();
  });
});

test.describe('pseudo-locale, consent', () => {
  test('every string on the consent page and on "Your choices" comes through i18n', async ({ page, visit, baseURL }) => {
    await firstSignIn(page, baseURL!, 'Di');
    await visit('/?locale=en-XA');
    await expect(page.locator('main h1')).toContainText(pseudoOpen);
    await page.locator('main button[type="submit"]').click();
    await expect(page.locator('.error-summary')).toBeFocused();
    expect(await untranslatedStrings(page)).toEqual([]);
    await page.locator('main input[type="radio"]').first().check();
    await page.locator('main input[type="checkbox"]').first().check();
    await page.locator('main button[type="submit"]').click();
    await expect(page.locator('main h1')).toContainText('Di');
    await visit('/choices?locale=en-XA');
    await expect(page.locator('.summary-list')).toBeVisible();
    expect(await untranslatedStrings(page)).toEqual([]);
  });
});
