import { newId, type ConsentRecord } from '@tandem/domain';
import { useId, useRef, useState, type FormEvent } from 'react';
import { apiPost } from '../../shared/api';
import { ErrorSummary, type FormProblem } from '../../shared/ErrorSummary';
import { errorText } from '../../shared/error-text';
import { CheckboxField, FieldError } from '../../shared/FormFields';
import { useT } from '../../shared/i18n/I18nProvider';
import type { ClientKey } from '../../shared/i18n/keys';
import { Link } from '../../shared/navigation';
import { QuestionFieldset } from '../QuestionFieldset';
import { choicesFrom, type ConsentAnswers } from './consent-answers';

const channels = [
  { key: 'email', label: 'client.consent.channelEmail' },
  { key: 'sms', label: 'client.consent.channelSms' },
  { key: 'push', label: 'client.consent.channelPush' },
] as const satisfies readonly { key: keyof ConsentAnswers; label: ClientKey }[];

/**
 * The consent questions, in plain words: what Tandem is for and whether to use it alongside
 * sessions; how messages work (nobody watches Tandem all the time — where to get help now); which
 * ways we may contact them, each on its own and none ticked to start with; research use, optional
 * and "no" unless ticked. Saving records a new version (POST …/consent) and needs the server: if
 * it fails, the form keeps every answer and says why. `changing` adds the line that a way of
 * contacting them stops at once when it is unticked.
 */
export function ConsentForm({
  clientId,
  wordingVersion,
  initial,
  changing,
  onRecorded,
}: {
  clientId: string;
  wordingVersion: string;
  initial: ConsentAnswers;
  changing: boolean;
  onRecorded(record: ConsentRecord): void;
}) {
  const t = useT<ClientKey>();
  const ids = useId();
  const [answers, setAnswers] = useState(initial);
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  // A retry of the same answers reuses their id, so a save that reached the server is not doubled.
  const pending = useRef<{ key: string; id: string } | null>(null);
  const set = (change: Partial<ConsentAnswers>) => setAnswers((current) => ({ ...current, ...change }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const found: FormProblem[] = [];
    if (answers.useTandem === null) found.push({ message: t('client.consent.chooseUse'), fieldId: `${ids}-use-yes` });
    if (answers.useTandem === 'yes' && !answers.understood) found.push({ message: t('client.consent.confirmUnderstood'), fieldId: `${ids}-understood` });
    setProblems(found);
    setAttempt((n) => n + 1);
    if (found.length) return;
    const choices = choicesFrom(answers);
    const key = JSON.stringify(choices);
    if (pending.current?.key !== key) pending.current = { key, id: newId(new Date()) };
    setBusy(true);
    const result = await apiPost<ConsentRecord>(`/api/clients/${clientId}/consent`, { id: pending.current.id, wordingVersion, choices });
    setBusy(false);
    if (result.ok) {
      onRecorded(result.data);
      return;
    }
    setProblems([{ message: result.error.code === 'network' ? t('client.consent.saveOffline') : errorText(result.error, t) }]);
    setAttempt((n) => n + 1);
  }

  const error = (fieldId: string) => problems.find((p) => p.fieldId === fieldId)?.message;
  const useError = error(`${ids}-use-yes`);
  const understoodError = error(`${ids}-understood`);
  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary problems={problems} attempt={attempt} />

      <h2>{t('client.consent.whatHeading')}</h2>
      <p>{t('client.consent.what')}</p>
      <p>{t('client.consent.whatSessions')}</p>
      <QuestionFieldset id={`${ids}-use`} legend={t('client.consent.useQuestion')} hint={t('client.consent.useHint')} error={useError}>
        <div className="radios">
          {(['yes', 'no'] as const).map((value) => (
            <div className="radio" key={value}>
              <input id={`${ids}-use-${value}`} type="radio" name={`${ids}-use`} checked={answers.useTandem === value} onChange={() => set({ useTandem: value })} />
              <label htmlFor={`${ids}-use-${value}`}>{t(value === 'yes' ? 'client.consent.useYes' : 'client.consent.useNo')}</label>
            </div>
          ))}
        </div>
      </QuestionFieldset>

      <h2>{t('client.consent.messagesHeading')}</h2>
      <p>{t('client.consent.messages')}</p>
      <p>
        {t('client.consent.helpNow')} <Link href="/help">{t('client.checkIn.helpLink')}</Link>
      </p>
      <div className={understoodError ? 'field field-has-error' : 'field'}>
        <FieldError id={`${ids}-understood`} text={understoodError} />
        <div className="checkbox">
          <input
            id={`${ids}-understood`}
            type="checkbox"
            checked={answers.understood}
            onChange={(event) => set({ understood: event.target.checked })}
            aria-describedby={understoodError ? `${ids}-understood-error` : undefined}
            aria-invalid={understoodError ? true : undefined}
          />
          <label htmlFor={`${ids}-understood`}>{t('client.consent.understood')}</label>
        </div>
      </div>

      <h2>{t('client.consent.contactHeading')}</h2>
      <QuestionFieldset
        id={`${ids}-contact`}
        legend={t('client.consent.contactQuestion')}
        hint={changing ? `${t('client.consent.contactHint')} ${t('client.choices.stopsAtOnce')}` : t('client.consent.contactHint')}
      >
        {channels.map((channel) => (
          <CheckboxField
            key={channel.key}
            id={`${ids}-${channel.key}`}
            label={t(channel.label)}
            checked={answers[channel.key]}
            onChange={(checked) => set({ [channel.key]: checked })}
          />
        ))}
      </QuestionFieldset>

      <h2>{t('client.consent.researchHeading')}</h2>
      <p>{t('client.consent.research')}</p>
      <CheckboxField
        id={`${ids}-research`}
        label={t('client.consent.researchYes')}
        hint={t('client.consent.researchHint')}
        checked={answers.research}
        onChange={(research) => set({ research })}
      />

      <p className="hint">{t('client.consent.noMeansNone')}</p>
      <button type="submit" className="button" disabled={busy}>
        {t('client.consent.save')}
      </button>
    </form>
  );
}
