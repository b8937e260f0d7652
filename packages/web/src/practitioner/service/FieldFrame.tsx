import { zonedDateTimeToInstant } from '@tandem/domain';
import type { ReactNode } from 'react';
import { useT } from '../../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../../shared/i18n/keys';

export interface FieldText {
  id: string;
  label: string;
  hint?: string;
  error?: string;
}

/** The ids an input is described by: its hint and its error, when shown. */
export function describedBy(id: string, hint: string | undefined, error: string | undefined): string | undefined {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

/**
 * Label, hint and error around an input the shared form fields do not offer (a select, a date and
 * time, a text area), laid out as they lay theirs out (GOV.UK Design System).
 */
export function FieldFrame({ id, label, hint, error, children }: FieldText & { children: ReactNode }) {
  return (
    <div className={error ? 'field field-has-error' : 'field'}>
      <label className="label" htmlFor={id}>
        {label}
      </label>
      <HintAndError id={id} hint={hint} error={error} />
      {children}
    </div>
  );
}

/** A field's hint and error, with the ids `describedBy` points at (also for fieldsets). */
export function HintAndError({ id, hint, error }: Omit<FieldText, 'label'>) {
  const t = useT<PractitionerKey>();
  return (
    <>
      {hint ? (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field-error">
          <span className="visually-hidden">{t('common.errorPrefix')} </span>
          {error}
        </p>
      ) : null}
    </>
  );
}

/** A date and time typed on the clocks of a time zone the label names (`datetime-local`). */
export function DateTimeField({ id, label, hint, error, value, onChange }: FieldText & { value: string; onChange(value: string): void }) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        className="input input-datetime"
        type="datetime-local"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
      />
    </FieldFrame>
  );
}

/**
 * A `datetime-local` value ('2026-01-06T09:00') read on the clocks of `timeZone`, as an ISO
 * instant; null when it is empty or not a date and time. The browser's own zone is never used:
 * a rota is kept in the site's time, an away period in the person's.
 */
export function instantFromLocal(value: string, timeZone: string): string | null {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})$/.exec(value);
  if (!match) return null;
  const instant = zonedDateTimeToInstant(match[1]!, match[2]!, timeZone);
  return Number.isNaN(instant.getTime()) ? null : instant.toISOString();
}
