import { pseudoLocalize } from './pseudo';

/**
 * A small, typed i18n layer. Strings live in JSON resource files per locale and app
 * (locales/<locale>/<namespace>.json); code refers to them by key only. Lookups of a key that is
 * not in the English resources fail type checking; a key missing from another locale falls back to
 * English and is reported once in the console.
 */
export type Messages = Record<string, string>;

export interface LocaleInfo {
  code: string;
  /** The language's own name for itself, shown in the language menu. */
  nativeName: string;
  dir: 'ltr' | 'rtl';
}

/**
 * Locales Tandem knows. Each app offers English, the pseudo-locale (for finding untranslated
 * strings) and those it has translations for (see mountApp). Arabic is machine-written and not yet
 * reviewed by a native-speaking clinician; it is written right to left.
 */
export const locales: LocaleInfo[] = [
  { code: 'en', nativeName: 'English', dir: 'ltr' },
  { code: 'ar', nativeName: 'العربية', dir: 'rtl' },
  { code: 'en-XA', nativeName: 'Pseudo-locale (en-XA)', dir: 'ltr' },
];

/** Loads one locale's translated strings (a separate chunk, fetched only when chosen). */
export type TranslationLoaders = Readonly<Record<string, () => Promise<Messages>>>;

/** The locales an app offers: English, those it has translations for, and the pseudo-locale. */
export function offeredLocales(loaders: TranslationLoaders): LocaleInfo[] {
  return locales.filter((l) => l.code === defaultLocale || l.code === pseudoLocale || l.code in loaders);
}

export const defaultLocale = 'en';
export const pseudoLocale = 'en-XA';

export type Translate<K extends string> = (key: K, values?: Record<string, string | number>) => string;

function interpolate(template: string, values?: Record<string, string | number>): string {
  if (!values) return template;
  return template.replace(/\{([a-zA-Z0-9_]+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

/** Builds the translate function for one locale from its resources and the English fallback. */
export function createTranslate<K extends string>(
  locale: string,
  english: Record<K, string>,
  translations: Partial<Record<K, string>> = {},
): Translate<K> {
  const reported = new Set<string>();
  return (key, values) => {
    if (locale === pseudoLocale) return interpolate(pseudoLocalize(english[key] ?? key), values);
    const text = translations[key] ?? english[key];
    if (text === undefined) {
      if (!reported.has(key)) {
        reported.add(key);
        console.error(`i18n: no text for "${key}"`);
      }
      return key;
    }
    return interpolate(text, values);
  };
}

/** The locale to start with: ?locale= in the address, then the saved choice, then English. */
export function initialLocale(search: string, saved: string | null, offered: readonly LocaleInfo[] = locales): string {
  const fromUrl = new URLSearchParams(search).get('locale');
  const known = (code: string | null) => (code && offered.some((l) => l.code === code) ? code : undefined);
  return known(fromUrl) ?? known(saved) ?? defaultLocale;
}
