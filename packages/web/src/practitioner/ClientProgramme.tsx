import type { Programme, ProgrammeProgress } from '@tandem/domain';
import { formatDateTime } from '../shared/dates';
import { useT } from '../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../shared/i18n/keys';
import { LoadState } from '../shared/LoadState';
import { useApiGet, type Resource } from '../shared/use-api-get';
import { summariseProgress } from './exercise-progress';

/** The programme's titles, loaded once by the client page. */
type Loaded = { resource: Resource<Programme>; reload(): void };

/** Both loads as one: the first failure, else loading until both are there. */
function together<A, B>(a: Resource<A>, b: Resource<B>): Resource<[A, B]> {
  if (a.status === 'error') return a;
  if (b.status === 'error') return b;
  if (a.status === 'loading' || b.status === 'loading') return { status: 'loading' };
  return { status: 'ok', data: [a.data, b.data] };
}

/**
 * The client's online work in one glance (BRIEF.md, V3: where they are and what is next): the
 * module they are on, steps done of total, their next step, when they last finished a step and
 * the modules finished.
 */
export function ClientProgramme({ clientId, timeZone, programme }: { clientId: string; timeZone: string; programme: Loaded }) {
  const t = useT<PractitionerKey>();
  const progress = useApiGet<ProgrammeProgress>(`/api/clients/${encodeURIComponent(clientId)}/programme`);
  const both = together(progress.resource, programme.resource);
  const summary = both.status === 'ok' ? summariseProgress(both.data[0], both.data[1].modules) : null;
  return (
    <section aria-labelledby="client-programme-heading">
      <h2 id="client-programme-heading">{t('practitioner.programme.heading')}</h2>
      <LoadState
        resource={both}
        onRetry={() => {
          if (progress.resource.status === 'error') progress.reload();
          if (programme.resource.status === 'error') programme.reload();
        }}
      />
      {summary ? (
        <dl className="summary-list">
          <div>
            <dt>{t('practitioner.programme.current')}</dt>
            <dd>{summary.current ? t('practitioner.programme.currentText', summary.current) : t('practitioner.programme.allDone')}</dd>
          </div>
          <div>
            <dt>{t('practitioner.programme.next')}</dt>
            <dd>{summary.next ? t('practitioner.programme.nextText', summary.next) : t('practitioner.programme.noNext')}</dd>
          </div>
          <div>
            <dt>{t('practitioner.programme.last')}</dt>
            <dd>{summary.last ? t('practitioner.programme.lastText', { ...summary.last, at: formatDateTime(summary.last.at, timeZone, t) }) : t('practitioner.programme.noneYet')}</dd>
          </div>
          <div>
            <dt>{t('practitioner.programme.finished')}</dt>
            <dd>{summary.finished.length ? summary.finished.join(', ') : t('practitioner.programme.noneFinished')}</dd>
          </div>
        </dl>
      ) : null}
    </section>
  );
}
