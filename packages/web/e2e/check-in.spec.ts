import { devices, type Locator, type Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { apiSession, createClient, createStaff, signInByApi, signInWithForm, typeAppCodeByKeyboard, uniqueSuffix } from './accounts';
import { axeViolations, expect, test, visitPage } from './fixtures';

/** Presses Tab until `target` has focus (at most `max` times), as a keyboard user would. */
async function tabTo(page: Page, target: Locator, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error('could not reach the element with Tab');
}

test.describe('mood check-in', () => {
  test('a client checks in with three taps and sees it; their practitioner sees it on the caseload', async ({ page, visit, newPage, baseURL }) => {
    const practitioner = await createStaff(baseURL!, ['practitioner'], `Kim ${uniqueSuffix()}`);
    const client = await createClient(baseURL!, practitioner, 'Alex');
    await visit('/');
    await signInWithForm(page, client.email, client.password);
    await expect(page.getByRole('heading', { level: 1, name: 'Hello Alex' })).toBeVisible();
    await expect(page.getByText('You have not checked in yet.')).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);

    let taps = 0;
    const tap = async (target: Locator) => {
      taps++;
      await target.click();
    };
    await tap(page.getByRole('link', { name: 'Check in: how are you feeling?' }));
    await expect(page.getByRole('group', { name: 'How are you feeling?' })).toBeVisible();
    await expect(page.getByText('Nobody reads notes straight away, and Tandem is not watched all the time.')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Get help now' })).toHaveAttribute('href', '/help');
    expect(await axeViolations(page)).toEqual([]);
    await tap(page.getByText('7', { exact: true }));
    await page.getByLabel('Anything you want to add? (optional)').fill('Went for a walk with my sister');
    await tap(page.getByRole('button', { name: 'Save my check-in' }));
    expect(taps).toBeLessThanOrEqual(3);

    await expect(page.getByRole('status').filter({ hasText: 'Thank you' })).toHaveText('Thank you. Your check-in is saved.');
    const list = page.locator('.check-in-list');
    await expect(list).toContainText('7 out of 10');
    await expect(list).toContainText('Went for a walk with my sister');
    expect(await axeViolations(page)).toEqual([]);

    const desk = await newPage({ ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 } });
    await visitPage(desk, '/staff/');
    await signInWithForm(desk, practitioner.email, practitioner.password);
    const row = desk.getByRole('row').filter({ hasText: client.familyName });
    await expect(row).not.toContainText('None yet');
    await expect(row.getByRole('img')).toHaveAccessibleName(/check-ins on 1 days, lowest 7, highest 7, latest 7 on/);
    expect(await axeViolations(desk)).toEqual([]);
    await row.getByRole('link', { name: client.name }).click();
    await expect(desk.getByRole('region', { name: 'Client details' })).toContainText(client.familyName);
    const checkIns = desk.getByRole('table', { name: 'Mood check-ins, newest first' });
    await expect(checkIns).toContainText('7 out of 10');
    await expect(checkIns).toContainText('Went for a walk with my sister');
    expect(await axeViolations(desk)).toEqual([]);
  });

  test('says which number is missing, and saves nothing', async ({ page, visit, baseURL }) => {
    const practitioner = await createStaff(baseURL!, ['practitioner'], `Lee ${uniqueSuffix()}`);
    const client = await createClient(baseURL!, practitioner);
    await visit('/');
    await signInWithForm(page, client.email, client.password);
    await page.getByRole('link', { name: 'Check in: how are you feeling?' }).click();
    await page.getByRole('button', { name: 'Save my check-in' }).click();
    await expect(page.locator('.error-summary')).toBeFocused();
    await expect(page.locator('.error-summary')).toContainText('Choose a number from 1 to 10');
    expect(await axeViolations(page)).toEqual([]);
    const res = await page.request.get('/api/check-ins');
    expect((await res.json()).checkIns).toEqual([]);
  });

  test('a check-in made after the session ended is kept on the phone and sent once after sign-in', async ({ page, visit, baseURL }) => {
    const practitioner = await createStaff(baseURL!, ['practitioner'], `Ali ${uniqueSuffix()}`);
    const client = await createClient(baseURL!, practitioner, 'Sam');
    await visit('/');
    await signInWithForm(page, client.email, client.password);
    await page.getByRole('link', { name: 'Check in: how are you feeling?' }).click();
    await expect(page.getByRole('group', { name: 'How are you feeling?' })).toBeVisible();

    // The session ends on the server while the page is open (as after the idle timeout).
    const ended = await page.request.post('/api/auth/sign-out', { data: {}, headers: { origin: new URL(baseURL!).origin } });
    expect(ended.status()).toBe(204);

    await page.getByText('3', { exact: true }).click();
    await page.getByLabel('Anything you want to add? (optional)').fill('Bad night');
    await page.getByRole('button', { name: 'Save my check-in' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Your check-in is safe on this phone' })).toBeVisible();
    await expect(page.getByRole('status')).toContainText('Sign in again and it will be sent.');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Sign in again' }).click();
    await signInWithForm(page, client.email, client.password);
    await expect(page.getByRole('heading', { level: 1, name: 'Hello Sam' })).toBeVisible();
    await expect(page.locator('.check-in-list')).toContainText('Bad night');
    await expect(page.locator('.check-in-list')).not.toContainText('Kept on this phone');
    const stored = (await (await page.request.get('/api/check-ins')).json()).checkIns as { mood: number; note: string }[];
    expect(stored).toEqual([expect.objectContaining({ mood: 3, note: 'Bad night' })]);
    // A reload sends nothing again.
    await page.reload();
    await expect(page.locator('.check-in-list')).toContainText('Bad night');
    expect(((await (await page.request.get('/api/check-ins')).json()).checkIns as unknown[]).length).toBe(1);
  });

  test('keyboard only: the client checks in and the practitioner finds it on the caseload', async ({ page, visit, newPage, baseURL }) => {
    const practitioner = await createStaff(baseURL!, ['practitioner'], `Jo ${uniqueSuffix()}`);
    const client = await createClient(baseURL!, practitioner, 'Robin');
    await visit('/');
    await tabTo(page, page.getByLabel('Email address'));
    await page.keyboard.type(client.email);
    await tabTo(page, page.getByLabel('Password', { exact: true }));
    await page.keyboard.type(client.password);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Hello Robin' })).toBeVisible();

    await tabTo(page, page.getByRole('link', { name: 'Check in: how are you feeling?' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('group', { name: 'How are you feeling?' })).toBeVisible();
    await tabTo(page, page.getByRole('radio', { name: '1 Very low' }));
    await page.keyboard.press('Space');
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('radio', { name: '6' })).toBeChecked();
    await tabTo(page, page.getByLabel('Anything you want to add? (optional)'));
    await page.keyboard.type('Cooked a meal');
    await tabTo(page, page.getByRole('button', { name: 'Save my check-in' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'Thank you' })).toHaveText('Thank you. Your check-in is saved.');
    await expect(page.locator('.check-in-list')).toContainText('6 out of 10');

    const desk = await newPage({ ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 } });
    await visitPage(desk, '/staff/');
    await tabTo(desk, desk.getByLabel('Email address'));
    await desk.keyboard.type(practitioner.email);
    await tabTo(desk, desk.getByLabel('Password', { exact: true }));
    await desk.keyboard.type(practitioner.password);
    await desk.keyboard.press('Enter');
    await typeAppCodeByKeyboard(desk, practitioner.email);
    const link = desk.getByRole('link', { name: client.name });
    await expect(link).toBeVisible();
    await tabTo(desk, link);
    await desk.keyboard.press('Enter');
    await expect(desk.getByRole('table', { name: 'Mood check-ins, newest first' })).toContainText('Cooked a meal');
  });

  test('after discharge the client is told their care has ended, keeps help and their past, and cannot check in', async ({ page, visit, baseURL }) => {
    const practitioner = await createStaff(baseURL!, ['practitioner'], `Ana ${uniqueSuffix()}`);
    const client = await createClient(baseURL!, practitioner, 'Kai');
    const api = await apiSession(baseURL!);
    try {
      await signInByApi(api, practitioner.email, practitioner.password);
      const clients = (await (await api.get('/api/clients')).json()).clients as { id: string; familyName: string }[];
      const clientId = clients.find((c) => c.familyName === client.familyName)!.id;
      const episodeId = randomUUID();
      const opened = await api.post(`/api/clients/${clientId}/episodes`, {
        data: { id: episodeId, referralDate: '2025-11-05', referralSource: 'self', problemDescriptor: 'Depression', step: 'low_intensity', assignedPractitionerId: (await (await api.get('/api/me')).json()).actor.staffId },
      });
      expect(opened.status()).toBe(201);
      // Yesterday (UTC): never in the future in the service's time zone.
      const yesterday = new Date(Date.now() - 24 * 3600_000).toISOString().slice(0, 10);
      const ended = await api.post(`/api/episodes/${episodeId}/discharge`, { data: { endingReason: 'completed', endedOn: yesterday, version: 1, relapsePlanOffered: true } });
      expect(ended.status(), await ended.text()).toBe(200);
    } finally {
      await api.dispose();
    }
    await visit('/');
    await signInWithForm(page, client.email, client.password);
    await expect(page.getByRole('heading', { level: 2, name: 'Your care has ended' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Check in: how are you feeling?' })).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Get help now' }).first()).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    await visitPage(page, '/check-in');
    await expect(page.getByRole('heading', { level: 1, name: 'Hello Kai' })).toBeVisible();
  });

  test('help is one tap away and works signed out', async ({ page, visit }) => {
    await visit('/help');
    await expect(page.getByRole('heading', { level: 1, name: 'Get help now' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Call 999' })).toHaveAttribute('href', 'tel:999');
    await expect(page.getByRole('link', { name: 'Call Samaritans' })).toHaveAttribute('href', 'tel:116123');
    await expect(page.getByRole('link', { name: 'Text Shout' })).toHaveAttribute('href', /^sms:85258/);
  });
});
