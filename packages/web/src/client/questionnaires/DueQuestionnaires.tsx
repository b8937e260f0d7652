import { instruments, type DueQuestionnaire, type InstrumentId } from '@tandem/domain';
import { useLocale, useT } from '../../shared/i18n/I18nProvider';
import type { ClientKey } from '../../shared/i18n/keys';
import { Link } from '../../shared/navigation';
import type { Resource } from '../../shared/use-api-get';
import type { OutboxItem } from '../outbox/outbox';
import { dayInWords, timeInWords } from '../when-seen';
import { questionnaireHref } from './paths';
import { carryOn, isWaitingToSend } from './saved-answers';

/** What each questionnaire is about, in plain words (the instruments' names are clinical). */
export const questionnaireNames: Record<InstrumentId, ClientKey> = {
  phq9: 'client.questionnaire.name.phq9',
  gad7: 'client.questionnaire.name.gad7',
  wsas: 'client.questionnaire.name.wsas',
};

/**
 * On the home page: the questionnaires due before the next sessions, grouped by session —
 * "Before your session on Tuesday 10 March at 10:30", then a link for each, and how far the
 * client got if they started. Nothing is shown when none is due (or the list cannot be read:
 * the rest of the home page stays calm).
 */
export function DueQuestionnaires({ due: resource, timeZone, waiting }: { due: Resource<{ due: DueQuestionnaire[] }>; timeZone: string; waiting: readonly OutboxItem[] }) {
  const t = useT<ClientKey>();
  const { locale } = useLocale();
  if (resource.status !== 'ok' || !resource.data.due.length) return null;
  const sessions = new Map<string, DueQuestionnaire[]>();
  for (const due of resource.data.due) {
    const key = `${due.appointmentId ?? ''}|${due.dueBy ?? ''}`;
    sessions.set(key, [...(sessions.get(key) ?? []), due]);
  }
  return (
    <section className="due-questionnaires" aria-labelledby="due-questionnaires-heading">
      <h2 id="due-questionnaires-heading">{t('client.home.dueHeading')}</h2>
      <p>{t('client.home.dueIntro')}</p>
      {[...sessions.values()].map((group) => {
        const dueBy = group[0]!.dueBy ? new Date(group[0]!.dueBy) : null;
        return (
          <div className="due-session" key={`${group[0]!.appointmentId}`}>
            <h3 className="due-session-heading">
              {dueBy
                ? t('client.home.dueBefore', { day: dayInWords(dueBy, timeZone, locale), time: timeInWords(dueBy, timeZone) })
                : t('client.home.dueNow')}
            </h3>
            <ul className="due-list">
              {group.map((due) => {
                const total = instruments[due.instrumentId].items.length;
                const answered = Object.keys(carryOn(due, waiting, () => '').answers).length;
                const kept = isWaitingToSend(waiting, due);
                return (
                  <li key={due.instrumentId}>
                    {kept ? (
                      <>
                        <span className="due-name">{t(questionnaireNames[due.instrumentId])}</span>
                        <span className="due-state">{t('client.home.dueKept')}</span>
                      </>
                    ) : (
                      <>
                        <Link href={questionnaireHref(due.appointmentId, due.instrumentId)}>{t(questionnaireNames[due.instrumentId])}</Link>
                        <span className="due-state">
                          {answered > 0 ? t('client.home.dueProgress', { answered, total }) : t('client.home.dueLength', { total })}
                        </span>
                      </>
                    )}
                  </li>
                );
              })}
            </ul>
          </div>
        );
      })}
    </section>
  );
}
