import { useState } from 'react';
import type { ApiError, ApiResult } from '../shared/api';
import { checkDateOfBirth, type DateParts } from '../shared/dates';
import { errorText } from '../shared/error-text';
import type { FormProblem } from '../shared/ErrorSummary';
import { useT } from '../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../shared/i18n/keys';

export type FieldErrors<F extends string> = Partial<Record<F, string>>;

/**
 * The working parts of the episode screens' forms (GOV.UK error pattern): local checks first,
 * then the request; a refusal that names a field (`body/startsAt`) is shown at that field in the
 * server's own words (written for the person: "The practitioner already has an appointment at
 * this time"), anything else above the form. A stale version ("someone changed this since you
 * opened it") is said, and `onStale` reloads what the form was made from.
 */
export function useActionForm<F extends string>(fieldIds: Record<F, string>, onStale?: () => void) {
  const t = useT<PractitionerKey>();
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [errors, setErrors] = useState<FieldErrors<F>>({});
  const [formError, setFormError] = useState<string | undefined>();

  function refuse(error: ApiError) {
    const fromServer: FieldErrors<F> = {};
    for (const detail of error.details) {
      const field = detail.path.replace(/^body\//, '') as F;
      if (field in fieldIds) fromServer[field] = errorText(error, t);
    }
    setErrors(fromServer);
    if (error.code === 'write.stale_version') {
      setFormError(`${errorText(error, t)} ${t('practitioner.episode.reloaded')}`);
      onStale?.();
    } else {
      setFormError(Object.keys(fromServer).length ? undefined : errorText(error, t));
    }
  }

  /** Shows the problems found before sending (none clears the last ones); true when there are none. */
  function check(local: FieldErrors<F>): boolean {
    setAttempt((n) => n + 1);
    setErrors(local);
    setFormError(undefined);
    return !Object.keys(local).length;
  }

  /** Runs one submit: shows `local` problems, or sends and returns the answer's data (null when refused). */
  async function run<T>(local: FieldErrors<F>, send: () => Promise<ApiResult<T>>): Promise<T | null> {
    if (busy || !check(local)) return null;
    setBusy(true);
    const result = await send();
    setBusy(false);
    if (result.ok) return result.data;
    refuse(result.error);
    return null;
  }

  const problems: FormProblem[] = [
    ...(formError ? [{ message: formError }] : []),
    ...(Object.keys(fieldIds) as F[]).flatMap((field) => {
      const message = errors[field];
      return message ? [{ message, fieldId: fieldIds[field] }] : [];
    }),
  ];
  return { busy, attempt, errors, problems, check, run };
}

/**
 * A calendar date typed into a date input, as 'YYYY-MM-DD', or null when empty or not a real
 * date. Dates of birth refuse the future; referral and appointment dates may be any real date, so
 * the "today" it is checked against is the far future.
 */
export function calendarDate(parts: DateParts): string | null {
  const checked = checkDateOfBirth(parts, '9999-12-31');
  return checked.kind === 'ok' ? checked.iso : null;
}

/** A 24-hour time typed as "9:30" or "09:30", as 'HH:MM'; null when it is not one. */
export function clockTime(text: string): string | null {
  const match = /^([01]?\d|2[0-3])[:.]([0-5]\d)$/.exec(text.trim());
  return match ? `${match[1]!.padStart(2, '0')}:${match[2]}` : null;
}

/** The date parts of an ISO date, to fill a date input. */
export function dateParts(iso: string): DateParts {
  const [year = '', month = '', day = ''] = iso.split('-');
  return { day: String(Number(day)), month: String(Number(month)), year };
}
