import type { Locator, Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { pseudoOpen } from '../src/shared/i18n/pseudo';
import { apiSession, createClient, createStaff, signInByApi, signInWithForm, uniqueSuffix, type ClientPerson, type Person } from './accounts';
import { axeViolations, expect, test } from './fixtures';
import { untranslatedStrings } from './pseudo';

/** Presses Tab until `target` has focus (at most `max` times), as a keyboard user would. */
async function tabTo(page: Page, target: Locator, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error('could not reach the element with Tab');
}

async function newClient(baseURL: string, name: string): Promise<ClientPerson & { practitioner: Person }> {
  const practitioner = await createStaff(baseURL, ['practitioner'], `Pat ${uniqueSuffix()}`);
  return { ...(await createClient(baseURL, practitioner, name)), practitioner };
}

/** The practitioner opens an episode for the client and discharges them (ended yesterday). */
async function endCare(baseURL: string, client: ClientPerson & { practitioner: Person }): Promise<void> {
  const api = await apiSession(baseURL);
  try {
    await signInByApi(api, client.practitioner.email, client.practitioner.password);
    const clients = (await (await api.get('/api/clients')).json()).clients as { id: string; familyName: string }[];
    const clientId = clients.find((c) => c.familyName === client.familyName)!.id;
    const episodeId = randomUUID();
    const staffId = (await (await api.get('/api/me')).json()).actor.staffId;
    const data = { id: episodeId, referralDate: '2025-11-05', referralSource: 'self', problemDescriptor: 'Depression', step: 'low_intensity', assignedPractitionerId: staffId };
    expect((await api.post(`/api/clients/${clientId}/episodes`, { data })).status()).toBe(201);
    const yesterday = new Date(Date.now() - 24 * 3600_000).toISOString().slice(0, 10);
    const ended = await api.post(`/api/episodes/${episodeId}/discharge`, { data: { endingReason: 'completed', endedOn: yesterday, version: 1, relapsePlanOffered: true } });
    expect(ended.status(), await ended.text()).toBe(200);
  } finally {
    await api.dispose();
  }
}

interface Entry {
  id: string;
  revision: number;
  exercise: string;
  status: string;
  shared: boolean;
  data: { goals?: { text?: string; progress?: number }[] };
}

async function entries(page: Page): Promise<Entry[]> {
  return (await (await page.request.get('/api/exercise-entries')).json()).entries as Entry[];
}

const goalsStep = '/programme/understanding-depression/setting-goals';
const goalText = (page: Page, n = 1) => page.getByRole('group', { name: `Goal ${n}` }).getByLabel('What do you want to work towards?');

test.describe('self-help programme', () => {
  test('a client opens their next step from home, reads it and marks it done; the next step moves on', async ({ page, visit, baseURL }) => {
    const client = await newClient(baseURL!, 'Ria');
    await visit('/');
    await signInWithForm(page, client.email, client.password);
    const next = page.getByRole('region', { name: 'Your next step' });
    await expect(next.getByRole('link', { name: 'What depression is' })).toBeVisible();
    await expect(next).toContainText('About 3 minutes');
    expect(await axeViolations(page)).toEqual([]);

    await next.getByRole('link', { name: 'What depression is' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'What depression is' })).toBeVisible();
    await expect(page).toHaveTitle('What depression is – Tandem');
    await expect(page.getByText('Not yet checked by a clinician')).toBeVisible();
    expect(await page.locator('main').innerHTML()).not.toContain('**');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: "I've read this" }).click();
    await expect(page.getByRole('status').filter({ hasText: 'done' })).toHaveText('You have done this step.');
    const progress = await (await page.request.get('/api/me/programme')).json();
    expect(progress.nextStep).toEqual(expect.objectContaining({ moduleId: 'understanding-depression', stepId: 'how-low-mood-keeps-going' }));
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Next step' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'How low mood keeps going' })).toBeVisible();
    await page.getByRole('link', { name: 'Previous step' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'What depression is' })).toBeVisible();
    await expect(page.getByRole('button', { name: "I've read this" })).toHaveCount(0);

    await visit('/');
    await expect(page.getByRole('region', { name: 'Your next step' }).getByRole('link', { name: 'How low mood keeps going' })).toBeVisible();
    await page.getByRole('link', { name: 'Your programme' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Your programme' })).toBeVisible();
    const card = page.locator('.module-card').filter({ hasText: 'Understanding depression' });
    await expect(card).toContainText('1 of 4 steps done');
    await expect(card).toContainText('Not yet checked by a clinician');
    const later = page.locator('.module-later').filter({ hasText: 'Getting active' });
    await expect(later).toContainText('This opens when you have done the parts before it.');
    await expect(later.getByRole('link')).toHaveCount(0);
    await expect(page.getByText('Worry and rumination')).toHaveCount(0);
    expect(await axeViolations(page)).toEqual([]);
    await card.getByRole('link', { name: 'Understanding depression' }).click();
    await expect(page.getByRole('listitem').filter({ hasText: 'What depression is' })).toContainText('Done');
    await expect(page.getByRole('listitem').filter({ hasText: 'Setting goals' })).not.toContainText('Done');
    expect(await axeViolations(page)).toEqual([]);
  });

  test('goals: every word survives a reload and going offline, reaches the server once, and is sent privately', async ({ page, context, visit, baseURL }) => {
    const client = await newClient(baseURL!, 'Noor');
    await signInByApi(page.request, client.email, client.password, baseURL);
    await visit(goalsStep);
    await page.getByRole('link', { name: 'Open your goals sheet' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Goals sheet' })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);

    await goalText(page).fill('Walk to the park');
    await page.getByRole('group', { name: 'Goal 1' }).getByLabel(/How far along/).selectOption('3');
    await expect(page.locator('.save-state')).toHaveText('Saved.');
    await page.reload();
    await expect(goalText(page)).toHaveValue('Walk to the park');

    // No connection: the words are kept on the phone and sent once it returns.
    await context.setOffline(true);
    await goalText(page).fill('Walk to the park with my dog on Sunday');
    await expect(page.locator('.save-state')).toHaveText('Saved on this phone. It will be sent when you are back online.');
    expect((await entries(page))[0]!.data.goals![0]!.text).toBe('Walk to the park');
    await context.setOffline(false);
    await page.reload();
    await expect(goalText(page)).toHaveValue('Walk to the park with my dog on Sunday');
    await expect.poll(async () => (await entries(page)).map((e) => e.data.goals?.[0]?.text)).toEqual(['Walk to the park with my dog on Sunday']);

    // Private: one plain sentence, and help is there.
    await page.getByLabel('Keep this private').check();
    await expect(page.getByText('Private means your practitioner cannot read it, and nobody is watching it.')).toBeVisible();
    await expect(page.locator('main').getByRole('link', { name: 'Get help now' }).first()).toHaveAttribute('href', '/help');
    expect(await axeViolations(page)).toEqual([]);

    // A goal with no words: the server's problem is shown on the field.
    await page.getByRole('button', { name: 'Add a goal' }).click();
    await page.getByRole('group', { name: 'Goal 2' }).getByLabel(/How far along/).selectOption('5');
    await page.getByRole('button', { name: 'Send to my practitioner' }).click();
    await expect(page.locator('.error-summary')).toBeFocused();
    await expect(page.locator('.error-summary')).toContainText('What do you want to work towards? (number 2): please fill this in');
    await expect(goalText(page, 2)).toHaveAttribute('aria-invalid', 'true');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('group', { name: 'Goal 2' }).getByRole('button', { name: 'Remove' }).click();
    await page.getByRole('button', { name: 'Send to my practitioner' }).click();
    await expect(page.locator('.save-state')).toHaveText('Sent to your practitioner. You can still change it.');
    const sent = await entries(page);
    expect(sent).toEqual([expect.objectContaining({ exercise: 'goals', status: 'submitted', shared: false })]);
    expect(sent[0]!.data.goals).toEqual([{ text: 'Walk to the park with my dog on Sunday', progress: 3 }]);

    await visit('/programme');
    const line = page.locator('.entry-list li').filter({ hasText: 'Goals sheet' });
    await expect(line).toContainText('Sent');
    await expect(line).toContainText('Private');
    await line.getByRole('link').click();
    await expect(goalText(page)).toHaveValue('Walk to the park with my dog on Sunday');
    await expect(page.getByText('You sent this to your practitioner. You can change it and send it again.')).toBeVisible();
  });

  test('keyboard only: a client fills in and sends their goals', async ({ page, visit, baseURL }) => {
    const client = await newClient(baseURL!, 'Kit');
    await signInByApi(page.request, client.email, client.password, baseURL);
    await visit(goalsStep);
    await tabTo(page, page.getByRole('link', { name: 'Open your goals sheet' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Goals sheet' })).toBeVisible();
    await tabTo(page, goalText(page));
    await page.keyboard.type('Cook one meal a week');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await tabTo(page, page.getByRole('button', { name: 'Send to my practitioner' }));
    await page.keyboard.press('Enter');
    await expect(page.locator('.save-state')).toHaveText('Sent to your practitioner. You can still change it.');
    const [entry] = await entries(page);
    expect(entry!.data.goals).toEqual([{ text: 'Cook one meal a week', progress: 1 }]);

    // The practitioner's feedback shows on the entry.
    const api = await apiSession(baseURL!);
    try {
      await signInByApi(api, client.practitioner.email, client.practitioner.password);
      const given = await api.post(`/api/exercise-entries/${entry!.id}/feedback`, { data: { id: randomUUID(), revision: entry!.revision, text: 'A good, small goal.' } });
      expect(given.status(), await given.text()).toBe(200);
    } finally {
      await api.dispose();
    }
    await page.reload();
    await expect(page.getByRole('region', { name: 'Feedback from your practitioner' })).toContainText('A good, small goal.');
    expect(await axeViolations(page)).toEqual([]);
  });

  test('every string on the programme pages comes through i18n', async ({ page, visit, baseURL }) => {
    const client = await newClient(baseURL!, 'Lou');
    await signInByApi(page.request, client.email, client.password, baseURL);
    for (const url of ['/programme', '/programme/understanding-depression', goalsStep, `${goalsStep}/exercise`]) {
      await visit(`${url}?locale=en-XA`);
      await expect(page.locator('main h1')).toBeVisible();
      if (url === '/programme') await expect(page.locator('main h1')).toContainText(pseudoOpen);
      expect(await untranslatedStrings(page), url).toEqual([]);
    }
  });

  test('signing out removes the drafts and the outbox from the phone', async ({ page, visit, baseURL }) => {
    const client = await newClient(baseURL!, 'Ash');
    await visit('/');
    await signInWithForm(page, client.email, client.password);
    await expect(page.getByRole('heading', { level: 1, name: 'Hello Ash' })).toBeVisible();
    await visit(`${goalsStep}/exercise`);
    await goalText(page).fill('Phone my brother');
    await expect(page.locator('.save-state')).toHaveText('Saved.');
    const databases = () => page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name).sort());
    expect(await databases()).toEqual(['tandem-client', 'tandem-client-drafts']);
    await visit('/');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Tandem' })).toBeVisible();
    await expect.poll(databases).toEqual([]);
  });

  test('after care ends, the programme stays readable; exercises and "Done" are not offered', async ({ page, visit, baseURL }) => {
    const client = await newClient(baseURL!, 'Bo');
    await signInByApi(page.request, client.email, client.password, baseURL);
    await visit(`${goalsStep}/exercise`);
    await goalText(page).fill('Sleep by eleven');
    await expect(page.locator('.save-state')).toHaveText('Saved.');
    await endCare(baseURL!, client);
    await visit(goalsStep);
    await expect(page.getByRole('heading', { level: 1, name: 'Setting goals' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Open your goals sheet' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Done' })).toHaveCount(0);
    await visit('/programme');
    await page.locator('.entry-list').getByRole('link', { name: 'Goals sheet' }).click();
    await expect(goalText(page)).toHaveValue('Sleep by eleven');
    await expect(goalText(page)).toBeDisabled();
    await expect(page.getByRole('button', { name: 'Send to my practitioner' })).toHaveCount(0);
    expect(await axeViolations(page)).toEqual([]);
  });

  test('the thought record opened from a later step carries on with the same words', async ({ page, visit, baseURL }) => {
    const client = await newClient(baseURL!, 'Max');
    await signInByApi(page.request, client.email, client.password, baseURL);
    // The first two modules done, so "Thinking differently" is open.
    const { modules } = (await (await page.request.get('/api/programme')).json()) as { modules: { id: string; version: string; steps: { id: string }[] }[] };
    for (const module of modules.filter((m) => m.id === 'understanding-depression' || m.id === 'getting-active')) {
      for (const step of module.steps) {
        const done = await page.request.put(`/api/me/programme/steps/${module.id}/${step.id}`, { data: { contentVersion: module.version, recordedAt: new Date().toISOString() }, headers: { origin: baseURL! } });
        expect(done.status(), await done.text()).toBe(200);
      }
    }
    await visit('/programme/thinking-differently/the-thought-record');
    await page.getByRole('link', { name: 'Open your thought record' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Thought record' })).toBeVisible();
    await page.getByLabel('What was happening?').fill('At home on Sunday, the phone was quiet');
    await page.getByRole('group', { name: 'Feeling 1' }).first().getByLabel('Feeling', { exact: true }).fill('Lonely');
    await page.getByRole('group', { name: 'Feeling 1' }).first().getByLabel(/How strong/).selectOption('80');
    await expect(page.locator('.save-state')).toHaveText('Saved.');
    expect(await axeViolations(page)).toEqual([]);

    await visit('/programme/thinking-differently/weighing-the-evidence/exercise');
    await expect(page.getByLabel('What was happening?')).toHaveValue('At home on Sunday, the phone was quiet');
    await page.getByLabel('Facts that support the thought').fill('Nobody called');
    await expect(page.locator('.save-state')).toHaveText('Saved.');
    const all = await entries(page);
    expect(all).toHaveLength(1);
    expect(all[0]!.data).toMatchObject({ situation: 'At home on Sunday, the phone was quiet', evidenceFor: 'Nobody called', feelings: [{ name: 'Lonely', intensity: 80 }] });
  });

  test('the other four exercises save drafts and send', async ({ page, visit, baseURL }) => {
    const client = await newClient(baseURL!, 'Dee');
    await signInByApi(page.request, client.email, client.password, baseURL);
    const forms: { url: string; heading: string; fill(main: Locator): Promise<void> }[] = [
      {
        url: '/programme/getting-active/noticing-what-you-do/exercise',
        heading: 'Activity diary',
        fill: async (main) => {
          await main.getByLabel('Date').fill('2026-01-05');
          await main.getByLabel('Time').fill('09:30');
          await main.getByLabel('What did you do?').fill('Had a shower');
          await main.getByLabel(/Mood/).selectOption('4');
          await main.getByLabel(/get done/).selectOption('6');
          await main.getByLabel(/enjoy/).selectOption('5');
        },
      },
      {
        url: '/programme/getting-active/planning-small-activities/exercise',
        heading: 'Activity planner',
        fill: async (main) => {
          await main.getByLabel('Day').fill('2026-01-06');
          await main.getByLabel('What will you do?').fill('Phone a friend');
        },
      },
      {
        url: '/programme/problem-solving/trying-it-and-looking-back/exercise',
        heading: 'Problem solving sheet',
        fill: async (main) => {
          await main.getByLabel('What is the problem?').fill('Bills piling up');
          await main.getByLabel('Idea', { exact: true }).fill('Open one a day');
          await main.getByLabel('Open one a day').check();
        },
      },
      {
        url: '/programme/staying-well/your-staying-well-plan/exercise',
        heading: 'Staying-well plan',
        fill: async (main) => {
          for (const list of ['What has helped me', 'Signs that I am starting to slip', 'What I will do if I see those signs']) {
            await main.getByRole('group', { name: list }).getByLabel('Number 1').fill(`${list}: walks`);
          }
          await main.getByLabel('Name').fill('My sister');
        },
      },
    ];
    for (const form of forms) {
      await visit(form.url);
      await expect(page.getByRole('heading', { level: 1, name: form.heading })).toBeVisible();
      await form.fill(page.locator('main'));
      await expect(page.locator('.save-state')).toHaveText('Saved.');
      expect(await axeViolations(page), form.heading).toEqual([]);
      await page.getByRole('button', { name: 'Send to my practitioner' }).click();
      await expect(page.locator('.save-state'), form.heading).toHaveText('Sent to your practitioner. You can still change it.');
    }
    expect((await entries(page)).map((e) => e.status)).toEqual(['submitted', 'submitted', 'submitted', 'submitted']);
  });
});
