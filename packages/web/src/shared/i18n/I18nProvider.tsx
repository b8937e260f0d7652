import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { createTranslate, initialLocale, locales, type Translate } from './i18n';

const storageKey = 'tandem.locale';

interface I18nValue {
  locale: string;
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

/** Provides the translate function for one app's English resources. */
export function I18nProvider<K extends string>({ english, children }: { english: Record<K, string>; children: ReactNode }) {
  const [locale, setLocaleState] = useState(() => initialLocale(window.location.search, readSaved()));
  const value = useMemo<I18nValue>(
    () => ({
      locale,
      setLocale(code) {
        try {
          window.localStorage.setItem(storageKey, code);
        } catch {
          // Storage may be unavailable (private mode); the choice then lasts for this page.
        }
        setLocaleState(code);
      },
      t: createTranslate(locale, english) as Translate<string>,
    }),
    [locale, english],
  );
  useEffect(() => {
    const info = locales.find((l) => l.code === locale);
    document.documentElement.lang = locale;
    document.documentElement.dir = info?.dir ?? 'ltr';
  }, [locale]);
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

export function useLocale(): { locale: string; setLocale(code: string): void } {
  const { locale, setLocale } = useI18n();
  return { locale, setLocale };
}
