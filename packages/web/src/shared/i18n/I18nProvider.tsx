import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { createTranslate, defaultLocale, initialLocale, offeredLocales, pseudoLocale, type LocaleInfo, type Messages, type TranslationLoaders, type Translate } from './i18n';

const storageKey = 'tandem.locale';

interface I18nValue {
  locale: string;
  offered: LocaleInfo[];
  setLocale(code: string): void;
  t: Translate<string>;
}

const I18nContext = createContext<I18nValue | undefined>(undefined);

function readSaved(): string | null {
  try {
    return window.localStorage.getItem(storageKey);
  } catch {
    return null;
  }
}

/**
 * Provides the translate function for one app's English resources and, for another language, its
 * translations loaded when chosen. Until they arrive the page stays in English (never blank), and a
 * string missing from a translation falls back to English.
 */
export function I18nProvider<K extends string>({ english, translations = {}, children }: { english: Record<K, string>; translations?: TranslationLoaders; children: ReactNode }) {
  const offered = useMemo(() => offeredLocales(translations), [translations]);
  const [locale, setLocaleState] = useState(() => initialLocale(window.location.search, readSaved(), offered));
  const [loaded, setLoaded] = useState<{ locale: string; messages: Messages } | null>(null);
  useEffect(() => {
    const load = translations[locale];
    if (!load || locale === defaultLocale || locale === pseudoLocale) return;
    let current = true;
    load()
      .then((messages) => {
        if (current) setLoaded({ locale, messages });
      })
      .catch(() => {
        // Offline before the translation was ever fetched: English until it can be.
      });
    return () => {
      current = false;
    };
  }, [locale, translations]);
  const ready = loaded?.locale === locale ? loaded.messages : null;
  // The page's language and direction follow the strings actually shown.
  const shown = translations[locale] && !ready ? defaultLocale : locale;
  const value = useMemo<I18nValue>(
    () => ({
      locale,
      offered,
      setLocale(code) {
        try {
          window.localStorage.setItem(storageKey, code);
        } catch {
          // Storage may be unavailable (private mode); the choice then lasts for this page.
        }
        setLocaleState(code);
      },
      t: createTranslate(shown, english, (ready ?? {}) as Partial<Record<K, string>>) as Translate<string>,
    }),
    [locale, offered, shown, english, ready],
  );
  useEffect(() => {
    const info = offered.find((l) => l.code === shown);
    document.documentElement.lang = shown;
    document.documentElement.dir = info?.dir ?? 'ltr';
  }, [shown, offered]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}

/** The translate function, typed to the app's keys. */
export function useT<K extends string>(): Translate<K> {
  return useI18n().t as Translate<K>;
}

export function useLocale(): { locale: string; offered: LocaleInfo[]; setLocale(code: string): void } {
  const { locale, offered, setLocale } = useI18n();
  return { locale, offered, setLocale };
}
