import type { PlanHistory as History } from '@tandem/domain';
import { formatDateTime } from '../../shared/dates';
import type { Translate } from '../../shared/i18n/i18n';
import { useT } from '../../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../../shared/i18n/keys';
import { LoadState } from '../../shared/LoadState';
import type { Resource } from '../../shared/use-api-get';
import { describePlanChange, type PlanChangeItem } from './plan-changes';
import { stepTitle, type ModuleTitles } from './plan-words';

type T = Translate<PractitionerKey>;

/** One thing an edit did, in words: "Moved Online: Getting active from step 4 to step 3". */
function itemWords(t: T, item: PlanChangeItem, modules: ModuleTitles): string {
  const title = stepTitle(t, item.step, modules);
  switch (item.kind) {
    case 'added':
      return t('practitioner.plan.history.added', { position: item.position, title });
    case 'repeated':
      return t('practitioner.plan.history.repeated', { position: item.position, of: item.of, title });
    case 'removed':
      return t('practitioner.plan.history.removed', { position: item.position, title });
    case 'moved':
      return t('practitioner.plan.history.moved', { from: item.from, to: item.to, title });
    case 'changed':
      return t('practitioner.plan.history.changed', { position: item.position, title, fields: item.fields.map((f) => t(`practitioner.plan.field.${f}`)).join(', ') });
  }
}

/**
 * Every version of the plan, newest first: when, who, why, and what changed in words (added,
 * removed, moved, changed). The reason is the editor's own words, shown as written.
 */
export function PlanHistory({ history, onRetry, modules, names, timeZone }: {
  history: Resource<History>;
  onRetry(): void;
  modules: ModuleTitles;
  names: ReadonlyMap<string, string>;
  timeZone: string;
}) {
  const t = useT<PractitionerKey>();
  const who = (id: string | null) => (id ? t('practitioner.history.by', { name: names.get(id) ?? t('practitioner.episodes.unknownPractitioner') }) : t('practitioner.history.bySystem'));
  return (
    <section aria-labelledby="plan-history-heading">
      <h2 id="plan-history-heading">{t('practitioner.plan.historyHeading')}</h2>
      <LoadState resource={history} onRetry={onRetry} />
      {history.status === 'ok' ? (
        <ol className="plan-history" reversed>
          {[...history.data.changes].reverse().map((change) => (
            <li key={change.version}>
              <p className="plan-history-line">
                <span className="history-when" translate="no">
                  {formatDateTime(change.at, timeZone, t)}
                </span>{' '}
                <span className="history-what">{change.kind === 'created' ? t('practitioner.plan.history.created') : t('practitioner.plan.history.edited', { version: change.version })}</span>{' '}
                <span className="history-who">{who(change.byStaffId)}</span>
              </p>
              {change.kind === 'edited' && change.reason ? (
                <p className="history-reason">
                  {t('practitioner.plan.history.why')}{' '}
                  <q translate="no" dir="auto">
                    {change.reason}
                  </q>
                </p>
              ) : null}
              {change.stepsBefore ? (
                <ul className="plain-list">
                  {describePlanChange(change.stepsBefore, change.stepsAfter).map((item, i) => (
                    <li key={i}>{itemWords(t, item, modules)}</li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
