import { useEffect, type ReactNode } from 'react';
import { useT } from './i18n/I18nProvider';
import type { CommonKey } from './i18n/keys';
import { LanguageSwitch } from './LanguageSwitch';

/** Page landmarks both apps share: skip link, header, main, footer with the language menu. */
export function AppFrame({ title, children }: { title: string; children: ReactNode }) {
  const t = useT<CommonKey>();
  useEffect(() => {
    document.title = title;
  }, [title]);
  return (
    <>
      <a className="skip-link" href="#main">
        {t('common.skipToContent')}
      </a>
      <header className="app-header">
        <span className="app-name">{t('common.appName')}</span>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="app-footer">
        <LanguageSwitch />
      </footer>
    </>
  );
}
