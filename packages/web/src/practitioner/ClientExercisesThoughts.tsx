import type { ExerciseSubmission } from '@tandem/domain';
import { useT } from '../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../shared/i18n/keys';
import { ClientList, ClientText, EntryParts } from './ClientExercisesText';
import { ScrollTable } from '../shared/ScrollTable';
import { feelingChanges } from './exercise-view';

/**
 * The written exercises, each part under the label the client saw: the thought record (with how
 * strong each feeling was before and after, side by side), problem solving (the idea the client
 * chose marked) and the staying-well plan.
 */

export function ThoughtRecordView({ data }: { data: ExerciseSubmission<'thought-record'> }) {
  const t = useT<PractitionerKey>();
  const text = (key: 'situation' | 'automaticThought' | 'evidenceFor' | 'evidenceAgainst' | 'balancedThought') => ({
    key,
    label: t(`practitioner.exercises.thought.${key}`),
    value: <ClientText text={data[key]} />,
  });
  return (
    <>
      <EntryParts parts={[text('situation'), text('automaticThought'), text('evidenceFor'), text('evidenceAgainst'), text('balancedThought')]} />
      <FeelingsTable data={data} />
    </>
  );
}

const feelingColumns = ['feeling', 'before', 'after'] as const;

function FeelingsTable({ data }: { data: ExerciseSubmission<'thought-record'> }) {
  const t = useT<PractitionerKey>();
  const strength = (value: number | null) => (value === null ? t('practitioner.exercises.thought.notRated') : t('practitioner.exercises.thought.percent', { value }));
  return (
    <ScrollTable caption={t('practitioner.exercises.thought.feelings')} columns={feelingColumns.map((column) => t(`practitioner.exercises.thought.${column}`))}>
      {feelingChanges(data.feelings, data.feelingsAfter).map((row) => (
        <tr key={row.name}>
          <th scope="row">
            <ClientText text={row.name} />
          </th>
          <td>{strength(row.before)}</td>
          <td>{strength(row.after)}</td>
        </tr>
      ))}
    </ScrollTable>
  );
}

export function ProblemSolvingView({ data }: { data: ExerciseSubmission<'problem-solving'> }) {
  const t = useT<PractitionerKey>();
  const ideas = (
    <ol className="plain-list exercise-list">
      {data.options.map((option, index) => (
        <li key={index} className={index === data.chosen ? 'exercise-chosen' : undefined}>
          <ClientText text={option.idea} />
          {index === data.chosen ? <strong className="tag tag-chosen">{t('practitioner.exercises.problem.chosen')}</strong> : null}
          <span className="exercise-detail">
            {t('practitioner.exercises.problem.pros')} <ClientText text={option.pros} />
          </span>
          <span className="exercise-detail">
            {t('practitioner.exercises.problem.cons')} <ClientText text={option.cons} />
          </span>
        </li>
      ))}
    </ol>
  );
  return (
    <EntryParts
      parts={[
        { key: 'problem', label: t('practitioner.exercises.problem.problem'), value: <ClientText text={data.problem} /> },
        { key: 'ideas', label: t('practitioner.exercises.problem.ideas'), value: ideas },
        ...(data.chosen === null ? [{ key: 'none', label: t('practitioner.exercises.problem.chosen'), value: t('practitioner.exercises.problem.noneChosen') }] : []),
        { key: 'plan', label: t('practitioner.exercises.problem.plan'), value: <ClientText text={data.plan} /> },
        { key: 'review', label: t('practitioner.exercises.problem.review'), value: <ClientText text={data.review} /> },
      ]}
    />
  );
}

export function StayingWellView({ data }: { data: ExerciseSubmission<'relapse-prevention-plan'> }) {
  const t = useT<PractitionerKey>();
  const list = (key: 'whatHelped' | 'warningSigns' | 'whatToDo') => ({ key, label: t(`practitioner.exercises.plan.${key}`), value: <ClientList items={data[key]} /> });
  const people = data.people.length ? (
    <ul className="plain-list exercise-list">
      {data.people.map((person, index) => (
        <li key={index}>
          <ClientText text={person.name} />
          {person.how.trim() ? (
            <span className="exercise-detail">
              <ClientText text={person.how} />
            </span>
          ) : null}
        </li>
      ))}
    </ul>
  ) : (
    <ClientText text="" />
  );
  return <EntryParts parts={[list('whatHelped'), list('warningSigns'), list('whatToDo'), { key: 'people', label: t('practitioner.exercises.plan.people'), value: people }]} />;
}
