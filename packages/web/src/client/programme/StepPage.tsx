import type { Me, StepContent } from '@tandem/domain';
import { useState } from 'react';
import { useLocale, useT } from '../../shared/i18n/I18nProvider';
import type { ClientKey } from '../../shared/i18n/keys';
import { LoadState } from '../../shared/LoadState';
import { Link } from '../../shared/navigation';
import { useApiGet } from '../../shared/use-api-get';
import { ClientFrame } from '../ClientFrame';
import { Markdown } from './Markdown';
import { NotOpen, ProgrammeBackLink } from './NotOpen';
import { exerciseHref, moduleHref, stepHref } from './paths';
import { minutesText, stepDoneItem, stepUrl } from './programme-data';
import { ReviewMarker } from './ProgrammePage';
import { useProgramme, type ProgrammeView } from './use-programme';

/** The steps before and after this one, across the modules open now, in order. */
function neighbours(view: ProgrammeView, moduleId: string, stepId: string) {
  const all = view.progress.openModules.flatMap((id) => view.modules.filter((m) => m.id === id)).flatMap((m) => m.steps.map((s) => ({ moduleId: m.id, stepId: s.id })));
  const at = all.findIndex((s) => s.moduleId === moduleId && s.stepId === stepId);
  return { previous: at > 0 ? all[at - 1]! : null, next: at >= 0 ? (all[at + 1] ?? null) : null };
}

/**
 * One step: its text (rendered from the small Markdown, never as HTML), its minutes, the exercise
 * it opens, and "I've read this" or "Done", which goes through the outbox so it works offline.
 * After care ends the text stays readable; nothing new is offered.
 */
export function StepPage({ me, moduleId, stepId }: { me: Me; moduleId: string; stepId: string }) {
  const t = useT<ClientKey>();
  const { locale } = useLocale();
  const inCare = me.care?.status !== 'ended';
  const step = useApiGet<StepContent>(stepUrl(moduleId, stepId, locale));
  const { view, failed, retry, outbox, reloadProgress } = useProgramme(me, moduleId);
  const [justDone, setJustDone] = useState<'sent' | 'kept' | null>(null);
  if (step.resource.status !== 'ok' || !view) {
    return (
      <ClientFrame page="step-loading">
        <LoadState resource={step.resource.status !== 'ok' ? step.resource : failed} onRetry={() => {
            step.reload();
            retry();
          }} />
      </ClientFrame>
    );
  }
  if (!view.isOpen) return <NotOpen />;
  const content = step.resource.data;
  const isDone = view.done.has(`${moduleId}/${stepId}`);
  const { previous, next } = neighbours(view, moduleId, stepId);
  const markDone = async () => {
    await outbox.add(stepDoneItem(moduleId, stepId, content.version));
    const { stop } = await outbox.send();
    setJustDone(stop === 'done' ? 'sent' : 'kept');
    reloadProgress();
  };
  return (
    <ClientFrame title={t('client.title.programmePart', { title: content.title })} page="step">
      <ProgrammeBackLink href={moduleHref(moduleId)} label={view.module ? t('client.programme.backTo', { title: view.module.title }) : undefined} />
      <article lang={content.language} translate="no" className="step-text">
        <h1>{content.title}</h1>
        <p className="step-minutes">{minutesText(content.minutes, t)}</p>
        {content.translation === 'machine-unreviewed' ? <p className="tag-unreviewed">{t('client.programme.machineTranslation')}</p> : null}
        <ReviewMarker review={content.reviewed} />
        <Markdown markdown={content.markdown} />
      </article>
      {inCare && content.exercise ? (
        <p>
          <Link className="button" href={exerciseHref(moduleId, stepId)}>
            {t(`client.exercise.open.${content.exercise}`)}
          </Link>
        </p>
      ) : null}
      <div role="status" className="step-done-status">
        {isDone ? t(justDone === 'kept' ? 'client.programme.doneKept' : 'client.programme.doneSaved') : ''}
      </div>
      {inCare && !isDone ? (
        <button type="button" className="button button-secondary" onClick={() => void markDone()}>
          {t(content.exercise ? 'client.programme.done' : 'client.programme.read')}
        </button>
      ) : null}
      <nav className="step-nav" aria-label={t('client.programme.stepsNav')}>
        {previous ? <Link href={stepHref(previous.moduleId, previous.stepId)}>{t('client.programme.previous')}</Link> : null}
        {next ? (
          <Link className={isDone ? 'button' : undefined} href={stepHref(next.moduleId, next.stepId)}>
            {t('client.programme.next')}
          </Link>
        ) : null}
      </nav>
    </ClientFrame>
  );
}
