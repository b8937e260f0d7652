import type { Programme, ProgrammeProgress } from '@tandem/domain';
import { useLocale, useT } from '../../shared/i18n/I18nProvider';
import type { ClientKey } from '../../shared/i18n/keys';
import { LoadState } from '../../shared/LoadState';
import { Link } from '../../shared/navigation';
import type { Resource } from '../../shared/use-api-get';
import { useKeepOpenStepsOnPhone } from './keep-on-phone';
import { stepHref } from './paths';
import { minutesText } from './programme-data';

/**
 * Home's "Your next step": one step, its title and minutes, one tap to open it (BRIEF.md B2: one
 * thing, not the whole programme). When every open step is done, a kind line instead. Home reads
 * the programme (which the homework card shares) and the progress, and `onRetry` reads both again.
 */
export function NextStepCard({ programme, progress, onRetry }: { programme: Resource<Programme>; progress: Resource<ProgrammeProgress>; onRetry(): void }) {
  const t = useT<ClientKey>();
  const { locale } = useLocale();
  useKeepOpenStepsOnPhone(programme, progress, locale);
  let body;
  if (programme.status !== 'ok' || progress.status !== 'ok') {
    body = <LoadState resource={programme.status !== 'ok' ? programme : progress} onRetry={onRetry} />;
  } else {
    const next = progress.data.nextStep;
    const module = next ? programme.data.modules.find((m) => m.id === next.moduleId) : undefined;
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
