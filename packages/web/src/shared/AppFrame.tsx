import { useEffect, useRef, type ReactNode } from 'react';
import { useT } from './i18n/I18nProvider';
import type { CommonKey } from './i18n/keys';
import { LanguageSwitch } from './LanguageSwitch';

/** The page last shown, to move focus only when the page really changes (not on first load). */
let shownPage: string | undefined;

interface AppFrameProps {
  /** document.title; omit while loading, so the title is set once the page is known. */
  title?: string;
  /**
   * Which page this is (not shown). When it changes, focus moves to the main content so a screen
   * reader or keyboard user starts at the new page, as after a full page load. A change of
   * language keeps the same page and leaves focus alone.
   */
  page: string;
  /** Extra header content, e.g. who is signed in and "Sign out". */
  header?: ReactNode;
  /** Wider content, for tables on desktop screens. */
  wide?: boolean;
  /** Notices about the app itself (offline, a new version), above the page's own content. */
  notices?: ReactNode;
  children: ReactNode;
}

/** Page landmarks both apps share: skip link, header, main, footer with the language menu. */
export function AppFrame({ title, page, header, wide = false, notices, children }: AppFrameProps) {
  const t = useT<CommonKey>();
  const main = useRef<HTMLElement>(null);
  useEffect(() => {
    if (title !== undefined) document.title = title;
  }, [title]);
  useEffect(() => {
    if (title === undefined) return;
    if (shownPage !== undefined && shownPage !== page) main.current?.focus();
    shownPage = page;
  }, [page, title]);
  return (
    <>
      <a className="skip-link" href="#main">
        {t('common.skipToContent')}
      </a>
      <header className="app-header">
        <div className={wide ? 'app-header-inner wide' : 'app-header-inner'}>
          <span className="app-name">{t('common.appName')}</span>
          {header}
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1} className={wide ? 'wide' : undefined}>
        {notices}
        {children}
      </main>
      <footer className={wide ? 'app-footer wide' : 'app-footer'}>
        <LanguageSwitch />
      </footer>
    </>
  );
}

/** A page shown while something loads: no heading yet, and the title stays as it was. */
export function LoadingFrame({ page, wide }: { page: string; wide?: boolean }) {
  const t = useT<CommonKey>();
  return (
    <AppFrame page={page} wide={wide}>
      <p role="status">{t('common.loading')}</p>
    </AppFrame>
  );
}
