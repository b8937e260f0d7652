import { describe, expect, it } from 'vitest';
import arClient from './locales/ar/client.json';
import arCommon from './locales/ar/common.json';
import enClient from './locales/en/client.json';
import enCommon from './locales/en/common.json';
import { createTranslate, initialLocale, offeredLocales } from './i18n';

const placeholders = (text: string) => [...text.matchAll(/\{([a-zA-Z0-9_]+)\}/g)].map((m) => m[1]).sort();

describe.each([
  ['common', enCommon as Record<string, string>, arCommon as Record<string, string>],
  ['client', enClient as Record<string, string>, arClient as Record<string, string>],
])('the Arabic %s strings', (_, english, arabic) => {
  it('are complete: every English key and no other', () => {
    expect(Object.keys(arabic).sort()).toEqual(Object.keys(english).sort());
  });

  it('keep every placeholder of the English text', () => {
    const wrong = Object.keys(english).filter((key) => JSON.stringify(placeholders(arabic[key] ?? '')) !== JSON.stringify(placeholders(english[key]!)));
    expect(wrong).toEqual([]);
  });

  it('are translated, not copied (at most a few names and numbers stay the same)', () => {
    const same = Object.keys(english).filter((key) => arabic[key] === english[key] && /[a-z]{4}/.test(english[key]!));
    expect(same.length).toBeLessThan(10);
  });
});

describe('offered locales', () => {
  it('an app offers English, the pseudo-locale and only the translations it has', () => {
    expect(offeredLocales({}).map((l) => l.code)).toEqual(['en', 'en-XA']);
    expect(offeredLocales({ ar: async () => ({}) }).map((l) => `${l.code}:${l.dir}`)).toEqual(['en:ltr', 'ar:rtl', 'en-XA:ltr']);
    // The practitioner app has no Arabic yet: ?locale=ar there means English.
    expect(initialLocale('?locale=ar', null, offeredLocales({}))).toBe('en');
    expect(initialLocale('?locale=ar', null, offeredLocales({ ar: async () => ({}) }))).toBe('ar');
  });

  it('falls back to English for a string a translation lacks', () => {
    const t = createTranslate<'a' | 'b'>('ar', { a: 'Hello {name}', b: 'Bye' }, { a: 'مرحبا {name}' });
    expect(t('a', { name: 'Sam' })).toBe('مرحبا Sam');
    expect(t('b')).toBe('Bye');
  });
});

describe('the English resource files', () => {
  it('never define one key twice: the app spreads them into one table, where a later file would win silently', async () => {
    const files = import.meta.glob<Record<string, string>>('./locales/en/*.json', { eager: true, import: 'default' });
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const [file, strings] of Object.entries(files)) {
      for (const key of Object.keys(strings)) {
        const first = seen.get(key);
        if (first) twice.push(`${key} in ${first} and ${file}`);
        else seen.set(key, file);
      }
    }
    expect(Object.keys(files).length).toBeGreaterThan(5);
    expect(twice).toEqual([]);
  });
});
