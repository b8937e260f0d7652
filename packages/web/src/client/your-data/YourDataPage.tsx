import { useEffect, useState } from 'react';
import { useT } from '../../shared/i18n/I18nProvider';
import type { ClientKey } from '../../shared/i18n/keys';
import { BackToChoicesLink } from '../consent/BackToChoicesLink';
import { ClientFrame } from '../ClientFrame';
import { downloadOwnData, type DownloadResult } from './download';

/** Whether the phone says it is online, kept up to date. */
function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  return online;
}

const resultWords = {
  done: 'client.yourData.done',
  offline: 'client.yourData.offline',
  failed: 'client.yourData.failed',
} as const satisfies Record<DownloadResult, ClientKey>;

/**
 * "Your data" (opened from Your choices): the client downloads a copy of what Tandem keeps about
 * them, as a page to read or a file for other apps (UK GDPR Art. 15; decision 0042). Some
 * clinical records are given on request after a review: the page says so, kindly.
 */
export function YourDataPage() {
  const t = useT<ClientKey>();
  const online = useOnline();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<DownloadResult | null>(null);
  const download = async (path: '/api/me/data' | '/api/me/data.html', fileName: string) => {
    setBusy(true);
    setResult(null);
    setResult(await downloadOwnData(path, fileName));
    setBusy(false);
  };
  return (
    <ClientFrame title={t('client.title.yourData')} page="your-data">
      <BackToChoicesLink />
      <h1>{t('client.yourData.heading')}</h1>
      <p>{t('client.yourData.intro')}</p>
      {!online ? (
        <p className="notice" role="status">
          {t('client.yourData.offline')}
        </p>
      ) : null}
      {result ? (
        <p className={result === 'done' ? 'notice notice-success' : 'notice'} role={result === 'done' ? 'status' : 'alert'}>
          {t(resultWords[result])}
        </p>
      ) : null}
      <h2>{t('client.yourData.readHeading')}</h2>
      <p>{t('client.yourData.readHint')}</p>
      <p>
        <button type="button" className="button" disabled={busy || !online} onClick={() => void download('/api/me/data.html', 'tandem-my-data.html')}>
          {t('client.yourData.readButton')}
        </button>
      </p>
      <h2>{t('client.yourData.fileHeading')}</h2>
      <p>{t('client.yourData.fileHint')}</p>
      <p>
        <button type="button" className="button button-secondary" disabled={busy || !online} onClick={() => void download('/api/me/data', 'tandem-my-data.json')}>
          {t('client.yourData.fileButton')}
        </button>
      </p>
      <h2>{t('client.yourData.notesHeading')}</h2>
      <p>{t('client.yourData.notes')}</p>
      <p>{t('client.yourData.keepSafe')}</p>
    </ClientFrame>
  );
}
