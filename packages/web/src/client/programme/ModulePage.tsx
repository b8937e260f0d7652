import type { Me } from '@tandem/domain';
import { useT } from '../../shared/i18n/I18nProvider';
import type { ClientKey } from '../../shared/i18n/keys';
import { LoadState } from '../../shared/LoadState';
import { Link } from '../../shared/navigation';
import { ClientFrame } from '../ClientFrame';
import { NotOpen, ProgrammeBackLink } from './NotOpen';
import { stepHref } from './paths';
import { minutesText } from './programme-data';
import { ReviewMarker } from './ProgrammePage';
import { useProgramme } from './use-programme';

/** One module: its steps in order, each with its minutes and a tick once done. */
export function ModulePage({ me, moduleId }: { me: Me; moduleId: string }) {
  const t = useT<ClientKey>();
  const { view, failed, retry } = useProgramme(me, moduleId);
  if (!view) {
    return (
      <ClientFrame page="module-loading">
        <LoadState resource={failed} onRetry={retry} />
      </ClientFrame>
    );
  }
  const { module, done } = view;
  if (!module || !view.isOpen) return <NotOpen />;
  return (
    <ClientFrame title={t('client.title.programmePart', { title: module.title })} page="module">
      <ProgrammeBackLink />
      <h1 lang={module.language} translate="no">
        {module.title}
      </h1>
      <p lang={module.language} translate="no">
        {module.summary}
      </p>
      <ReviewMarker review={module.review} />
      <ol className="step-index">
        {module.steps.map((step) => {
          const isDone = done.has(`${module.id}/${step.id}`);
          return (
            <li key={step.id} className={isDone ? 'step-done' : undefined}>
              <Link href={stepHref(module.id, step.id)}>
                <span lang={module.language} translate="no">
                  {step.title}
                </span>
              </Link>
              <span className="step-facts">
                {isDone ? <span className="step-tick">{t('client.programme.stepDone')}</span> : null}
                <span>{minutesText(step.minutes, t)}</span>
              </span>
            </li>
          );
        })}
      </ol>
    </ClientFrame>
  );
}
