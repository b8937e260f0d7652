import type { ExerciseId, ExerciseSubmission } from '@tandem/domain';
import type { ReactNode } from 'react';
import { useT } from '../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../shared/i18n/keys';
import { ActivityDiaryView, ActivityPlannerView, GoalsView } from './ClientExercisesActivities';
import { ProblemSolvingView, StayingWellView, ThoughtRecordView } from './ClientExercisesThoughts';
import { readSubmission } from './exercise-view';

/** How each exercise is shown: a table, a list by day, labelled parts… */
const views: { [E in ExerciseId]: (props: { data: ExerciseSubmission<E> }) => ReactNode } = {
  'activity-diary': ActivityDiaryView,
  'activity-planner': ActivityPlannerView,
  'thought-record': ThoughtRecordView,
  'problem-solving': ProblemSolvingView,
  'relapse-prevention-plan': StayingWellView,
  goals: GoalsView,
};

/**
 * A shared entry's last submission, rendered for its exercise. Data that does not fit the
 * exercise's form is said to be unreadable here, never dumped raw.
 */
export function ExerciseEntryView<E extends ExerciseId>({ exercise, data }: { exercise: E; data: unknown }) {
  const t = useT<PractitionerKey>();
  const entry = readSubmission(exercise, data);
  // The entry and its view belong to the same exercise (TypeScript cannot follow that through the index).
  const View = views[exercise] as (props: { data: ExerciseSubmission<E> }) => ReactNode;
  return entry ? <View data={entry} /> : <p className="hint">{t('practitioner.exercises.unreadable')}</p>;
}
