import { StrictMode, type ComponentType } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider } from './i18n/I18nProvider';
import './styles.css';

/** Mounts one app into #root with its English resources. */
export function mountApp(english: Record<string, string>, App: ComponentType) {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <I18nProvider english={english}>
        <App />
      </I18nProvider>
    </StrictMode>,
  );
}
