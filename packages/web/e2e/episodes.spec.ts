import { randomUUID } from 'node:crypto';
import { apiSession, createClient, createStaff, signInByApi, signInWithForm, uniqueSuffix } from './accounts';
import { axeViolations, expect, test } from './fixtures';

test.describe('referrals and appointments on the client page', () => {
  test('the practitioner sees the referral, its step and status, and its appointments', async ({ page, visit, baseURL }) => {
    const practitioner = await createStaff(baseURL!, ['practitioner'], `Rae ${uniqueSuffix()}`);
    const client = await createClient(baseURL!, practitioner, 'Noor');
    const api = await apiSession(baseURL!);
    let clientId = '';
    try {
      await signInByApi(api, practitioner.email, practitioner.password);
      const me = await (await api.get('/api/me')).json();
      clientId = ((await (await api.get('/api/clients')).json()).clients as { id: string; familyName: string }[]).find((c) => c.familyName === client.familyName)!.id;
      const episodeId = randomUUID();
      const opened = await api.post(`/api/clients/${clientId}/episodes`, {
        data: { id: episodeId, referralDate: '2025-10-01', referralSource: 'gp', problemDescriptor: 'Depression', step: 'low_intensity', assignedPractitionerId: me.actor.staffId },
      });
      expect(opened.status(), await opened.text()).toBe(201);
      expect((await api.post(`/api/episodes/${episodeId}/status`, { data: { status: 'active', version: 1 } })).status()).toBe(200);
      const booked = await api.post(`/api/episodes/${episodeId}/appointments`, {
        data: { id: randomUUID(), startsAt: '2025-10-08T09:30:00Z', durationMinutes: 45, purpose: 'assessment', contactMethod: 'phone', recordingPast: true },
      });
      expect(booked.status(), await booked.text()).toBe(201);
    } finally {
      await api.dispose();
    }
    await visit('/staff/');
    await signInWithForm(page, practitioner.email, practitioner.password);
    await page.getByRole('link', { name: client.name }).click();
    const referral = page.getByRole('region', { name: 'Referral of 1 Oct 2025' });
    await expect(referral).toContainText('In treatment');
    await expect(referral).toContainText('Low intensity (step 2)');
    await expect(referral).toContainText(practitioner.name);
    const appointments = referral.getByRole('table', { name: 'Appointments in this referral' });
    await expect(appointments).toContainText('8 Oct 2025, 10:30');
    await expect(appointments).toContainText('Assessment');
    await expect(appointments).toContainText('Phone');
    await expect(appointments).toContainText('Booked');
    expect(await axeViolations(page)).toEqual([]);
  });
});

test.describe('consent and mood prompts on the client page', () => {
  test('the practitioner records the client’s choices from a session and changes the mood prompts', async ({ page, visit, baseURL }) => {
    const practitioner = await createStaff(baseURL!, ['practitioner'], `Kit ${uniqueSuffix()}`);
    const client = await createClient(baseURL!, practitioner, 'Ola');
    await visit('/staff/');
    await signInWithForm(page, practitioner.email, practitioner.password);
    await page.getByRole('link', { name: client.name }).click();

    // Consent: the client's own record (made when they signed up), then one recorded in a session.
    const consent = page.getByRole('region', { name: 'Consent' });
    await expect(consent).toContainText('by the client');
    await consent.getByText('Record the client’s choices, given in a session', { exact: true }).click();
    await consent.getByLabel('Contact by email').check();
    await consent.getByRole('button', { name: 'Save the client’s choices' }).click();
    await expect(consent.locator('.focus-notice')).toBeFocused();
    await expect(consent).toContainText(`by ${practitioner.name}`);
    await consent.getByText(/^Earlier consent records/).click();
    await expect(consent.getByRole('listitem')).toHaveCount(2);
    expect(await axeViolations(page)).toEqual([]);

    // Mood prompts: the usual schedule, then a change refused (seven a day) and one saved.
    const mood = page.getByRole('region', { name: 'Mood prompts' });
    await expect(mood).toContainText('09:00, 14:00, 19:30');
    await mood.getByText('Change the mood prompts', { exact: true }).click();
    await mood.getByLabel('First week', { exact: true }).fill('08:00, 09:00, 10:00, 11:00, 12:00, 13:00, 14:00');
    await mood.getByRole('button', { name: 'Save the mood prompts' }).click();
    await expect(mood.locator('.field-error')).toContainText('at most 6');
    expect(await axeViolations(page)).toEqual([]);
    await mood.getByLabel('First week', { exact: true }).fill('08:30, 20:00');
    await mood.getByLabel('Quiet hours from').fill('22:00');
    await mood.getByLabel('Quiet hours until').fill('07:30');
    await mood.getByRole('button', { name: 'Save the mood prompts' }).click();
    await expect(mood.locator('.focus-notice')).toBeFocused();
    await expect(mood).toContainText('08:30, 20:00');
    await expect(mood).toContainText('22:00 to 07:30');
    expect(await axeViolations(page)).toEqual([]);
  });
});
