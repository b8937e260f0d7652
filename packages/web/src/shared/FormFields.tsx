import { useState, type ChangeEvent, type HTMLAttributes } from 'react';
import type { DateParts } from './dates';
import { useT } from './i18n/I18nProvider';
import type { CommonKey } from './i18n/keys';

/**
 * Form fields after the GOV.UK Design System: a visible label, an optional hint, and an error
 * message above the input, tied to it with aria-describedby and aria-invalid.
 */
interface FieldText {
  id: string;
  label: string;
  hint?: string;
  error?: string;
}

function describedBy(id: string, hint: string | undefined, error: string | undefined): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return ids || undefined;
}

function Hint({ id, text }: { id: string; text: string | undefined }) {
  return text ? (
    <p id={`${id}-hint`} className="hint">
      {text}
    </p>
  ) : null;
}

/** A field's error message (id `${id}-error`, for aria-describedby), or nothing. */
export function FieldError({ id, text }: { id: string; text: string | undefined }) {
  const t = useT<CommonKey>();
  return text ? (
    <p id={`${id}-error`} className="field-error">
      <span className="visually-hidden">{t('common.errorPrefix')} </span>
      {text}
    </p>
  ) : null;
}

interface TextFieldProps extends FieldText {
  value: string;
  onChange(value: string): void;
  type?: 'text' | 'email' | 'password';
  autoComplete?: string;
  inputMode?: HTMLAttributes<HTMLInputElement>['inputMode'];
  spellCheck?: boolean;
  /** A narrower input for short answers (GOV.UK "fixed width" inputs). */
  width?: 'short' | 'medium';
}

export function TextField({ id, label, hint, error, value, onChange, type = 'text', autoComplete, inputMode, spellCheck, width }: TextFieldProps) {
  return (
    <div className={error ? 'field field-has-error' : 'field'}>
      <label className="label" htmlFor={id}>
        {label}
      </label>
      <Hint id={id} text={hint} />
      <FieldError id={id} text={error} />
      <input
        id={id}
        className={width ? `input input-${width}` : 'input'}
        type={type}
        value={value}
        onChange={(event: ChangeEvent<HTMLInputElement>) => onChange(event.target.value)}
        autoComplete={autoComplete}
        inputMode={inputMode}
        spellCheck={spellCheck}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
      />
    </div>
  );
}

/** A password input with a "Show password" toggle: a real button whose state is aria-pressed. */
export function PasswordField({ id, label, hint, error, value, onChange, autoComplete }: FieldText & {
  value: string;
  onChange(value: string): void;
  autoComplete: 'current-password' | 'new-password';
}) {
  const t = useT<CommonKey>();
  const [visible, setVisible] = useState(false);
  return (
    <div className={error ? 'field field-has-error' : 'field'}>
      <label className="label" htmlFor={id}>
        {label}
      </label>
      <Hint id={id} text={hint} />
      <FieldError id={id} text={error} />
      <div className="password-input">
        <input
          id={id}
          className="input"
          type={visible ? 'text' : 'password'}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          autoComplete={autoComplete}
          autoCapitalize="none"
          spellCheck={false}
          aria-describedby={describedBy(id, hint, error)}
          aria-invalid={error ? true : undefined}
        />
        <button type="button" className="button button-secondary" aria-controls={id} aria-pressed={visible} onClick={() => setVisible(!visible)}>
          {t('common.password.show')}
        </button>
      </div>
    </div>
  );
}

/**
 * A date as three labelled inputs, Day / Month / Year (GOV.UK date input): people know their
 * dates as numbers, and a date picker is slow for a birth date. `autoCompletePrefix` 'bday' lets a
 * browser fill a person's own date of birth; leave it out for someone else's.
 */
export function DateField({ id, label, hint, error, value, onChange, autoCompletePrefix }: FieldText & {
  value: DateParts;
  onChange(value: DateParts): void;
  autoCompletePrefix?: 'bday';
}) {
  const t = useT<CommonKey>();
  const parts = [
    { key: 'day', label: t('common.date.day'), width: 'input-2' },
    { key: 'month', label: t('common.date.month'), width: 'input-2' },
    { key: 'year', label: t('common.date.year'), width: 'input-4' },
  ] as const;
  return (
    <div className={error ? 'field field-has-error' : 'field'}>
      <fieldset className="fieldset" role="group" aria-describedby={describedBy(id, hint, error)}>
        <legend className="label">{label}</legend>
        <Hint id={id} text={hint} />
        <FieldError id={id} text={error} />
        <div className="date-input">
          {parts.map((part) => (
            <div className="date-input-item" key={part.key}>
              <label className="date-input-label" htmlFor={`${id}-${part.key}`}>
                {part.label}
              </label>
              <input
                id={`${id}-${part.key}`}
                className={`input ${part.width}`}
                type="text"
                inputMode="numeric"
                value={value[part.key]}
                onChange={(event) => onChange({ ...value, [part.key]: event.target.value })}
                autoComplete={autoCompletePrefix ? `${autoCompletePrefix}-${part.key}` : 'off'}
                aria-invalid={error ? true : undefined}
              />
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

/** One checkbox with its label and hint. */
export function CheckboxField({ id, label, hint, checked, onChange }: Omit<FieldText, 'error'> & { checked: boolean; onChange(checked: boolean): void }) {
  return (
    <div className="field checkbox">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
        aria-describedby={hint ? `${id}-hint` : undefined}
      />
      <div>
        <label htmlFor={id}>{label}</label>
        <Hint id={id} text={hint} />
      </div>
    </div>
  );
}
