import type { ExerciseEntryOtherVersion, ExerciseFeedback } from '@tandem/domain';
import { useId, useState, type FormEvent } from 'react';
import { formatDateTime } from '../../shared/dates';
import { ErrorSummary, type FormProblem } from '../../shared/ErrorSummary';
import { CheckboxField } from '../../shared/FormFields';
import { useT } from '../../shared/i18n/I18nProvider';
import type { ClientKey } from '../../shared/i18n/keys';
import { Link } from '../../shared/navigation';
import { dismissRefused } from '../outbox/outbox';
import type { DeviceDraft } from './draft-store';
import { entryItemId, problemsFrom } from './entry-save';
import { tidy } from './exercise-forms';
import { ExerciseFields } from './ExerciseFields';
import { OtherVersion } from './OtherVersion';
import { useEntrySaver, type SaveState } from './use-entry-saver';

const stateKey: Record<Exclude<SaveState, 'none' | 'refused'>, ClientKey> = {
  saved: 'client.exercise.saved',
  'kept-offline': 'client.exercise.keptOffline',
  'kept-sign-in': 'client.exercise.keptSignIn',
};

function Feedback({ feedback, timeZone }: { feedback: readonly ExerciseFeedback[]; timeZone: string }) {
  const t = useT<ClientKey>();
  if (!feedback.length) return null;
  return (
    <section className="notice exercise-feedback" aria-labelledby="feedback-heading">
      <h2 id="feedback-heading" className="notice-heading">
        {t('client.exercise.feedbackHeading')}
      </h2>
      {feedback.map((f) => (
        <div key={f.id}>
          <p className="note-text" translate="no">
            {f.text}
          </p>
          <p className="hint" translate="no">
            {f.staffName}, {formatDateTime(f.createdAt, timeZone, t)}
          </p>
        </div>
      ))}
    </section>
  );
}

/**
 * One exercise entry: its fields, saved as the client types (use-entry-saver.ts), the private
 * switch with its one plain sentence, feedback from the practitioner, and "Send to my
 * practitioner". Read-only after care has ended.
 */
export function ExerciseEditor({
  start,
  feedback,
  otherVersions,
  readOnly,
  timeZone,
  onSessionEnded,
}: {
  start: DeviceDraft;
  feedback: readonly ExerciseFeedback[];
  otherVersions: readonly ExerciseEntryOtherVersion[];
  readOnly: boolean;
  timeZone: string;
  onSessionEnded(): void;
}) {
  const t = useT<ClientKey>();
  const base = useId().replace(/:/g, '');
  const { draft, edit, save, state, problem, others, choose } = useEntrySaver(start, otherVersions);
  const [choice, setChoice] = useState<'used' | 'kept' | null>(null);
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [sent, setSent] = useState(false);
  const { exercise } = draft;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSent(false);
    const data = tidy(exercise, draft.data);
    const outcome = await save('submitted', data);
    if (outcome?.state === 'refused') {
      await dismissRefused((item) => item.id === entryItemId(draft.entryId));
      setProblems(outcome.details?.length ? problemsFrom(outcome.details, exercise, base, t) : [{ message: outcome.problem }]);
      setAttempt((n) => n + 1);
      // The words stay with the server as a draft while the client fixes what was missing.
      await save('draft', data);
      return;
    }
    setProblems([]);
    setSent(true);
  }

  const errors = new Map(problems.filter((p) => p.fieldId).map((p) => [p.fieldId!, p.message]));
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="exercise-form">
      <ErrorSummary problems={problems} attempt={attempt} />
      <p className="notice">
        {t('client.exercise.notMonitored')} <Link href="/help">{t('client.checkIn.helpLink')}</Link>
      </p>
      <Feedback feedback={feedback} timeZone={timeZone} />
      {others.map((version) => (
        <OtherVersion
          key={version.id}
          exercise={exercise}
          version={version}
          timeZone={timeZone}
          readOnly={readOnly}
          onChoose={(use) => {
            setChoice(use ? 'used' : 'kept');
            void choose(version, use);
          }}
        />
      ))}
      <div role="status">{choice ? <p className="notice notice-success">{t(choice === 'used' ? 'client.exercise.twoDevices.used' : 'client.exercise.twoDevices.kept')}</p> : null}</div>
      {draft.status === 'submitted' && !sent ? <p className="notice">{t(readOnly ? 'client.exercise.sentBefore' : 'client.exercise.sentCanChange')}</p> : null}
      <fieldset className="fieldset" disabled={readOnly}>
        <ExerciseFields data={draft.data} onChange={(data) => edit({ data })} ctx={{ exercise, base, errors }} />
      </fieldset>
      {readOnly ? (
        draft.shared ? null : <p>{t('client.exercise.private')}</p>
      ) : (
        <>
          <CheckboxField id={`${base}-private`} label={t('client.exercise.private')} hint={t('client.exercise.privateHint')} checked={!draft.shared} onChange={(on) => edit({ shared: !on })} />
          <p>
            <Link href="/help">{t('client.checkIn.helpLink')}</Link>
          </p>
          <div role="status" className="save-state">
            {sent ? t(state === 'saved' ? 'client.exercise.sent' : 'client.exercise.sentKept') : state === 'refused' ? t('client.exercise.refused', { problem }) : state === 'none' ? '' : t(stateKey[state])}
          </div>
          {state === 'kept-sign-in' ? (
            <button type="button" className="button button-secondary" onClick={onSessionEnded}>
              {t('client.checkIn.signInAgain')}
            </button>
          ) : null}
          <button type="submit" className="button">
            {t('client.exercise.send')}
          </button>
        </>
      )}
    </form>
  );
}
