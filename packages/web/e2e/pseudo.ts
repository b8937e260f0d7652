import type { Page } from '@playwright/test';
import { pseudoClose, pseudoOpen } from '../src/shared/i18n/pseudo';

/**
 * Every visible text node, accessible attribute and the document title of a page shown in the
 * pseudo-locale that is not marked ⟦…⟧ — that is, that did not come through i18n. Skipped on
 * purpose: language names (shown in their own language, marked with lang=) and people's data
 * (names, dates, NHS numbers), which the apps mark translate="no".
 */
export function untranslatedStrings(page: Page): Promise<string[]> {
  return page.evaluate(
    ({ open, close }) => {
      const found: string[] = [];
      const marked = (text: string) => text.startsWith(open) && text.endsWith(close);
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent?.trim() ?? '';
        if (!text || node.parentElement?.closest('option[lang], [translate="no"]')) continue;
        if (!marked(text)) found.push(text);
      }
      for (const el of document.querySelectorAll('[aria-label],[title],[placeholder],[alt]')) {
        for (const attr of ['aria-label', 'title', 'placeholder', 'alt']) {
          const value = el.getAttribute(attr)?.trim();
          if (value && !marked(value)) found.push(`${attr}=${value}`);
        }
      }
      if (!marked(document.title)) found.push(`title=${document.title}`);
      return found;
    },
    { open: pseudoOpen, close: pseudoClose },
  );
}
