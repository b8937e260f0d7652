import { randomUUID } from 'node:crypto';
import type { APIRequestContext } from '@playwright/test';
import { createClient, createStaff, signedInApi, signInWithForm, uniqueSuffix, type Person } from './accounts';
import { axeViolations, expect, test } from './fixtures';
import { untranslatedStrings } from './pseudo';
import { pseudoOpen } from '../src/shared/i18n/pseudo';

/**
 * The client's online work on the practitioner's client page: programme progress in one glance,
 * the exercises they sent rendered for reading in a session, private ones shown only as existing,
 * and short feedback with saved wording — refused, in words, when the client has sent a newer
 * version since the practitioner opened the page.
 */

const thought = {
  situation: 'A friend did not reply',
  feelings: [{ name: 'Sad', intensity: 80 }, { name: 'Lonely', intensity: 60 }],
  automaticThought: 'Nobody wants to talk to me',
  evidenceFor: '',
  evidenceAgainst: 'She replied last week',
  balancedThought: 'She may be busy',
  feelingsAfter: [{ name: 'sad', intensity: 50 }],
};

/** As the client: submits an entry (shared unless said otherwise), `minutesAgo` before now. */
async function submit(api: APIRequestContext, id: string, exercise: string, data: object, minutesAgo: number, shared = true): Promise<void> {
  const saved = await api.put(`/api/exercise-entries/${id}`, {
    data: { exercise, moduleId: null, stepId: null, contentVersion: '1.0.0', status: 'submitted', shared, data, recordedAt: new Date(Date.now() - minutesAgo * 60_000).toISOString() },
  });
  expect(saved.status(), `saving an entry: ${await saved.text()}`).toBe(200);
}

/** As `practitioner`: saves their own feedback wording. */
async function saveWording(baseURL: string, practitioner: Person, title: string, text: string): Promise<void> {
  const api = await signedInApi(baseURL, practitioner);
  try {
    const saved = await api.post('/api/feedback-templates', { data: { id: randomUUID(), title, text, shared: false } });
    expect(saved.status(), `saving wording: ${await saved.text()}`).toBe(200);
  } finally {
    await api.dispose();
  }
}

test.describe('the client’s online work on the client page', () => {
  test('progress, entries rendered, a private one only as existing, feedback with saved wording, and a newer version refused', async ({ page, visit, baseURL }) => {
    const practitioner = await createStaff(baseURL!, ['practitioner'], `Ren ${uniqueSuffix()}`);
    const client = await createClient(baseURL!, practitioner, 'Tove');
    await saveWording(baseURL!, practitioner, 'Well spotted', 'Well done for noticing that thought and weighing it up.');
    const thoughtId = randomUUID();
    const clientApi = await signedInApi(baseURL!, client);
    try {
      for (const [stepId, minutesAgo] of [['what-depression-is', 90], ['how-low-mood-keeps-going', 60]] as const) {
        const done = await clientApi.put(`/api/me/programme/steps/understanding-depression/${stepId}`, {
          data: { contentVersion: '1.0.0', recordedAt: new Date(Date.now() - minutesAgo * 60_000).toISOString() },
        });
        expect(done.status(), await done.text()).toBe(200);
      }
      const today = new Date().toISOString().slice(0, 10);
      await submit(clientApi, randomUUID(), 'activity-diary', { rows: [{ date: today, time: '09:30', activity: 'Walked to the shop', mood: 5, achievement: 6, enjoyment: 4 }] }, 40);
      await submit(clientApi, randomUUID(), 'goals', { goals: [{ text: 'A secret goal', progress: 3 }] }, 30, false);
      await submit(clientApi, thoughtId, 'thought-record', thought, 20);

      await visit('/staff/');
      await signInWithForm(page, practitioner.email, practitioner.password);
      await page.getByRole('link', { name: client.name }).click();

      const online = page.getByRole('region', { name: 'Online work' });
      await expect(online).toContainText('Understanding depression: 2 of 4 steps done');
      await expect(online).toContainText('How Tandem works with your sessions (about 3 minutes)');
      await expect(online).toContainText('How low mood keeps going, in Understanding depression');

      const exercises = page.getByRole('region', { name: 'Exercises', exact: true });
      await expect(exercises).toContainText('Entries sent: 3. Waiting for feedback on their latest version: 2.');
      const record = exercises.getByRole('region', { name: /^Thought record, sent / });
      await expect(record).toContainText('A friend did not reply');
      await expect(record).toContainText('She may be busy');
      const feelings = record.getByRole('table', { name: /^Feelings/ });
      await expect(feelings.getByRole('row', { name: /Sad/ })).toContainText('80%50%');
      await expect(feelings.getByRole('row', { name: /Lonely/ })).toContainText('60%Not rated');
      await expect(exercises.getByRole('region', { name: /^Activity diary, sent / }).getByRole('table')).toContainText('Walked to the shop');
      const secret = exercises.getByRole('region', { name: /^Goals, sent .*: private$/ });
      await expect(secret).toContainText('The client keeps this entry to themself');
      await expect(exercises).not.toContainText('A secret goal');
      expect(await axeViolations(page)).toEqual([]);

      // Feedback: the problems are listed; saved wording fills the box; new wording needs a name.
      await record.getByText('Give feedback on this entry').click();
      await record.getByRole('button', { name: 'Send feedback' }).click();
      await expect(record.locator('.error-summary')).toBeFocused();
      await expect(record.locator('.error-summary')).toContainText('Enter your feedback');
      expect(await axeViolations(page)).toEqual([]);
      await record.getByLabel('Saved wording').selectOption({ label: 'Well spotted' });
      const box = record.getByLabel('Your feedback');
      await expect(box).toHaveValue('Well done for noticing that thought and weighing it up.');
      await box.fill('Well done for noticing that thought and weighing it up. Bring it to our session.');
      await record.getByLabel('Save this wording for next time').check();
      await record.getByRole('button', { name: 'Send feedback' }).click();
      await expect(record.locator('.error-summary')).toContainText('Enter a name for this wording');
      await expect(record.getByLabel('Name for this wording')).toHaveAttribute('aria-invalid', 'true');
      expect(await axeViolations(page)).toEqual([]);
      await record.getByLabel('Name for this wording').fill('Bring it to the session');
      await record.getByRole('button', { name: 'Send feedback' }).click();
      await expect(record.locator('.focus-notice')).toBeFocused();
      await expect(record).toContainText('Feedback sent. The client will see it in the app.');
      await expect(record).toContainText(`Bring it to our session. ${practitioner.name}, `);
      await expect(exercises).toContainText('Waiting for feedback on their latest version: 1.');
      expect(await axeViolations(page)).toEqual([]);

      // The client sends a newer version while the practitioner writes: refused, said, and shown.
      await record.getByText('Give feedback on this entry').click();
      await record.getByLabel('Saved wording').selectOption({ label: 'Bring it to the session' });
      await submit(clientApi, thoughtId, 'thought-record', { ...thought, balancedThought: 'She is probably busy at work' }, 1);
      await record.getByRole('button', { name: 'Send feedback' }).click();
      await expect(record.locator('.error-summary')).toBeFocused();
      await expect(record.locator('.error-summary')).toContainText('The client has sent a newer version of this entry since you opened it.');
      await expect(record).toContainText('She is probably busy at work');
      await expect(record).toContainText('(about an earlier version)');
      await expect(record.getByLabel('Your feedback')).toHaveValue('Well done for noticing that thought and weighing it up. Bring it to our session.');
      expect(await axeViolations(page)).toEqual([]);
      await record.getByRole('button', { name: 'Send feedback' }).click();
      await expect(record.locator('.focus-notice')).toBeFocused();
      await expect(exercises).toContainText('Waiting for feedback on their latest version: 1.');

      // In the pseudo-locale every word on the page is ours, marked, but for people's own words:
      // the client's entries, the feedback given and the practitioner's names for their wording.
      await visit(`${new URL(page.url()).pathname}?locale=en-XA`);
      await expect(page.locator('#client-exercises-heading')).toContainText(pseudoOpen);
      await expect(page.locator('main .client-text').first()).toBeVisible();
      await expect(page.locator('main [role="status"]')).toHaveCount(0);
      const theirs = new Set([...(await page.locator('main .client-text').allTextContents()), 'Well spotted', 'Bring it to the session'].map((text) => text.trim()));
      expect((await untranslatedStrings(page)).filter((text) => !theirs.has(text))).toEqual([]);

      // The client reads it in their own list.
      const own = (await (await clientApi.get('/api/exercise-entries')).json()).entries as { id: string; feedback: { revision: number }[] }[];
      expect(own.find((e) => e.id === thoughtId)?.feedback).toHaveLength(2);
    } finally {
      await clientApi.dispose();
    }
  });
});
