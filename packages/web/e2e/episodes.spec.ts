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
