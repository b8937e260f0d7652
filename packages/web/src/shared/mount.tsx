import { StrictMode, type ComponentType } from 'react';
import { createRoot } from 'react-dom/client';
import type { TranslationLoaders } from './i18n/i18n';
import { I18nProvider } from './i18n/I18nProvider';
import './styles.css';

/** Mounts one app into #root with its English resources and the translations it offers. */
export function mountApp(english: Record<string, string>, App: ComponentType, translations: TranslationLoaders = {}) {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <I18nProvider english={english} translations={translations}>
        <App />
      </I18nProvider>
    </StrictMode>,
  );
}
