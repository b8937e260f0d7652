import { FieldError } from '../../shared/FormFields';
import { useT } from '../../shared/i18n/I18nProvider';
import type { ClientKey } from '../../shared/i18n/keys';
import { remindersPerDayMax } from './reminder-times';

/**
 * A list of reminder times: one labelled time input a row, each with its own error and a Remove
 * button, and "Add a time" until the day has the most it can (six).
 */
export function TimesFieldset({
  id,
  legend,
  times,
  errors,
  onChange,
}: {
  id: string;
  legend: string;
  times: string[];
  /** An error message by row, for the rows that have one. */
  errors: Map<number, string>;
  onChange(times: string[]): void;
}) {
  const t = useT<ClientKey>();
  return (
    <div className="field">
      <fieldset className="fieldset reminder-times">
        <legend className="label">{legend}</legend>
        {times.length === 0 ? <p className="hint">{t('client.reminders.none')}</p> : null}
        {times.map((time, index) => {
          const rowId = `${id}-${index}`;
          const error = errors.get(index);
          return (
            <div key={index} className={error ? 'reminder-time field-has-error' : 'reminder-time'}>
              <label className="label" htmlFor={rowId}>
                {t('client.reminders.timeLabel', { number: index + 1 })}
              </label>
              <FieldError id={rowId} text={error} />
              <div className="reminder-time-row">
                <input
                  id={rowId}
                  className="input input-time"
                  type="time"
                  value={time}
                  onChange={(event) => onChange(times.map((other, i) => (i === index ? event.target.value : other)))}
                  aria-describedby={error ? `${rowId}-error` : undefined}
                  aria-invalid={error ? true : undefined}
                />
                <button type="button" className="button-link" onClick={() => onChange(times.filter((_, i) => i !== index))}>
                  {t('client.reminders.remove')}
                  <span className="visually-hidden"> {t('client.reminders.removeWhich', { number: index + 1 })}</span>
                </button>
              </div>
            </div>
          );
        })}
        {times.length < remindersPerDayMax ? (
          <button type="button" className="button button-secondary" onClick={() => onChange([...times, ''])}>
            {t('client.reminders.add')}
          </button>
        ) : (
          <p className="hint">{t('client.reminders.atMost', { max: remindersPerDayMax })}</p>
        )}
      </fieldset>
    </div>
  );
}
