import { instruments, newId, wsasItemText, type QuestionnaireResponse } from '@tandem/domain';
import { useId, useState, type FormEvent } from 'react';
import { apiPost } from '../shared/api';
import { errorText } from '../shared/error-text';
import { ErrorSummary, type FormProblem } from '../shared/ErrorSummary';
import { useT } from '../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../shared/i18n/keys';
import { FocusNotice } from './FocusNotice';

/** Measures a practitioner may record from a session here (the WSAS at assessment and discharge). */
const recordable = ['phq9', 'gad7', 'wsas'] as const;
type Recordable = (typeof recordable)[number];

/**
 * Answers the client gave in a session, recorded by the practitioner who was there (marked "in a
 * session" in the record). The questions and answers are shown in the instruments' published
 * English wording, marked translate="no" and lang="en": a validated questionnaire must not be
 * machine-translated (BRIEF.md, "Safety principles"). A positive answer to PHQ-9 question 9 given
 * in a session is recorded as seen by this practitioner; the risk-alert list shows it.
 */
export function RecordAnswers({ clientId, onRecorded }: { clientId: string; onRecorded(): void }) {
  const t = useT<PractitionerKey>();
  const formId = useId();
  const [instrumentId, setInstrumentId] = useState<Recordable>('phq9');
  // null: the WSAS work item answered "not applicable" (retired, or no job for other reasons).
  const [answers, setAnswers] = useState<Record<string, number | null>>({});
  // One id per filled-in form: a retried save is the same response, never a second one.
  const [responseId, setResponseId] = useState(() => newId(new Date()));
  const [busy, setBusy] = useState(false);
  const [missing, setMissing] = useState<string[]>([]);
  const [formError, setFormError] = useState<string | undefined>();
  const [attempt, setAttempt] = useState(0);
  const [saved, setSaved] = useState({ version: 0, total: 0, instrumentId: 'phq9' as Recordable });
  const instrument = instruments[instrumentId];
  const itemId = (linkId: string) => `${formId}-${linkId}`;

  function choose(next: Recordable) {
    setInstrumentId(next);
    setAnswers({});
    setMissing([]);
    setFormError(undefined);
    setResponseId(newId(new Date()));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setAttempt((n) => n + 1);
    const unanswered = instrument.items.filter((item) => answers[item.linkId] === undefined).map((item) => item.linkId);
    setMissing(unanswered);
    setFormError(undefined);
    if (unanswered.length) return;
    setBusy(true);
    const result = await apiPost<QuestionnaireResponse>(`/api/clients/${encodeURIComponent(clientId)}/questionnaire-responses`, {
      id: responseId,
      instrumentId,
      appointmentId: null,
      answers,
      authoredAt: new Date().toISOString(),
      source: 'in_session',
    });
    setBusy(false);
    if (!result.ok) {
      setFormError(errorText(result.error, t));
      return;
    }
    setSaved((s) => ({ version: s.version + 1, total: result.data.total ?? 0, instrumentId }));
    setAnswers({});
    setResponseId(newId(new Date()));
    onRecorded();
  }

  const problems: FormProblem[] = [
    ...(formError ? [{ message: formError }] : []),
    ...missing.map((linkId) => ({
      message: t('practitioner.record.itemMissing', { number: Number(linkId.split('-')[1]) }),
      fieldId: `${itemId(linkId)}-0`,
    })),
  ];

  return (
    <details className="disclosure record-answers">
      <summary>{t('practitioner.record.summary')}</summary>
      <FocusNotice version={saved.version}>
        <p className="notice-heading">{t('practitioner.record.saved', { name: t(`practitioner.measures.short.${saved.instrumentId}`), total: saved.total })}</p>
      </FocusNotice>
      <p>{t('practitioner.record.intro')}</p>
      <form noValidate onSubmit={submit} aria-busy={busy}>
        <ErrorSummary problems={problems} attempt={attempt} />
        <fieldset className="fieldset field">
          <legend className="label">{t('practitioner.record.which')}</legend>
          <div className="radios radios-inline">
            {recordable.map((id) => (
              <div className="radio" key={id}>
                <input id={`${formId}-which-${id}`} type="radio" name={`${formId}-which`} checked={instrumentId === id} onChange={() => choose(id)} />
                <label htmlFor={`${formId}-which-${id}`}>{t(`practitioner.measures.short.${id}`)}</label>
              </div>
            ))}
          </div>
        </fieldset>
        <p className="instrument-stem" lang="en" translate="no">
          {instrument.stem}
        </p>
        {instrument.items.map((item, index) => {
          const error = missing.includes(item.linkId);
          return (
            <div key={item.linkId} className={error ? 'field field-has-error' : 'field'}>
              <fieldset className="fieldset" aria-describedby={error ? `${itemId(item.linkId)}-error` : undefined}>
                <legend className="label">
                  <span>{t('practitioner.record.question', { number: index + 1 })}</span>{' '}
                  <span lang="en" translate="no">
                    {instrumentId === 'wsas' ? wsasItemText(item.text, 'problem') : item.text}
                  </span>
                </legend>
                {error ? (
                  <p id={`${itemId(item.linkId)}-error`} className="field-error">
                    <span className="visually-hidden">{t('common.errorPrefix')} </span>
                    {t('practitioner.record.itemMissing', { number: index + 1 })}
                  </p>
                ) : null}
                <div className="radios radios-inline">
                  {item.answerOptions.map((option) => {
                    const id = `${itemId(item.linkId)}-${option.value}`;
                    return (
                      <div className="radio" key={option.value}>
                        <input
                          id={id}
                          type="radio"
                          name={itemId(item.linkId)}
                          checked={answers[item.linkId] === option.value}
                          onChange={() => setAnswers((a) => ({ ...a, [item.linkId]: option.value }))}
                        />
                        <label htmlFor={id}>
                          <span translate="no">{option.value}</span>{' '}
                          <span lang="en" translate="no">
                            {option.label}
                          </span>
                        </label>
                      </div>
                    );
                  })}
                  {item.notApplicableAllowed ? (
                    <div className="radio">
                      <input
                        id={`${itemId(item.linkId)}-na`}
                        type="radio"
                        name={itemId(item.linkId)}
                        checked={answers[item.linkId] === null}
                        onChange={() => setAnswers((a) => ({ ...a, [item.linkId]: null }))}
                      />
                      <label htmlFor={`${itemId(item.linkId)}-na`} lang="en" translate="no">
                        {item.notApplicableText}
                      </label>
                    </div>
                  ) : null}
                </div>
              </fieldset>
            </div>
          );
        })}
        <button type="submit" className="button">
          {t('practitioner.record.submit')}
        </button>
      </form>
    </details>
  );
}
