import { axeViolations, expect, test } from './fixtures';
import { pseudoClose, pseudoOpen } from '../src/shared/i18n/pseudo';

test.describe('the client app shell', () => {
  test('renders its first page through i18n', async ({ page, visit }) => {
    await visit('/');
    await expect(page).toHaveTitle('Tandem');
    await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Tandem' })).toBeVisible();
    await expect(page.getByText('If you need help now')).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  });

  test('serves deep links from the same app', async ({ page, visit }) => {
    await visit('/some/deep/link');
    await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Tandem' })).toBeVisible();
  });
});

test.describe('the practitioner app shell', () => {
  test('renders its first page and reaches the API on the same origin', async ({ page, visit }) => {
    await visit('/staff/');
    await expect(page).toHaveTitle('Tandem for practitioners');
    await expect(page.getByRole('status')).toHaveText('Connected. The database is answering.');
    expect(await axeViolations(page)).toEqual([]);
  });
});

test.describe('keyboard', () => {
  test('the first Tab reaches the skip link, which moves focus to the main content', async ({ page, visit }) => {
    await visit('/');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to main content' });
    await expect(skip).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('main')).toBeFocused();
  });
});

test.describe('pseudo-locale', () => {
  for (const url of ['/', '/staff/']) {
    test(`shows every string on ${url} translated, so a hard-coded one would stand out`, async ({ page, visit }) => {
      await visit(`${url}?locale=en-XA`);
      await expect(page.locator('main h1')).toContainText(pseudoOpen);
      await page.waitForFunction(() => document.querySelector('[data-status]')?.getAttribute('data-status') !== 'checking' || !document.querySelector('[data-status]'));
      const untranslated = await page.evaluate(
        ({ open, close }) => {
          const found: string[] = [];
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const text = node.textContent?.trim() ?? '';
            // Language names are shown in their own language on purpose (marked with lang=).
            if (!text || node.parentElement?.closest('option[lang]')) continue;
            if (!(text.startsWith(open) && text.endsWith(close))) found.push(text);
          }
          for (const el of document.querySelectorAll('[aria-label],[title],[placeholder],[alt]')) {
            for (const attr of ['aria-label', 'title', 'placeholder', 'alt']) {
              const value = el.getAttribute(attr)?.trim();
              if (value && !(value.startsWith(open) && value.endsWith(close))) found.push(`${attr}=${value}`);
            }
          }
          if (!(document.title.startsWith(open) && document.title.endsWith(close))) found.push(`title=${document.title}`);
          return found;
        },
        { open: pseudoOpen, close: pseudoClose },
      );
      expect(untranslated).toEqual([]);
    });
  }

  test('can be chosen from the language menu and is remembered', async ({ page, visit }) => {
    await visit('/');
    await page.getByLabel('Language').selectOption('en-XA');
    await expect(page.locator('main h1')).toContainText(pseudoOpen);
    await page.reload();
    await expect(page.locator('main h1')).toContainText(pseudoOpen);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en-XA');
  });
});

test.describe('axe negative control', () => {
  test('axe finds violations on a page built to have them', async ({ page }) => {
    await page.setContent(
      '<!doctype html><html><head><title>bad</title></head><body><main><img src="data:,"><button></button><p style="color:#eee;background:#fff">faint</p></main></body></html>',
    );
    const ids = (await axeViolations(page)).map((v) => v.id).sort();
    expect(ids).toEqual(expect.arrayContaining(['button-name', 'color-contrast', 'html-has-lang', 'image-alt']));
  });
});
