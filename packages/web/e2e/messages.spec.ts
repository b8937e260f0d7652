import type { Locator, Page } from '@playwright/test';
import { pseudoOpen } from '../src/shared/i18n/pseudo';
import { bookSession, bootstrapAdmin, createClient, createStaff, endCare, openReferral, signedInApi, signInByApi, uniqueSuffix, type ClientPerson, type Person, type Referral } from './accounts';
import { axeViolations, expect, test } from './fixtures';
import { untranslatedStrings } from './pseudo';

/**
 * Messages between a client and their care team (issue 9 item 3; decision 0027), on the real
 * server: the client writes by keyboard beside the reply time and the not-monitored notice; the
 * practitioner sees the unread count, reads and replies with a saved quick reply; counts change on
 * both sides; a message written offline waits on the phone and is sent once; a closed episode stays
 * readable and refuses writing, kindly. axe and a no-sideways-scroll check run on every page state,
 * on desktop and phone sizes; the pseudo-locale shows every string comes through i18n.
 */

async function noViolations(page: Page): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
}

/** Presses Tab until `target` has focus (at most `max` times), as a keyboard user would. */
async function tabTo(page: Page, target: Locator, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error('could not reach the element with Tab');
}

interface Care {
  practitioner: Person;
  client: ClientPerson;
  referral: Referral;
}

async function inCare(baseURL: string, name: string): Promise<Care> {
  const practitioner = await createStaff(baseURL, ['practitioner'], `Pat ${uniqueSuffix()}`);
  const client = await createClient(baseURL, practitioner, name);
  return { practitioner, client, referral: await openReferral(baseURL, practitioner, client) };
}

const messageBox = (page: Page) => page.getByRole('textbox', { name: 'Write a message' });
const messages = (page: Page) => page.locator('.message-list > li');

/** The texts of the client's conversation, as the server has it. */
async function serverTexts(baseURL: string, client: ClientPerson): Promise<string[]> {
  const api = await signedInApi(baseURL, client);
  try {
    return ((await (await api.get('/api/me/messages')).json()).messages as { text: string }[]).map((m) => m.text);
  } finally {
    await api.dispose();
  }
}

test.describe('messages', () => {
  test.describe.configure({ timeout: 90_000 });

  test('the client writes by keyboard; the practitioner reads and replies with a quick reply; unread counts change', async ({ page, newPage, baseURL }) => {
    const { practitioner, client } = await inCare(baseURL!, 'Mo');
    const phone = await newPage();
    await signInByApi(phone.request, client.email, client.password, baseURL);
    await phone.goto('/');
    const homeLink = phone.getByRole('link', { name: /Messages with your care team/ });
    await expect(homeLink).toHaveText('Messages with your care team');
    await tabTo(phone, homeLink);
    await phone.keyboard.press('Enter');
    await expect(phone.getByRole('heading', { level: 1, name: 'Messages with your care team' })).toBeVisible();
    await expect(phone.getByText('We reply within 2 working days.')).toBeVisible();
    await expect(phone.getByText('Messages are not read around the clock.')).toBeVisible();
    await expect(phone.locator('main .notice').getByRole('link', { name: 'Get help now' })).toBeVisible();
    await noViolations(phone);

    // Nothing written: a clear problem, nothing sent.
    await tabTo(phone, phone.getByRole('button', { name: 'Send' }));
    await phone.keyboard.press('Enter');
    await expect(phone.locator('.error-summary')).toContainText('Write a message to send');
    await noViolations(phone);
    await tabTo(phone, messageBox(phone));
    await phone.keyboard.type('I had a hard week but I did the walk.');
    await phone.keyboard.press('Tab');
    await expect(phone.getByRole('button', { name: 'Send' })).toBeFocused();
    await phone.keyboard.press('Enter');
    await expect(phone.getByRole('status').filter({ hasText: 'Sent. Your care team will read it.' })).toBeVisible();
    await expect(messages(phone)).toHaveText([/You.*I had a hard week but I did the walk\./]);
    await noViolations(phone);

    // The practitioner: one unread in the navigation; a quick reply saved; the conversation read.
    await signInByApi(page.request, practitioner.email, practitioner.password, baseURL);
    await page.goto('/staff/messages');
    const nav = page.getByRole('navigation').getByRole('link', { name: /Messages/ });
    await expect(nav).toContainText('1 unread');
    await page.getByRole('textbox', { name: 'New quick reply' }).fill('Thank you for telling me. Well done for the walk.');
    await page.getByRole('button', { name: 'Save quick reply' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Quick reply saved.' })).toBeVisible();
    await expect(page.locator('.quick-reply')).toHaveCount(1);
    await noViolations(page);
    await page.getByRole('link', { name: new RegExp(`Mo ${client.familyName}`) }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Conversation with Mo ${client.familyName}` })).toBeVisible();
    await expect(messages(page)).toHaveText([/I had a hard week but I did the walk\./]);
    await expect(nav).not.toContainText('unread');
    await page.getByRole('combobox', { name: 'Use a quick reply' }).selectOption({ label: 'Thank you for telling me. Well done for the walk.' });
    await expect(page.getByRole('textbox', { name: 'Reply to the client' })).toHaveValue('Thank you for telling me. Well done for the walk.');
    await page.getByRole('button', { name: 'Send reply' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Reply sent.' })).toBeVisible();
    await expect(messages(page)).toHaveCount(2);
    await noViolations(page);

    // The client: one new on home; opening the conversation reads it.
    await phone.goto('/');
    await expect(homeLink).toContainText('1 new');
    await homeLink.click();
    await expect(messages(phone).nth(1)).toContainText('Thank you for telling me. Well done for the walk.');
    await expect(messages(phone).nth(1)).toContainText(practitioner.name);
    await expect
      .poll(async () => (await (await phone.request.get('/api/me/messages/unread')).json()).unread, { message: 'opening the conversation marks the reply read' })
      .toBe(0);
    await phone.getByRole('link', { name: 'Back to home' }).click();
    await expect(homeLink).toHaveText('Messages with your care team');
  });

  test('a message written offline waits on the phone and is sent once', async ({ page, context, baseURL }) => {
    const { client } = await inCare(baseURL!, 'Ivy');
    await signInByApi(page.request, client.email, client.password, baseURL);
    await page.goto('/messages');
    await expect(messageBox(page)).toBeVisible();
    await context.setOffline(true);
    await messageBox(page).fill('Sent from the bus');
    await page.getByRole('button', { name: 'Send' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved on this phone. It will be sent when you are back online.' })).toBeVisible();
    await expect(messages(page).filter({ hasText: 'Sent from the bus' })).toContainText('Waiting to send');
    await noViolations(page);
    await context.setOffline(false);
    await expect(messages(page).filter({ hasText: 'Sent from the bus' })).not.toContainText('Waiting to send', { timeout: 40_000 });
    await page.reload();
    await expect(messages(page)).toHaveCount(1);
    expect(await serverTexts(baseURL!, client)).toEqual(['Sent from the bus']);
  });

  test('a closed episode stays readable and refuses writing, kindly, on both sides', async ({ page, newPage, baseURL }) => {
    // A referral made days ago (bookSession's), so care can end yesterday.
    const practitioner = await createStaff(baseURL!, ['practitioner'], `Pat ${uniqueSuffix()}`);
    const client = await createClient(baseURL!, practitioner, 'Lee');
    const referral = await bookSession(baseURL!, practitioner, client, { hoursAhead: 100 });
    const api = await signedInApi(baseURL!, client);
    try {
      const sent = await api.post('/api/me/messages', { data: { id: crypto.randomUUID(), text: 'Before the end', recordedAt: new Date().toISOString() } });
      expect(sent.status()).toBe(201);
    } finally {
      await api.dispose();
    }
    await endCare(baseURL!, practitioner, referral);
    await signInByApi(page.request, client.email, client.password, baseURL);
    await page.goto('/messages');
    await expect(page.getByText('Your care has ended, so you cannot send new messages here.')).toBeVisible();
    await expect(messages(page)).toHaveText([/Before the end/]);
    await expect(messageBox(page)).toHaveCount(0);
    await noViolations(page);

    const desk = await newPage();
    await signInByApi(desk.request, practitioner.email, practitioner.password, baseURL);
    await desk.goto(`/staff/clients/${referral.clientId}`);
    await expect(desk.getByText('This episode has ended. You can read the messages')).toBeVisible();
    await expect(desk.getByRole('textbox', { name: 'Reply to the client' })).toHaveCount(0);
    expect(await axeViolations(desk)).toEqual([]);
  });

  test('an admin sets the reply time on the care settings page (1 to 10 working days); the client sees it', async ({ page, newPage, baseURL }) => {
    const { client } = await inCare(baseURL!, 'Kai');
    await signInByApi(page.request, bootstrapAdmin.email, bootstrapAdmin.password, baseURL);
    await page.goto('/staff/service/care-settings');
    const days = page.getByLabel('Reply time for client messages, in working days');
    await days.fill('11');
    await page.getByRole('button', { name: 'Save care settings' }).click();
    await expect(page.getByRole('alert').getByRole('link', { name: 'Enter the reply time as a whole number of working days from 1 to 10' })).toBeVisible();
    await expect(days).toHaveAttribute('aria-invalid', 'true');
    await noViolations(page);
    await days.fill('3');
    await page.getByRole('button', { name: 'Save care settings' }).click();
    await expect(page.getByText('Your changes to the care settings are saved and apply from now.')).toBeVisible();
    try {
      const phone = await newPage();
      await signInByApi(phone.request, client.email, client.password, baseURL);
      await phone.goto('/messages');
      await expect(phone.getByText('We reply within 3 working days.')).toBeVisible();
    } finally {
      // Back to the default, so the suite's other journeys see the usual reply time.
      await page.reload();
      await days.fill('2');
      await page.getByRole('button', { name: 'Save care settings' }).click();
      await expect(page.getByText('Your changes to the care settings are saved and apply from now.')).toBeVisible();
    }
  });

  test('pseudo-locale: every string of both messages pages comes through i18n', async ({ page, newPage, baseURL }) => {
    const { practitioner, client, referral } = await inCare(baseURL!, 'Ana');
    const api = await signedInApi(baseURL!, client);
    try {
      expect((await api.post('/api/me/messages', { data: { id: crypto.randomUUID(), text: 'Hello', recordedAt: new Date().toISOString() } })).status()).toBe(201);
    } finally {
      await api.dispose();
    }
    await signInByApi(page.request, client.email, client.password, baseURL);
    await page.goto('/messages?locale=en-XA');
    await expect(page.locator('main h1')).toContainText(pseudoOpen);
    await expect(messages(page)).toHaveCount(1);
    expect(await untranslatedStrings(page)).toEqual([]);

    const desk = await newPage();
    await signInByApi(desk.request, practitioner.email, practitioner.password, baseURL);
    await desk.goto(`/staff/messages/${referral.clientId}?locale=en-XA`);
    await expect(desk.locator('main h1')).toContainText(pseudoOpen);
    await expect(desk.locator('.message-list > li')).toHaveCount(1);
    expect(await untranslatedStrings(desk)).toEqual([]);
    await desk.goto('/staff/messages?locale=en-XA');
    await expect(desk.locator('main h1')).toContainText(pseudoOpen);
    expect(await untranslatedStrings(desk)).toEqual([]);
    await noViolations(desk);
  });
});
