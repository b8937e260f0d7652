import { useId } from 'react';
import { useLocale, useT } from './i18n/I18nProvider';
import type { CommonKey } from './i18n/keys';

/** The language menu. Language names are shown in their own language, as users look for them. */
export function LanguageSwitch() {
  const t = useT<CommonKey>();
  const { locale, offered, setLocale } = useLocale();
  const id = useId();
  return (
    <div className="language-switch">
      <label htmlFor={id}>{t('common.language')}</label>
      <select id={id} value={locale} onChange={(event) => setLocale(event.target.value)}>
        {offered.map((l) => (
          <option key={l.code} value={l.code} lang={l.code}>
            {l.nativeName}
          </option>
        ))}
      </select>
    </div>
  );
}
