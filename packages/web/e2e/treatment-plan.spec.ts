import type { Locator, Page } from '@playwright/test';
import { pseudoOpen } from '../src/shared/i18n/pseudo';
import { createClient, createStaff, openReferral, signInByApi, uniqueSuffix, type ClientPerson, type Person, type Referral } from './accounts';
import { axeViolations, expect, test } from './fixtures';
import { untranslatedStrings } from './pseudo';

/**
 * The treatment plan both can see (BRIEF.md V3; decision 0020), on the real server: a referral's
 * plan made from the England step-2 default, read and changed by the practitioner (a step added,
 * moved, repeated and removed, with a reason), its history in words; a save made stale by a
 * second browser refused with nothing lost; reordering by keyboard alone; and the client reading
 * the new plan in plain words. axe runs on every page and state checked.
 */

interface Setup {
  practitioner: Person;
  client: ClientPerson;
  referral: Referral;
}

async function setUp(baseURL: string, name: string): Promise<Setup> {
  const practitioner = await createStaff(baseURL, ['practitioner'], `Pia ${uniqueSuffix()}`);
  const client = await createClient(baseURL, practitioner, name);
  return { practitioner, client, referral: await openReferral(baseURL, practitioner, client) };
}

const planPath = (r: Referral) => `/staff/clients/${r.clientId}/episodes/${r.episodeId}/plan`;

async function noViolations(page: Page): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
  // Nothing wider than the screen: a phone must not scroll the page sideways (tables scroll inside).
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
}

/** The editor's steps, as their titles ("Step 3 Online: Getting active"). */
function editorSteps(page: Page): Locator {
  return page.getByRole('list', { name: 'Steps of the plan you are changing' }).locator(':scope > li');
}

/** The plan's table rows (without the header). */
function planRows(page: Page, caption = 'Steps of the plan, in order'): Locator {
  return page.getByRole('region', { name: caption }).locator('tbody tr');
}

async function openEditor(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Change the plan' }).click();
  await expect(page.getByRole('heading', { level: 3, name: 'Change the plan' })).toBeFocused();
}

/** Presses Tab until `target` has focus (at most `max` times), as a keyboard user would. */
async function tabTo(page: Page, target: Locator, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error('could not reach the element with Tab');
}

test.describe('treatment plan', () => {
  test('the practitioner reads and changes the plan with a reason, sees its history, and the client reads it in plain words', async ({ page, newPage, visit, baseURL }) => {
    test.setTimeout(90_000);
    const { practitioner, client, referral } = await setUp(baseURL!, 'Lena');
    await signInByApi(page.request, practitioner.email, practitioner.password, baseURL);

    // On the client page: the plan in one line, and a link to it.
    await visit(`/staff/clients/${referral.clientId}`);
    const card = page.locator('.episode');
    await expect(card).toContainText('10 steps: 6 face to face, 4 online.');
    await card.getByRole('link', { name: /^Open the treatment plan/ }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Treatment plan' })).toBeVisible();
    await expect(page).toHaveTitle('Treatment plan – Tandem for practitioners');
    await expect(page.locator('.identity-name')).toHaveText(client.name);
    await expect(page.locator('.summary-list')).toContainText('England, step 2');
    await expect(page.locator('.summary-list')).toContainText('6 face to face, 4 online');
    await expect(page.getByText('From a research example')).toHaveCount(0);
    await expect(planRows(page)).toHaveCount(10);
    await expect(planRows(page).nth(1)).toContainText('Online');
    await expect(planRows(page).nth(1)).toContainText('Understanding depression');
    await noViolations(page);

    await openEditor(page);
    await noViolations(page);
    // Add an optional module at the end.
    await page.getByText('Add a step', { exact: true }).click();
    const add = page.locator('.plan-add-step');
    await add.getByRole('group', { name: 'How' }).getByLabel('Online').check();
    await add.getByLabel('Online module').selectOption({ label: 'Sleep (optional module)' });
    await add.getByLabel('What it is for').fill('Try the sleep module and keep a sleep diary.');
    await add.getByRole('button', { name: 'Add the step' }).click();
    await expect(editorSteps(page)).toHaveCount(11);
    await expect(editorSteps(page).nth(10)).toContainText('Online: Sleep');
    // Move "Getting active" (step 4) up, repeat "Thinking differently", remove the week-7 session.
    await page.getByRole('button', { name: 'Move up step 4' }).click();
    await expect(page.getByRole('button', { name: 'Move up step 3' })).toBeFocused();
    await expect(editorSteps(page).nth(2)).toContainText('Online: Getting active');
    await page.getByRole('button', { name: 'Repeat step 6' }).click();
    await expect(editorSteps(page).nth(6)).toContainText('Online: Thinking differently');
    await expect(page.getByRole('button', { name: 'Change step 7' })).toBeFocused();
    await expect(editorSteps(page).nth(8)).toContainText('Week 7');
    await page.getByRole('button', { name: 'Remove step 9' }).click();
    await expect(editorSteps(page)).toHaveCount(11);
    await expect(page.getByText('With your changes: 5 face to face, 6 online.')).toBeVisible();

    // A reason is required.
    await page.getByRole('button', { name: 'Save the plan' }).click();
    await expect(page.locator('.error-summary')).toBeFocused();
    await expect(page.locator('.error-summary')).toContainText('Say why you are changing the plan');
    await noViolations(page);
    await page.getByLabel('Why are you changing the plan?').fill('More time on thoughts; sleep is a problem.');
    await page.getByRole('button', { name: 'Save the plan' }).click();
    await expect(page.locator('.focus-notice')).toHaveText('Plan saved.');
    await expect(page.locator('.focus-notice')).toBeFocused();
    await expect(planRows(page)).toHaveCount(11);
    await expect(page.locator('.summary-list')).toContainText('5 face to face, 6 online');

    // The history says what changed, in words.
    const history = page.getByRole('region', { name: 'Changes to the plan' });
    const latest = history.locator('.plan-history > li').first();
    await expect(latest).toContainText('Changed (version 2)');
    await expect(latest).toContainText(`by ${practitioner.name}`);
    await expect(latest).toContainText('More time on thoughts; sleep is a problem.');
    await expect(latest).toContainText('Moved Online: Getting active from step 4 to step 3');
    await expect(latest).toContainText('Added step 7, a repeat of step 6: Online: Thinking differently');
    await expect(latest).toContainText('Removed what was step 8: Session: Behavioural activation');
    await expect(latest).toContainText('Added step 11: Online: Sleep');
    await expect(history.locator('.plan-history > li').last()).toContainText('Plan made');
    await noViolations(page);

    // The client reads the new plan in plain words, from home.
    const phone = await newPage();
    await signInByApi(phone.request, client.email, client.password, baseURL);
    await phone.goto('/');
    await phone.getByRole('link', { name: 'Your plan' }).click();
    await expect(phone.getByRole('heading', { level: 1, name: 'Your plan' })).toBeVisible();
    await expect(phone).toHaveTitle('Your plan – Tandem');
    const steps = phone.locator('.client-plan > li');
    await expect(steps).toHaveCount(11);
    await expect(steps.first()).toContainText('Session with your practitioner');
    await expect(steps.first()).toContainText('Week 1');
    await expect(steps.nth(2)).toContainText('Online: Getting active');
    await expect(steps.last()).toContainText('Online: Sleep');
    await expect(steps.last()).toContainText('Try the sleep module and keep a sleep diary.');
    await expect(phone.getByText('Your plan can change as you go. You can talk about it at your next session.')).toBeVisible();
    const words = await phone.locator('main').innerText();
    for (const jargon of ['component', 'Face to face', 'face-to-face', 'drift', 'reason', 'More time on thoughts']) expect(words).not.toContain(jargon);
    await noViolations(phone);
  });

  test('a save made stale by someone else is refused with a clear message, and nothing typed is lost', async ({ page, newPage, visit, baseURL }) => {
    test.setTimeout(90_000);
    const { practitioner, referral } = await setUp(baseURL!, 'Omar');
    await signInByApi(page.request, practitioner.email, practitioner.password, baseURL);
    await visit(planPath(referral));
    await openEditor(page);
    await page.getByRole('button', { name: 'Remove step 10' }).click();
    await page.getByLabel('Why are you changing the plan?').fill('Ending earlier: fewer sessions agreed.');

    // Meanwhile, on another computer, the plan is changed and saved.
    const other = await newPage();
    await signInByApi(other.request, practitioner.email, practitioner.password, baseURL);
    await other.goto(planPath(referral));
    await other.getByRole('button', { name: 'Change the plan' }).click();
    await other.getByRole('button', { name: 'Repeat step 2' }).click();
    await other.getByLabel('Why are you changing the plan?').fill('Understanding depression twice.');
    await other.getByRole('button', { name: 'Save the plan' }).click();
    await expect(other.locator('.focus-notice')).toHaveText('Plan saved.');

    // This save is refused; their version shows, and this one stays on screen.
    await page.getByRole('button', { name: 'Save the plan' }).click();
    const notice = page.locator('.focus-notice');
    await expect(notice).toHaveText('Someone else changed this plan while you were editing. Your changes are not saved. Here is their version; make your change again.');
    await expect(notice).toBeFocused();
    await expect(planRows(page)).toHaveCount(11);
    await expect(planRows(page).nth(2)).toContainText('Understanding depression');
    const mine = page.getByRole('region', { name: 'Your changes (not saved)' });
    await expect(mine.locator('tbody tr')).toHaveCount(9);
    await expect(mine).toContainText('Ending earlier: fewer sessions agreed.');
    await noViolations(page);

    // Make the change again on their version: the reason is kept.
    await mine.getByRole('button', { name: 'Change their version' }).click();
    await expect(page.getByLabel('Why are you changing the plan?')).toHaveValue('Ending earlier: fewer sessions agreed.');
    await expect(editorSteps(page)).toHaveCount(11);
    await page.getByRole('button', { name: 'Remove step 11' }).click();
    await page.getByRole('button', { name: 'Save the plan' }).click();
    await expect(page.locator('.focus-notice')).toHaveText('Plan saved.');
    await expect(page.getByRole('region', { name: 'Your changes (not saved)' })).toHaveCount(0);
    await expect(planRows(page)).toHaveCount(10);
    const history = page.locator('.plan-history > li');
    await expect(history).toHaveCount(3);
    await expect(history.first()).toContainText('Removed what was step 11');
    await expect(history.nth(1)).toContainText('Added step 3, a repeat of step 2');
    await noViolations(page);
  });

  test('steps are reordered with the keyboard alone, and weeks that go backwards are caught at the field', async ({ page, visit, baseURL }) => {
    const { practitioner, referral } = await setUp(baseURL!, 'Kit');
    await signInByApi(page.request, practitioner.email, practitioner.password, baseURL);
    await visit(planPath(referral));
    await tabTo(page, page.getByRole('button', { name: 'Change the plan' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 3, name: 'Change the plan' })).toBeFocused();

    // Step 1 (a week-1 session) down twice: focus stays with it.
    await tabTo(page, page.getByRole('button', { name: 'Move down step 1' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: 'Move down step 2' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: 'Move down step 3' })).toBeFocused();
    await expect(editorSteps(page).nth(2)).toContainText('Session: Psychoeducation');
    await expect(page.getByRole('status').filter({ hasText: 'moved to step 3' })).toHaveText('Session: Psychoeducation moved to step 3.');

    // Week 1 after week 2 is caught before sending, at that step's week.
    await tabTo(page, page.getByLabel('Why are you changing the plan?'), 80);
    await page.keyboard.type('Start with the reading.');
    await tabTo(page, page.getByRole('button', { name: 'Save the plan' }));
    await page.keyboard.press('Enter');
    await expect(page.locator('.error-summary')).toBeFocused();
    await expect(page.locator('.error-summary')).toContainText('Step 3: This week is before week 2 of an earlier step');
    await expect(editorSteps(page).nth(2).getByLabel('Planned week (optional)')).toHaveAttribute('aria-invalid', 'true');
    await noViolations(page);

    // One place up fixes it.
    await tabTo(page, page.getByRole('button', { name: 'Move up step 3' }), 80);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: 'Move up step 2' })).toBeFocused();
    await tabTo(page, page.getByRole('button', { name: 'Save the plan' }), 120);
    await page.keyboard.press('Enter');
    await expect(page.locator('.focus-notice')).toHaveText('Plan saved.');
    await expect(planRows(page).nth(0)).toContainText('Understanding depression');
    await expect(planRows(page).nth(1)).toContainText('Psychoeducation');
    await expect(page.locator('.plan-history > li').first()).toContainText('Moved Online: Understanding depression from step 2 to step 1');
  });

  test('pseudo-locale: every string on the plan pages comes through i18n', async ({ page, newPage, visit, baseURL }) => {
    const { practitioner, client, referral } = await setUp(baseURL!, 'Ines');
    await signInByApi(page.request, practitioner.email, practitioner.password, baseURL);
    const api = page.request;
    const plan = await (await api.get(`/api/episodes/${referral.episodeId}/plan`)).json();
    const steps = [...plan.steps.slice(1), plan.steps[0]].map((s: { plannedWeek: number | null }) => ({ ...s, plannedWeek: null }));
    const changed = await api.put(`/api/episodes/${referral.episodeId}/plan`, { data: { version: plan.version, steps, reason: 'Session first moved to the end.' }, headers: { origin: baseURL! } });
    expect(changed.status(), await changed.text()).toBe(200);

    await visit(`${planPath(referral)}?locale=en-XA`);
    await expect(page.locator('main h2').first()).toContainText(pseudoOpen);
    await expect(page.locator('.plan-history > li')).toHaveCount(2);
    expect(await untranslatedStrings(page)).toEqual([]);
    await page.locator('main button.button').last().click();
    await expect(page.locator('.plan-editor')).toBeVisible();
    await page.locator('.plan-step-actions button').first().click();
    await page.locator('.plan-editor button[type="submit"]').click();
    await expect(page.locator('.error-summary')).toBeFocused();
    expect(await untranslatedStrings(page)).toEqual([]);
    await visit(`/staff/clients/${referral.clientId}?locale=en-XA`);
    await expect(page.locator('.episode')).toContainText(pseudoOpen);
    expect(await untranslatedStrings(page)).toEqual([]);

    const phone = await newPage();
    await signInByApi(phone.request, client.email, client.password, baseURL);
    await phone.goto('/plan?locale=en-XA');
    await expect(phone.locator('main h1')).toContainText(pseudoOpen);
    await expect(phone.locator('.client-plan > li')).toHaveCount(10);
    expect(await untranslatedStrings(phone)).toEqual([]);
    await noViolations(phone);
  });
});
