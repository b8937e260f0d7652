import { newId, type Me } from '@tandem/domain';
import { useId, useState, type FormEvent } from 'react';
import { ErrorSummary, type FormProblem } from '../shared/ErrorSummary';
import { useT } from '../shared/i18n/I18nProvider';
import type { ClientKey } from '../shared/i18n/keys';
import { Link, navigate } from '../shared/navigation';
import { ClientFrame } from './ClientFrame';
import { useOutbox } from './outbox/useOutbox';

/** The longest note (the server's limit, packages/domain checkins/mood.ts). */
const noteMax = 1000;
const moods = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;

type Outcome = { kind: 'saved' } | { kind: 'waiting-sign-in' } | { kind: 'waiting-offline' };

/**
 * The mood check-in: choose 1–10 and, if they like, add a note — three taps from home (open,
 * choose, save). The check-in goes into the outbox first, so it is never lost: if the session has
 * ended or there is no connection it waits on the phone and is sent later, once.
 */
export function CheckInPage({ me, onSessionEnded }: { me: Me; onSessionEnded(): void }) {
  const t = useT<ClientKey>();
  const ids = useId();
  const outbox = useOutbox(me.actor.clientId ?? '');
  const [mood, setMood] = useState<number | null>(null);
  const [note, setNote] = useState('');
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: FormProblem[] = [];
    if (mood === null) found.push({ message: t('client.checkIn.chooseMood'), fieldId: `${ids}-mood-1` });
    if (note.length > noteMax) found.push({ message: t('client.checkIn.noteTooLong'), fieldId: `${ids}-note` });
    setProblems(found);
    setAttempt((n) => n + 1);
    if (found.length || mood === null || busy) return;
    setBusy(true);
    const id = newId(new Date());
    await outbox.add({
      id,
      kind: 'check-in',
      url: '/api/check-ins',
      body: { id, mood, note: note.trim() === '' ? null : note, recordedAt: new Date().toISOString() },
      createdAt: new Date().toISOString(),
    });
    const { stop } = await outbox.send();
    setBusy(false);
    if (stop === 'done') navigate('/?saved=check-in');
    else setOutcome(stop === 'signed-out' ? { kind: 'waiting-sign-in' } : { kind: 'waiting-offline' });
  }

  if (outcome) {
    return (
      <ClientFrame title={t('client.title.checkIn')} page="check-in-waiting">
        <h1>{t('client.checkIn.keptHeading')}</h1>
        <p role="status">{t(outcome.kind === 'waiting-sign-in' ? 'client.checkIn.waitingSignIn' : 'client.checkIn.waitingOffline')}</p>
        {outcome.kind === 'waiting-sign-in' ? (
          <button type="button" className="button" onClick={onSessionEnded}>
            {t('client.checkIn.signInAgain')}
          </button>
        ) : (
          <Link className="button" href="/">
            {t('client.checkIn.backHome')}
          </Link>
        )}
      </ClientFrame>
    );
  }

  const error = (fieldId: string) => problems.find((p) => p.fieldId === fieldId)?.message;
  const moodError = error(`${ids}-mood-1`);
  const noteError = error(`${ids}-note`);
  return (
    <ClientFrame title={t('client.title.checkIn')} page="check-in">
      <form onSubmit={submit} noValidate>
        <ErrorSummary problems={problems} attempt={attempt} />
        <div className={moodError ? 'field field-has-error' : 'field'}>
          <fieldset className="fieldset" aria-describedby={`${ids}-scale${moodError ? ` ${ids}-mood-error` : ''}`}>
            <legend>
              <h1 className="legend-heading">{t('client.checkIn.heading')}</h1>
            </legend>
            <p id={`${ids}-scale`} className="hint">
              {t('client.checkIn.scale')}
            </p>
            {moodError ? (
              <p id={`${ids}-mood-error`} className="field-error">
                {moodError}
              </p>
            ) : null}
            <div className="mood-scale">
              {moods.map((value) => (
                <div className="mood-option" key={value}>
                  <input
                    id={`${ids}-mood-${value}`}
                    type="radio"
                    name="mood"
                    value={value}
                    checked={mood === value}
                    onChange={() => setMood(value)}
                  />
                  <label htmlFor={`${ids}-mood-${value}`}>
                    <span className="mood-number">{value}</span>
                    {value === 1 ? <span className="mood-word">{t('client.checkIn.low')}</span> : null}
                    {value === 10 ? <span className="mood-word">{t('client.checkIn.high')}</span> : null}
                  </label>
                </div>
              ))}
            </div>
          </fieldset>
        </div>
        <div className={noteError ? 'field field-has-error' : 'field'}>
          <label className="label" htmlFor={`${ids}-note`}>
            {t('client.checkIn.noteLabel')}
          </label>
          <p id={`${ids}-note-hint`} className="hint">
            {t('client.checkIn.notMonitored')} <Link href="/help">{t('client.checkIn.helpLink')}</Link>
          </p>
          {noteError ? (
            <p id={`${ids}-note-error`} className="field-error">
              {noteError}
            </p>
          ) : null}
          <textarea
            id={`${ids}-note`}
            className="textarea"
            rows={3}
            value={note}
            onChange={(event) => setNote(event.target.value)}
            aria-describedby={`${ids}-note-hint${noteError ? ` ${ids}-note-error` : ''}`}
            aria-invalid={noteError ? true : undefined}
          />
        </div>
        <button type="submit" className="button" disabled={busy}>
          {t('client.checkIn.save')}
        </button>
      </form>
    </ClientFrame>
  );
}
