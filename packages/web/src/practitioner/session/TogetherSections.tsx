import { localDate, type TogetherView } from '@tandem/domain';
import { formatDateTime } from '../../shared/dates';
import { useT } from '../../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../../shared/i18n/keys';
import { ExerciseEntryView } from '../ExerciseEntryView';
import { componentLabel } from '../plan/plan-words';
import { longDate, longDateTime } from './session-words';

/**
 * What the practitioner and the client look at together (decision 0023): since the last session,
 * the homework to go through, today's questionnaires, the plan's step for today and the client's
 * own "things I want to talk about", each with a "Discussed" tick. Only the client's own data, in
 * words they can read on the screen with the practitioner; no notes.
 */
export function TogetherSections({ together, timeZone, discussed, onDiscussed, locked }: {
  together: TogetherView;
  timeZone: string;
  discussed: ReadonlySet<string>;
  onDiscussed(id: string, on: boolean): void;
  locked: boolean;
}) {
  const t = useT<PractitionerKey>();
  const since = together.sinceLastSession;
  const sinceDate = longDate(t, localDate(new Date(since.from), timeZone));
  const homework = together.homeworkToReview;
  return (
    <>
      <p className="hint">{t('practitioner.session.when', { when: longDateTime(t, together.appointment.startsAt, timeZone), minutes: together.appointment.durationMinutes })}</p>

      <section className="together-part" aria-labelledby="together-agenda">
        <h2 id="together-agenda">{t('practitioner.session.agendaHeading')}</h2>
        {together.agenda.length ? (
          <ul className="plain-list together-agenda">
            {together.agenda.map((item) => (
              <li key={item.id} className="field checkbox">
                <input id={`discussed-${item.id}`} type="checkbox" checked={discussed.has(item.id)} disabled={locked} onChange={(event) => onDiscussed(item.id, event.target.checked)} />
                <div>
                  <q translate="no" dir="auto">
                    {item.text}
                  </q>
                  <p className="hint">
                    <label htmlFor={`discussed-${item.id}`}>{t('practitioner.session.discussed')}</label>
                  </p>
                </div>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('practitioner.session.agendaNone')}</p>
        )}
      </section>

      <section className="together-part" aria-labelledby="together-since">
        <h2 id="together-since">{t('practitioner.session.sinceHeading', { date: sinceDate })}</h2>
        <ul className="plain-list">
          <li>
            {since.checkIns.count
              ? t('practitioner.session.checkIns', { count: since.checkIns.count, mean: since.checkIns.mean ?? 0, lowest: since.checkIns.lowest ?? 0 })
              : t('practitioner.session.checkInsNone')}
          </li>
          <li>{since.stepsDone.length ? t('practitioner.session.stepsDone', { count: since.stepsDone.length }) : t('practitioner.session.stepsNone')}</li>
          {since.privateEntries ? <li>{t('practitioner.session.privateEntries', { count: since.privateEntries })}</li> : null}
          {since.questionnaires.map((q) => (
            <li key={`${q.instrument} ${q.authoredAt}`}>
              {t('practitioner.session.questionnaire', { name: t(`practitioner.measures.short.${q.instrument}`), total: q.total, band: t(`practitioner.band.${q.band}`) })}
            </li>
          ))}
        </ul>
        {since.stepsDone.length ? (
          <ul className="together-steps">
            {since.stepsDone.map((s) => (
              <li key={`${s.moduleId}/${s.stepId}`} translate="no">
                {s.title}
              </li>
            ))}
          </ul>
        ) : null}
        {since.entries.length ? (
          <>
            <h3>{t('practitioner.session.entriesHeading')}</h3>
            <ul className="together-steps">
              {since.entries.map((e) => (
                <li key={e.id}>
                  <span translate="no">{e.title}</span> <span className="hint-inline">{formatDateTime(e.submittedAt, timeZone, t)}</span>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      <section className="together-part" aria-labelledby="together-homework">
        <h2 id="together-homework">{t('practitioner.session.homeworkHeading')}</h2>
        {homework ? (
          <ul className="plain-list together-homework">
            {homework.items.map((item) => (
              <li key={`${item.kind} ${item.moduleId} ${item.stepId ?? item.exerciseId}`}>
                <strong translate="no">{item.title}</strong> <span className={item.done ? 'tag tag-done' : 'tag tag-todo'}>{item.done ? t('practitioner.homework.done') : t('practitioner.homework.notDone')}</span>
                {item.entries.map((entry, index) =>
                  entry.shared && entry.data && entry.id ? (
                    <div className="together-entry" key={entry.id}>
                      <ExerciseEntryView exercise={entry.exercise} data={entry.data} />
                    </div>
                  ) : (
                    <p className="hint" key={entry.id ?? index}>
                      {t('practitioner.session.privateEntry')}
                    </p>
                  ),
                )}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('practitioner.session.homeworkNone')}</p>
        )}
      </section>

      <section className="together-part" aria-labelledby="together-measures">
        <h2 id="together-measures">{t('practitioner.session.measuresHeading')}</h2>
        {together.measuresToday.length ? (
          <ul className="plain-list">
            {together.measuresToday.map((m) => (
              <li key={m.instrument}>
                {m.status === 'done' && m.total !== null
                  ? t('practitioner.session.measureDone', { name: t(`practitioner.measures.short.${m.instrument}`), total: m.total, band: m.band ? t(`practitioner.band.${m.band}`) : '' })
                  : t('practitioner.session.measureDue', { name: t(`practitioner.measures.short.${m.instrument}`) })}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('practitioner.session.measuresNone')}</p>
        )}
      </section>

      <section className="together-part" aria-labelledby="together-step">
        <h2 id="together-step">{t('practitioner.session.stepHeading')}</h2>
        {together.planStepForToday ? (
          <p>
            <strong>{componentLabel(t, together.planStepForToday.component)}</strong>{' '}
            <span translate="no" dir="auto">
              {together.planStepForToday.purpose}
            </span>
          </p>
        ) : (
          <p>{t('practitioner.session.stepNone')}</p>
        )}
      </section>
    </>
  );
}

