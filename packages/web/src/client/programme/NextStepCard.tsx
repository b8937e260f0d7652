import type { Programme, ProgrammeProgress } from '@tandem/domain';
import { useEffect } from 'react';
import { useLocale, useT } from '../../shared/i18n/I18nProvider';
import type { ClientKey } from '../../shared/i18n/keys';
import { LoadState } from '../../shared/LoadState';
import { Link } from '../../shared/navigation';
import { useApiGet } from '../../shared/use-api-get';
import { useKeepOpenStepsOnPhone } from './keep-on-phone';
import { stepHref } from './paths';
import { minutesText, programmeUrl } from './programme-data';

/**
 * Home's "Your next step": one step, its title and minutes, one tap to open it (BRIEF.md B2: one
 * thing, not the whole programme). When every open step is done, a kind line instead.
 */
export function NextStepCard({ version }: { version: number }) {
  const t = useT<ClientKey>();
  const { locale } = useLocale();
  const programme = useApiGet<Programme>(programmeUrl(locale));
  const progress = useApiGet<ProgrammeProgress>('/api/me/programme');
  const reloadProgress = progress.reload;
  useKeepOpenStepsOnPhone(programme.resource, progress.resource, locale);
  // Home sends what was kept on the phone when it opens; a step marked done offline then counts.
  useEffect(() => {
    if (version > 0) reloadProgress();
  }, [version, reloadProgress]);
  const failed = programme.resource.status !== 'ok' ? programme.resource : progress.resource;
  let body;
  if (programme.resource.status !== 'ok' || progress.resource.status !== 'ok') {
    body = (
      <LoadState
        resource={failed}
        onRetry={() => {
          programme.reload();
          progress.reload();
        }}
      />
    );
  } else {
    const next = progress.resource.data.nextStep;
    const module = next ? programme.resource.data.modules.find((m) => m.id === next.moduleId) : undefined;
    const step = module?.steps.find((s) => s.id === next?.stepId);
    body =
      next && module && step ? (
        <p>
          <Link className="next-step-link" href={stepHref(next.moduleId, next.stepId)}>
            <span lang={module.language} translate="no">
              {step.title}
            </span>
          </Link>
          <span className="next-step-minutes">{minutesText(next.minutes, t)}</span>
        </p>
      ) : (
        <p>{t('client.home.allStepsDone')}</p>
      );
  }
  return (
    <section className="next-step" aria-labelledby="next-step-heading">
      <h2 id="next-step-heading">{t('client.home.nextStepHeading')}</h2>
      {body}
      <p>
        <Link href="/programme">{t('client.home.programmeLink')}</Link>
      </p>
    </section>
  );
}
