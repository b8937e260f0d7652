import fs from 'node:fs';
import { createRequire } from 'node:module';
import { test as base, expect, type BrowserContext, type BrowserContextOptions, type Page } from '@playwright/test';

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG 2.2 AA, as axe-core tags it. */
export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/** Runs axe-core in the page (through the DevTools protocol, so the page's CSP allows it). */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  }, wcagTags);
}

/** Records CSP violations and uncaught errors of a page into `problems`. */
function watch(page: Page, problems: string[]): void {
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) problems.push(`CSP: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
}

/** Opens `url` in `page`, waits for its heading and runs axe on the page it lands on. */
export async function visitPage(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator('main h1').waitFor();
  expect(await axeViolations(page), `axe violations on ${url}`).toEqual([]);
}

/**
 * `page` that fails the test on any Content-Security-Policy violation or uncaught error, and
 * `visit(url)`, which navigates and runs axe on the page it lands on — so every page visited is
 * checked against WCAG 2.2 AA. `newPage(options)` opens a page in a new browser context (another
 * person on another device), watched the same way and closed after the test.
 */
export const test = base.extend<{
  visit: (url: string) => Promise<void>;
  newPage: (options?: BrowserContextOptions) => Promise<Page>;
}>({
  page: async ({ page }, use) => {
    const problems: string[] = [];
    watch(page, problems);
    await use(page);
    expect(problems, 'the page reported CSP violations or errors').toEqual([]);
  },
  visit: async ({ page }, use) => {
    await use((url: string) => visitPage(page, url));
  },
  newPage: async ({ browser, baseURL }, use) => {
    const problems: string[] = [];
    const contexts: BrowserContext[] = [];
    await use(async (options = {}) => {
      const context = await browser.newContext({ baseURL, ...options });
      contexts.push(context);
      const page = await context.newPage();
      watch(page, problems);
      return page;
    });
    for (const context of contexts) await context.close();
    expect(problems, 'a page reported CSP violations or errors').toEqual([]);
  },
});

export { expect };
