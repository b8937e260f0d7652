import { MarkAwayRequestSchema, newId } from '@tandem/domain';
import { useId, useState, type FormEvent } from 'react';
import { apiPost } from '../../shared/api';
import { formatDateTime } from '../../shared/dates';
import { errorText } from '../../shared/error-text';
import { ErrorSummary, type FormProblem } from '../../shared/ErrorSummary';
import { useT } from '../../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../../shared/i18n/keys';
import { LoadState } from '../../shared/LoadState';
import { useApiGet } from '../../shared/use-api-get';
import { FocusNotice } from '../FocusNotice';
import { StaffFrame, type StaffContext } from '../StaffFrame';
import { DateTimeField, instantFromLocal } from './FieldFrame';

interface AwayList {
  away: { id: string; from: string; until: string }[];
}

const empty = { from: '', until: '' };
type Errors = Partial<Record<keyof typeof empty, string>>;

/**
 * Away (any member of staff): mark yourself away for leave, sickness or training, so risk alerts
 * for your clients go to the duty practitioner meanwhile; and see your current and future periods.
 * Times are on the person's own clocks (their time zone), which the page names.
 */
export function AwayPage({ staff }: { staff: StaffContext }) {
  const t = useT<PractitionerKey>();
  const zone = staff.me.actor.timeZone;
  const { resource, reload, replace } = useApiGet<AwayList>('/api/me/away');
  const formId = useId();
  const ids = { from: `${formId}-from`, until: `${formId}-until` };
  const [values, setValues] = useState(empty);
  // Made once per period: a retried submit carries the same id, so it cannot be recorded twice.
  const [awayId, setAwayId] = useState(() => newId(new Date()));
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [saved, setSaved] = useState(0);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setAttempt((n) => n + 1);
    setFormError(null);
    const from = instantFromLocal(values.from, zone);
    const until = instantFromLocal(values.until, zone);
    const found: Errors = {};
    if (!from) found.from = t('service.away.fromMissing');
    if (!until) found.until = t('service.away.untilMissing');
    else if (until <= new Date().toISOString()) found.until = t('service.away.untilPast');
    else if (from && until <= from) found.until = t('service.away.untilBeforeFrom');
    const body = { id: awayId, from, until };
    setErrors(found);
    if (Object.keys(found).length || !MarkAwayRequestSchema.safeParse(body).success) return;
    setBusy(true);
    const result = await apiPost<AwayList>('/api/me/away', body);
    setBusy(false);
    if (!result.ok) return setFormError(errorText(result.error, t));
    replace(result.data);
    setValues(empty);
    setAwayId(newId(new Date()));
    setSaved((n) => n + 1);
  }

  const problems: FormProblem[] = [
    ...(formError ? [{ message: formError }] : []),
    ...(['from', 'until'] as const).flatMap((field) => (errors[field] ? [{ message: errors[field], fieldId: ids[field] }] : [])),
  ];
  const hint = t('service.away.timeHint', { timeZone: zone });
  const periods = resource.status === 'ok' ? [...resource.data.away].sort((a, b) => a.from.localeCompare(b.from)) : [];

  return (
    <StaffFrame staff={staff} title={t('service.away.title')} page="away">
      <div className="narrow">
        <h1>{t('service.away.heading')}</h1>
        <p>{t('service.away.intro')}</p>
        <FocusNotice version={saved}>
          <p className="notice-heading">{t('service.away.saved.title')}</p>
          <p>{t('service.away.saved.text')}</p>
        </FocusNotice>

        <h2>{t('service.away.listHeading')}</h2>
        <LoadState resource={resource} onRetry={reload} />
        {resource.status === 'ok' && !periods.length ? <p>{t('service.away.none')}</p> : null}
        {periods.length ? (
          <ul className="plain-list">
            {periods.map((period) => (
              <li key={period.id}>{t('service.away.period', { from: formatDateTime(period.from, zone, t), until: formatDateTime(period.until, zone, t) })}</li>
            ))}
          </ul>
        ) : null}

        <h2>{t('service.away.addHeading')}</h2>
        <form noValidate onSubmit={submit} aria-busy={busy}>
          <ErrorSummary problems={problems} attempt={attempt} />
          <DateTimeField id={ids.from} label={t('service.away.from')} hint={hint} error={errors.from} value={values.from} onChange={(from) => setValues((v) => ({ ...v, from }))} />
          <DateTimeField id={ids.until} label={t('service.away.until')} hint={hint} error={errors.until} value={values.until} onChange={(until) => setValues((v) => ({ ...v, until }))} />
          <button type="submit" className="button">
            {t('service.away.submit')}
          </button>
        </form>
      </div>
    </StaffFrame>
  );
}
