import { HealthResponseSchema } from '@tandem/domain';
import { useEffect, useState } from 'react';
import { AppFrame } from '../shared/AppFrame';
import { useT } from '../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../shared/i18n/keys';

type Status = 'checking' | 'ok' | 'down';

/** The practitioner app (desktop-first, online only). Its first page, until sign-in arrives. */
export function PractitionerApp() {
  const t = useT<PractitionerKey>();
  const [status, setStatus] = useState<Status>('checking');
  useEffect(() => {
    const controller = new AbortController();
    fetch('/api/health', { signal: controller.signal, headers: { accept: 'application/json' } })
      .then(async (res) => {
        const body = HealthResponseSchema.safeParse(await res.json());
        setStatus(res.ok && body.success && body.data.database === 'ok' ? 'ok' : 'down');
      })
      .catch(() => {
        if (!controller.signal.aborted) setStatus('down');
      });
    return () => controller.abort();
  }, []);
  return (
    <AppFrame title={t('practitioner.title')}>
      <h1>{t('practitioner.home.heading')}</h1>
      <p>{t('practitioner.home.intro')}</p>
      <h2>{t('practitioner.status.heading')}</h2>
      <p role="status" data-status={status}>
        {t(`practitioner.status.${status}`)}
      </p>
    </AppFrame>
  );
}
