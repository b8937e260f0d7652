import type { Page } from '@playwright/test';
import { createClient, createStaff, signInByApi, uniqueSuffix, type ClientPerson } from './accounts';
import { axeViolations, expect, test } from './fixtures';
import { untranslatedStrings } from './pseudo';

// Decision 0033: an entry edited on two devices never loses either version silently.

interface Entry {
  id: string;
  revision: number;
  data: { goals?: { text?: string }[] };
  otherVersions: { id: string; data: { goals?: { text?: string }[] } }[];
}
const entries = async (page: Page): Promise<Entry[]> => (await (await page.request.get('/api/exercise-entries')).json()).entries as Entry[];
const texts = (list: { data: { goals?: { text?: string }[] } }[]) => list.map((e) => e.data.goals?.[0]?.text);

const goalsSheet = '/programme/understanding-depression/setting-goals/exercise';
const goalText = (page: Page) => page.getByRole('group', { name: 'Goal 1' }).getByLabel('What do you want to work towards?');
const notice = (page: Page) => page.getByRole('region', { name: 'You changed this on two devices. We kept both.' });

async function newClient(baseURL: string): Promise<ClientPerson> {
  const practitioner = await createStaff(baseURL, ['practitioner'], `Pat ${uniqueSuffix()}`);
  return createClient(baseURL, practitioner, 'Dev');
}

/** Types into the goal and waits until the save has reached the server. */
async function write(page: Page, text: string): Promise<void> {
  await goalText(page).fill(text);
  await expect(page.locator('.save-state')).toHaveText('Saved.');
}

/**
 * One client on two devices: the phone (`page`) starts the goals sheet with `start`; the laptop
 * opens the same entry as it is then; each changes it without seeing the other's change — the
 * phone first (`phoneWords`), then the laptop (`laptopWords`). Returns the laptop's page.
 */
async function editOnTwoDevices(
  { page, newPage, visit, baseURL }: { page: Page; newPage: () => Promise<Page>; visit: (url: string) => Promise<void>; baseURL: string },
  [start, phoneWords, laptopWords]: [string, string, string],
): Promise<Page> {
  const client = await newClient(baseURL);
  await signInByApi(page.request, client.email, client.password, baseURL);
  await visit(goalsSheet);
  await write(page, start);
  const laptop = await newPage();
  await signInByApi(laptop.request, client.email, client.password, baseURL);
  await laptop.goto(goalsSheet);
  await expect(goalText(laptop)).toHaveValue(start);
  await write(page, phoneWords);
  await write(laptop, laptopWords);
  return laptop;
}

test.describe('an entry changed on two devices', () => {
  test('both saves reach the server; each device is shown both versions; choosing one resolves it', async ({ page, newPage, visit, baseURL }) => {
    const laptop = await editOnTwoDevices({ page, newPage, visit, baseURL: baseURL! }, ['Walk to the park', 'Walk to the park on Sunday', 'Cook one meal a week']);

    // The laptop's words are the later ones: current. The phone's are kept, and the laptop says so at once.
    await expect(notice(laptop)).toBeVisible();
    await expect(notice(laptop)).toContainText('Walk to the park on Sunday');
    await expect(goalText(laptop)).toHaveValue('Cook one meal a week');
    expect(await axeViolations(laptop)).toEqual([]);
    const [both] = await entries(page);
    expect(both!.data.goals![0]!.text).toBe('Cook one meal a week');
    expect(texts(both!.otherVersions)).toEqual(['Walk to the park on Sunday']);

    // The phone, opened again, shows the current words and its own as the other version.
    await visit(goalsSheet);
    await expect(goalText(page)).toHaveValue('Cook one meal a week');
    await expect(notice(page)).toContainText('Walk to the park on Sunday');
    await expect(notice(page).getByRole('button', { name: 'Keep the one shown' })).toBeVisible();
    const line = async () => {
      await visit('/programme');
      return page.locator('.entry-list li').filter({ hasText: 'Goals sheet' });
    };
    await expect(await line()).toContainText('Two versions');

    // Every word of the notice comes through i18n.
    await visit(`${goalsSheet}?locale=en-XA`);
    await expect(page.locator('.other-version')).toBeVisible();
    expect(await untranslatedStrings(page)).toEqual([]);

    // On the phone the client chooses their phone's words.
    await visit(goalsSheet);
    await notice(page).getByRole('button', { name: 'Use this version instead' }).click();
    await expect(page.getByText('Done. This page now shows the version you chose.')).toBeVisible();
    await expect(notice(page)).toHaveCount(0);
    await expect(goalText(page)).toHaveValue('Walk to the park on Sunday');
    await expect
      .poll(async () => {
        const [entry] = await entries(page);
        return [entry!.data.goals![0]!.text, entry!.otherVersions.length];
      })
      .toEqual(['Walk to the park on Sunday', 0]);
    expect(await axeViolations(page)).toEqual([]);
    await expect(await line()).not.toContainText('Two versions');

    // The laptop, opened again: the chosen words, and nothing left to choose.
    await laptop.goto(goalsSheet);
    await expect(goalText(laptop)).toHaveValue('Walk to the park on Sunday');
    await expect(notice(laptop)).toHaveCount(0);
  });

  test('keyboard only: "Keep the one shown" keeps the current words and resolves the other version', async ({ page, newPage, visit, baseURL }) => {
    await editOnTwoDevices({ page, newPage, visit, baseURL: baseURL! }, ['Read a chapter', 'Read a chapter a day', 'Phone a friend']);

    await visit(goalsSheet);
    const keep = notice(page).getByRole('button', { name: 'Keep the one shown' });
    for (let i = 0; i < 60 && !(await keep.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    await expect(keep).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByText('Done. We kept the one shown.')).toBeVisible();
    await expect(goalText(page)).toHaveValue('Phone a friend');
    await expect.poll(async () => (await entries(page))[0]!.otherVersions.length).toBe(0);
    expect(texts(await entries(page))).toEqual(['Phone a friend']);
  });
});
