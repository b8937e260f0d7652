import { useId } from 'react';
import { locales } from './i18n/i18n';
import { useLocale, useT } from './i18n/I18nProvider';
import type { CommonKey } from './i18n/keys';

/** The language menu. Language names are shown in their own language, as users look for them. */
export function LanguageSwitch() {
  const t = useT<CommonKey>();
  const { locale, setLocale } = useLocale();
  const id = useId();
  return (
    <div className="language-switch">
      <label htmlFor={id}>{t('common.language')}</label>
      <select id={id} value={locale} onChange={(event) => setLocale(event.target.value)}>
        {locales.map((l) => (
          <option key={l.code} value={l.code} lang={l.code}>
            {l.nativeName}
          </option>
        ))}
      </select>
    </div>
  );
}
