import type { ExerciseSubmission } from '@tandem/domain';
import { formatDate } from '../shared/dates';
import { useT } from '../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../shared/i18n/keys';
import { ClientText } from './ClientExercisesText';
import { ScrollTable } from '../shared/ScrollTable';
import { byDay, inTimeOrder } from './exercise-view';

/**
 * The behavioural-activation exercises and goals, as the practitioner reads them in a session:
 * the activity diary as a small table, the planner as a list by day, goals with how far along the
 * client feels. Dates and times are the client's own, as they wrote them.
 */

const diaryColumns = ['when', 'activity', 'mood', 'achievement', 'enjoyment'] as const;

export function ActivityDiaryView({ data }: { data: ExerciseSubmission<'activity-diary'> }) {
  const t = useT<PractitionerKey>();
  return (
    <ScrollTable caption={t('practitioner.exercises.diary.caption')} columns={diaryColumns.map((column) => t(`practitioner.exercises.diary.${column}`))}>
      {inTimeOrder(data.rows).map((row, index) => (
        <tr key={index}>
          <td className="nowrap" translate="no">
            {t('common.dateTime', { date: formatDate(row.date, t), time: row.time })}
          </td>
          <td>
            <ClientText text={row.activity} />
          </td>
          <td translate="no">{row.mood}</td>
          <td translate="no">{row.achievement}</td>
          <td translate="no">{row.enjoyment}</td>
        </tr>
      ))}
    </ScrollTable>
  );
}

export function ActivityPlannerView({ data }: { data: ExerciseSubmission<'activity-planner'> }) {
  const t = useT<PractitionerKey>();
  return (
    <dl className="summary-list exercise-parts">
      {byDay(data.rows).map((day) => (
        <div key={day.date}>
          <dt translate="no">{formatDate(day.date, t)}</dt>
          <dd>
            <ul className="plain-list exercise-list">
              {day.rows.map((row, index) => (
                <li key={index}>
                  {row.time ? (
                    <span className="exercise-time" translate="no">
                      {row.time}
                    </span>
                  ) : null}
                  <ClientText text={row.activity} />
                  {row.remind ? <span className="hint-inline"> {t('practitioner.exercises.planner.reminder')}</span> : null}
                </li>
              ))}
            </ul>
          </dd>
        </div>
      ))}
    </dl>
  );
}

export function GoalsView({ data }: { data: ExerciseSubmission<'goals'> }) {
  const t = useT<PractitionerKey>();
  return (
    <ol className="plain-list exercise-list">
      {data.goals.map((goal, index) => (
        <li key={index}>
          <ClientText text={goal.text} />{' '}
          <span className="exercise-rating">{t('practitioner.exercises.goals.progress', { progress: goal.progress })}</span>
        </li>
      ))}
    </ol>
  );
}
