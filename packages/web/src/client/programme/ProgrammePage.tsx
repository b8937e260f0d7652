import type { Me, Programme, ProgrammeModuleSummary, ProgrammeProgress } from '@tandem/domain';
import { useLocale, useT } from '../../shared/i18n/I18nProvider';
import type { ClientKey } from '../../shared/i18n/keys';
import { LoadState } from '../../shared/LoadState';
import { Link } from '../../shared/navigation';
import { useApiGet } from '../../shared/use-api-get';
import { BackHomeLink } from '../BackHomeLink';
import { ClientFrame } from '../ClientFrame';
import { useOutbox } from '../outbox/useOutbox';
import { EntriesList } from './EntriesList';
import { moduleHref } from './paths';
import { countDone, doneSteps, minutesText, programmeUrl } from './programme-data';

/** "Not yet checked by a clinician", on content without a recorded clinical review (docs/decisions/0019). */
export function ReviewMarker({ review }: { review: ProgrammeModuleSummary['review'] | boolean }) {
  const t = useT<ClientKey>();
  return review ? null : <p className="tag-unreviewed">{t('client.programme.unreviewed')}</p>;
}

function ModuleCard({ module, done, open }: { module: ProgrammeModuleSummary; done: ReadonlySet<string>; open: boolean }) {
  const t = useT<ClientKey>();
  return (
    <li className={open ? 'module-card' : 'module-card module-later'}>
      <h3 className="module-title" lang={module.language} translate="no">
        {open ? <Link href={moduleHref(module.id)}>{module.title}</Link> : module.title}
      </h3>
      <p lang={module.language} translate="no">
        {module.summary}
      </p>
      <p className="module-facts">
        {open
          ? `${t('client.programme.stepsDone', { done: countDone(module, done), total: module.steps.length })} · ${minutesText(module.minutes, t)}`
          : t('client.programme.comingLater')}
      </p>
      <ReviewMarker review={module.review} />
    </li>
  );
}

/**
 * "Your programme": the modules open now, in order, with how far the client has got; the core
 * modules still to come, named but not yet open (one module at a time, BRIEF.md B2); optional
 * modules only once the plan opens them. Then the client's own exercises.
 */
export function ProgrammePage({ me }: { me: Me }) {
  const t = useT<ClientKey>();
  const { locale } = useLocale();
  const programme = useApiGet<Programme>(programmeUrl(locale));
  const progress = useApiGet<ProgrammeProgress>('/api/me/programme');
  const outbox = useOutbox(me.actor.clientId ?? '', progress.reload);
  const ready = programme.resource.status === 'ok' && progress.resource.status === 'ok' ? { modules: programme.resource.data.modules, progress: progress.resource.data } : null;
  const done = doneSteps(ready?.progress ?? null, outbox.items);
  const open = ready ? ready.progress.openModules.flatMap((id) => ready.modules.filter((m) => m.id === id)) : [];
  const later = ready ? ready.modules.filter((m) => m.core && !ready.progress.openModules.includes(m.id)).sort((a, b) => a.order - b.order) : [];
  return (
    <ClientFrame title={t('client.title.programme')} page="programme">
      <BackHomeLink />
      <h1>{t('client.programme.heading')}</h1>
      <p>
        <Link href="/plan">{t('client.home.planLink')}</Link>
      </p>
      <LoadState resource={programme.resource.status !== 'ok' ? programme.resource : progress.resource} onRetry={() => {
          programme.reload();
          progress.reload();
        }} />
      {ready ? (
        <>
          <h2>{t('client.programme.openHeading')}</h2>
          <ul className="module-list">
            {open.map((module) => (
              <ModuleCard key={module.id} module={module} done={done} open />
            ))}
          </ul>
          {later.length ? (
            <>
              <h2>{t('client.programme.laterHeading')}</h2>
              <ul className="module-list">
                {later.map((module) => (
                  <ModuleCard key={module.id} module={module} done={done} open={false} />
                ))}
              </ul>
            </>
          ) : null}
        </>
      ) : null}
      <h2>{t('client.programme.entriesHeading')}</h2>
      <EntriesList me={me} />
    </ClientFrame>
  );
}
