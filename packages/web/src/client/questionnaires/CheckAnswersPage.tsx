import type { Instrument } from '@tandem/domain';
import type { FormEvent } from 'react';
import { ErrorSummary } from '../../shared/ErrorSummary';
import { useT } from '../../shared/i18n/I18nProvider';
import type { ClientKey } from '../../shared/i18n/keys';
import { Link } from '../../shared/navigation';
import { ClientFrame } from '../ClientFrame';
import { itemText } from './QuestionPage';

/** The label the client chose for an item, in the instrument's own words. */
function answerLabel(instrument: Instrument, index: number, value: number | null): string | null {
  const item = instrument.items[index]!;
  if (value === null) return null;
  const option = item.answerOptions.find((o) => o.value === value);
  if (!option) return String(value);
  return instrument.id === 'wsas' && option.label !== String(value) ? `${value} – ${option.label}` : option.label;
}

/**
 * "Check your answers" (GOV.UK pattern): every question with the answer given and a Change link,
 * then Send. Sending is the only step that finishes the questionnaire.
 */
export function CheckAnswersPage({
  instrument,
  answers,
  questionHref,
  backHref,
  busy,
  problem,
  attempt,
  onSend,
}: {
  instrument: Instrument;
  answers: Readonly<Record<string, number | null>>;
  questionHref(number: number): string;
  backHref: string;
  busy: boolean;
  problem: string | null;
  attempt: number;
  onSend(): void;
}) {
  const t = useT<ClientKey>();

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!busy) onSend();
  }

  return (
    <ClientFrame title={t('client.title.checkAnswers')} page={`questionnaire-${instrument.id}-check`}>
      <p>
        <Link className="back-link" href={backHref}>
          {t('client.questionnaire.back')}
        </Link>
      </p>
      <ErrorSummary problems={problem ? [{ message: problem }] : []} attempt={attempt} />
      <h1>{t('client.questionnaire.checkHeading')}</h1>
      <p>{t('client.questionnaire.checkIntro')}</p>
      <dl className="summary-list check-answers">
        {instrument.items.map((item, index) => {
          const value = answers[item.linkId];
          const label = value === undefined ? null : answerLabel(instrument, index, value);
          return (
            <div key={item.linkId}>
              <dt>
                <span className="check-answers-number">{t('client.questionnaire.questionNumber', { number: index + 1 })}</span>{' '}
                <span lang="en" translate="no">
                  {itemText(instrument, item)}
                </span>
              </dt>
              <dd className="check-answers-answer">
                {label === null ? (
                  value === null ? (
                    t('client.questionnaire.notApplicableAnswer')
                  ) : (
                    t('client.questionnaire.notAnswered')
                  )
                ) : (
                  <span lang="en" translate="no">
                    {label}
                  </span>
                )}
              </dd>
              <dd className="check-answers-change">
                <Link href={questionHref(index + 1)}>
                  {t('client.questionnaire.change')}
                  <span className="visually-hidden"> {t('client.questionnaire.changeHidden', { number: index + 1 })}</span>
                </Link>
              </dd>
            </div>
          );
        })}
      </dl>
      <form onSubmit={submit} noValidate aria-busy={busy}>
        <button type="submit" className="button" aria-disabled={busy || undefined}>
          {t('client.questionnaire.send')}
        </button>
      </form>
      <p className="copyright" lang="en" translate="no">
        {instrument.copyright}
      </p>
    </ClientFrame>
  );
}
