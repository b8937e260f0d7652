import { wsasItemText, type Instrument, type InstrumentItem } from '@tandem/domain';
import { useId, useState, type FormEvent } from 'react';
import { ErrorSummary, type FormProblem } from '../../shared/ErrorSummary';
import { useT } from '../../shared/i18n/I18nProvider';
import type { ClientKey } from '../../shared/i18n/keys';
import { Link } from '../../shared/navigation';
import { ClientFrame } from '../ClientFrame';

/**
 * The words that fill the WSAS "[problem]" placeholder. The practitioner's own words for the
 * client's problem do not reach the client app yet, so the form's own neutral word is used.
 */
const wsasProblemWords = 'problem';

/** An item's wording as the client sees it: exactly as published, with WSAS's placeholder filled. */
export function itemText(instrument: Instrument, item: InstrumentItem): string {
  return instrument.id === 'wsas' ? wsasItemText(item.text, wsasProblemWords) : item.text;
}

/** The radio value for "not applicable" (stored as null). */
const notApplicable = 'na';

/**
 * One question on its own page: the instrument's instruction and the question as the legend of a
 * radio group (one tab stop; arrow keys move between answers; Space chooses), big answers to tap,
 * Continue, and Back. The answer is saved when the client presses Continue — never as a radio is
 * chosen, because arrow keys choose as they move (WCAG 3.2.2: choosing must not change the page).
 * The validated wording is shown exactly as published and marked as English, not to be
 * translated; everything around it comes through i18n.
 */
export function QuestionPage({
  instrument,
  number,
  answer,
  backHref,
  busy,
  problem,
  onAnswer,
}: {
  instrument: Instrument;
  /** 1-based. */
  number: number;
  /** The saved answer: undefined when none, null for "not applicable". */
  answer: number | null | undefined;
  backHref: string;
  busy: boolean;
  /** A problem saving the answer, to show above the question. */
  problem: string | null;
  onAnswer(value: number | null): void;
}) {
  const t = useT<ClientKey>();
  const ids = useId();
  const item = instrument.items[number - 1]!;
  const [choice, setChoice] = useState<string>(answer === undefined ? '' : answer === null ? notApplicable : String(answer));
  const [missing, setMissing] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const total = instrument.items.length;
  const firstId = `${ids}-${item.answerOptions[0]!.value}`;
  const errorId = `${ids}-error`;

  function submit(event: FormEvent) {
    event.preventDefault();
    setAttempt((n) => n + 1);
    if (busy) return;
    if (choice === '') {
      setMissing(true);
      return;
    }
    setMissing(false);
    onAnswer(choice === notApplicable ? null : Number(choice));
  }

  const problems: FormProblem[] = [
    ...(problem ? [{ message: problem }] : []),
    ...(missing ? [{ message: t('client.questionnaire.chooseAnswer'), fieldId: firstId }] : []),
  ];

  return (
    <ClientFrame title={t('client.title.question', { number, total })} page={`questionnaire-${instrument.id}-${number}`}>
      <p>
        <Link className="back-link" href={backHref}>
          {t('client.questionnaire.back')}
        </Link>
      </p>
      <form onSubmit={submit} noValidate aria-busy={busy}>
        <ErrorSummary problems={problems} attempt={attempt} />
        <p className="questionnaire-progress">{t('client.questionnaire.progress', { number, total })}</p>
        <div className={missing ? 'field field-has-error' : 'field'}>
          <fieldset className="fieldset" aria-describedby={missing ? errorId : undefined}>
            <legend>
              <span className="questionnaire-stem" lang="en" translate="no">
                {instrument.stem}
              </span>
              <h1 className="legend-heading" lang="en" translate="no">
                {itemText(instrument, item)}
              </h1>
            </legend>
            {missing ? (
              <p id={errorId} className="field-error">
                <span className="visually-hidden">{t('common.errorPrefix')} </span>
                {t('client.questionnaire.chooseAnswer')}
              </p>
            ) : null}
            <div className="answer-options">
              {item.answerOptions.map((option) => {
                const id = `${ids}-${option.value}`;
                const label = option.label === String(option.value) ? null : option.label;
                return (
                  <div className="answer-option" key={option.value}>
                    <input id={id} type="radio" name={item.linkId} value={option.value} checked={choice === String(option.value)} onChange={() => setChoice(String(option.value))} />
                    <label htmlFor={id} lang="en" translate="no">
                      {instrument.id === 'wsas' ? <span className="answer-value">{option.value}</span> : null}
                      {instrument.id === 'wsas' && label ? ' ' : null}
                      {label ? <span className="answer-label">{label}</span> : null}
                    </label>
                  </div>
                );
              })}
              {item.notApplicableAllowed ? (
                <>
                  <p className="answer-or">{t('client.questionnaire.or')}</p>
                  <div className="answer-option">
                    <input
                      id={`${ids}-${notApplicable}`}
                      type="radio"
                      name={item.linkId}
                      value={notApplicable}
                      checked={choice === notApplicable}
                      onChange={() => setChoice(notApplicable)}
                    />
                    <label htmlFor={`${ids}-${notApplicable}`} lang="en" translate="no">
                      {item.notApplicableText}
                    </label>
                  </div>
                </>
              ) : null}
            </div>
          </fieldset>
        </div>
        <button type="submit" className="button" aria-disabled={busy || undefined}>
          {t('client.questionnaire.continue')}
        </button>
      </form>
    </ClientFrame>
  );
}
