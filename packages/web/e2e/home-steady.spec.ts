import { randomUUID } from 'node:crypto';
import { apiSession, createClient, createStaff, signInByApi, signInWithForm, uniqueSuffix } from './accounts';
import { expect, test } from './fixtures';

/**
 * The client home page keeps still while it loads (issue 13: Lighthouse's layout-shift score on a
 * slow phone), and reads the programme once for both cards that show it. Deterministic: the page
 * holds back what depends on its reads until they are all in, whatever order they arrive in.
 */
test.describe('client home while it loads', () => {
  test('nothing moves as the reads arrive, and the programme is read once', async ({ page, visit, baseURL }) => {
    const practitioner = await createStaff(baseURL!, ['practitioner'], `Kim ${uniqueSuffix()}`);
    const client = await createClient(baseURL!, practitioner, 'Alex');
    const api = await apiSession(baseURL!);
    await signInByApi(api, client.email, client.password);
    const saved = await api.post('/api/check-ins', { data: { id: randomUUID(), mood: 6, recordedAt: new Date().toISOString() } });
    expect(saved.status()).toBe(201);
    await api.dispose();

    await visit('/');
    await signInWithForm(page, client.email, client.password);
    await expect(page.getByRole('heading', { level: 1, name: 'Hello Alex' })).toBeVisible();

    // Every layout shift from the first paint of a fresh load, as Lighthouse counts them.
    await page.addInitScript(() => {
      const shifts: number[] = [];
      (window as unknown as { shifts: number[] }).shifts = shifts;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
          if (!entry.hadRecentInput) shifts.push(entry.value);
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    const programmeReads: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/api/programme') programmeReads.push(request.url());
    });
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Your check-ins in the last 2 weeks' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Sign out' }).or(page.getByRole('button', { name: 'Sign out' }))).toBeVisible();
    // Shifts are reported after the frame that makes them: give the page a moment to settle.
    await page.waitForTimeout(1000);
    expect(await page.evaluate(() => (window as unknown as { shifts: number[] }).shifts)).toEqual([]);
    expect(programmeReads).toHaveLength(1);
  });
});
