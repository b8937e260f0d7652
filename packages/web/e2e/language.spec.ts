import { createClient, createStaff, signInWithForm, uniqueSuffix } from './accounts';
import { axeViolations, expect, test } from './fixtures';

test.describe('a second language', () => {
  test('a client chooses Arabic: the app turns right to left, and the first module is in Arabic, marked as machine-written', async ({ page, visit, baseURL }) => {
    const practitioner = await createStaff(baseURL!, ['practitioner'], `Pat ${uniqueSuffix()}`);
    const client = await createClient(baseURL!, practitioner, 'Layla');
    await visit('/');
    await signInWithForm(page, client.email, client.password);
    await expect(page.getByRole('heading', { level: 1, name: `Hello ${client.givenName}` })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');

    await page.getByLabel('Language').selectOption({ label: 'العربية' });
    await expect(page.getByRole('link', { name: 'أحتاج إلى مساعدة الآن' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
    expect(await axeViolations(page)).toEqual([]);

    // The next step is the first module's, served in Arabic and marked as not yet checked.
    const step = (await (await page.request.get('/api/programme/modules/understanding-depression/steps/what-depression-is?locale=ar')).json()) as { title: string };
    const next = page.locator('.next-step, [aria-labelledby]').getByRole('link', { name: step.title });
    await next.first().click();
    await expect(page.getByRole('heading', { level: 1, name: step.title })).toBeVisible();
    await expect(page.locator('main [lang="ar"]').first()).toBeVisible();
    await expect(page.locator('.tag-unreviewed').first()).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);

    // The choice is kept: after a reload the app is still in Arabic.
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.getByRole('heading', { level: 1, name: step.title })).toBeVisible();

    // Back to English; a module without Arabic is shown in English.
    await page.getByLabel(/اللغة|Language/).selectOption({ label: 'English' });
    await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
    await expect(page.getByRole('heading', { level: 1, name: 'What depression is' })).toBeVisible();
  });

  test('the practitioner app offers no Arabic yet: ?locale=ar shows English', async ({ page, visit }) => {
    await visit('/staff/?locale=ar');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByLabel('Language').locator('option')).toHaveText(['English', 'Pseudo-locale (en-XA)']);
  });
});
