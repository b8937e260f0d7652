import type { TwoStepStatus } from '@tandem/domain';
import { useT } from '../../shared/i18n/I18nProvider';
import type { ClientKey } from '../../shared/i18n/keys';
import { LoadState } from '../../shared/LoadState';
import { Link } from '../../shared/navigation';
import { useApiGet } from '../../shared/use-api-get';
import { twoStepPaths } from './TwoStepPage';

/** Fewer recovery codes than this left: suggest making new ones. Tandem's own choice. */
const fewCodesLeft = 3;

/**
 * "Two-step sign-in (optional)" in Your choices: what it is, whether it is on, and the ways to turn
 * it on, make new recovery codes and turn it off (each on its own page).
 */
export function TwoStepSection() {
  const t = useT<ClientKey>();
  const { resource, reload } = useApiGet<TwoStepStatus>('/api/auth/mfa');
  return (
    <section aria-labelledby="two-step-heading">
      <h2 id="two-step-heading">{t('client.twoStep.heading')}</h2>
      <p>{t('client.twoStep.intro')}</p>
      <LoadState resource={resource} onRetry={reload} />
      {resource.status === 'ok' && !resource.data.enrolled ? (
        <>
          <p>{t('client.twoStep.off')}</p>
          <p>
            <Link className="button" href={twoStepPaths.on}>
              {t('client.twoStep.turnOn')}
            </Link>
          </p>
        </>
      ) : null}
      {resource.status === 'ok' && resource.data.enrolled ? (
        <>
          <p>{t('client.twoStep.on')}</p>
          <p>{t('client.twoStep.codesLeft', { count: String(resource.data.recoveryCodesLeft) })}</p>
          {resource.data.recoveryCodesLeft < fewCodesLeft ? <p>{t('client.twoStep.fewCodes')}</p> : null}
          <p>
            <Link href={twoStepPaths.newCodes}>{t('client.twoStep.newCodesLink')}</Link>
          </p>
          <p>
            <Link href={twoStepPaths.off}>{t('client.twoStep.turnOffLink')}</Link>
          </p>
        </>
      ) : null}
    </section>
  );
}
