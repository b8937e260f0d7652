import { addDays, exportRangeProblem, maxExportDays } from '@tandem/domain';
import { useId, useState, type FormEvent } from 'react';
import { formatDate, localToday, type DateParts } from '../../shared/dates';
import { ErrorSummary, type FormProblem } from '../../shared/ErrorSummary';
import { DateField } from '../../shared/FormFields';
import { useT } from '../../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../../shared/i18n/keys';
import { calendarDate, dateParts } from '../episode-form';
import { hasRole, StaffFrame, type StaffContext } from '../StaffFrame';
import { exportPermissions } from './export-permissions';

type Field = 'from' | 'to';

/** Last calendar month: the range a monthly data return asks for. */
function lastMonth(today: string): { from: string; to: string } {
  const firstOfThisMonth = `${today.slice(0, 8)}01`;
  const to = addDays(firstOfThisMonth, -1);
  return { from: `${to.slice(0, 8)}01`, to };
}

/**
 * Exports (issue 12 items 3 and 4, decision 0043): choose a range of dates, then download the
 * service-system export (admins) and the research export (supervisors and admins) for it. The
 * range is checked here with the API's own rule (`exportRangeProblem`); the files are plain links,
 * so the browser downloads them (`Content-Disposition: attachment`).
 */
export function ExportsPage({ staff }: { staff: StaffContext }) {
  const t = useT<PractitionerKey>();
  const id = useId();
  const ids: Record<Field, string> = { from: `${id}-from`, to: `${id}-to` };
  const initial = lastMonth(localToday(new Date()));
  const [from, setFrom] = useState<DateParts>(() => dateParts(initial.from));
  const [to, setTo] = useState<DateParts>(() => dateParts(initial.to));
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [attempt, setAttempt] = useState(0);
  const [ready, setReady] = useState<{ from: string; to: string } | null>(null);
  const may = exportPermissions(hasRole(staff, 'admin'), hasRole(staff, 'supervisor'));

  function submit(event: FormEvent) {
    event.preventDefault();
    const range = { from: calendarDate(from), to: calendarDate(to) };
    const next: Partial<Record<Field, string>> = {};
    if (!range.from) next.from = t('practitioner.exports.invalid.from');
    if (!range.to) next.to = t('practitioner.exports.invalid.to');
    if (range.from && range.to) {
      const problem = exportRangeProblem({ from: range.from, to: range.to });
      if (problem === 'order') next.to = t('practitioner.exports.invalid.order');
      if (problem === 'too_long') next.to = t('practitioner.exports.invalid.tooLong', { max: maxExportDays });
    }
    setErrors(next);
    setAttempt((n) => n + 1);
    setReady(Object.keys(next).length === 0 ? { from: range.from!, to: range.to! } : null);
  }

  const problems: FormProblem[] = (['from', 'to'] as const).filter((f) => errors[f]).map((f) => ({ message: errors[f]!, fieldId: `${ids[f]}-day` }));
  const query = ready ? `?from=${encodeURIComponent(ready.from)}&to=${encodeURIComponent(ready.to)}` : '';
  return (
    <StaffFrame staff={staff} title={t('practitioner.exports.title')} page="exports">
      <h1>{t('practitioner.exports.heading')}</h1>
      <p>{t('practitioner.exports.purpose')}</p>
      <form className="episode-form" noValidate onSubmit={submit} aria-labelledby={`${id}-range`}>
        <h2 id={`${id}-range`}>{t('practitioner.exports.range.heading')}</h2>
        <ErrorSummary problems={problems} attempt={attempt} />
        <p className="hint">{t('practitioner.exports.rangeHint', { max: maxExportDays })}</p>
        <DateField id={ids.from} label={t('practitioner.exports.from')} value={from} onChange={setFrom} error={errors.from} />
        <DateField id={ids.to} label={t('practitioner.exports.to')} value={to} onChange={setTo} error={errors.to} />
        <button type="submit" className="button">
          {t('practitioner.exports.submit')}
        </button>
      </form>
      {ready ? (
        <section aria-labelledby={`${id}-ready`}>
          <h2 id={`${id}-ready`} tabIndex={-1}>
            {t('practitioner.exports.ready', { from: formatDate(ready.from, t), to: formatDate(ready.to, t) })}
          </h2>
          {may.serviceSystem ? (
            <>
              <h3>{t('practitioner.exports.service.heading')}</h3>
              <p>{t('practitioner.exports.service.body')}</p>
              <p>
                <a className="button button-secondary" href={`/api/exports/service-system.zip${query}`} download>
                  {t('practitioner.exports.service.download')}
                </a>
              </p>
            </>
          ) : null}
          {may.research ? (
            <>
              <h3>{t('practitioner.exports.research.heading')}</h3>
              <p>{t('practitioner.exports.research.body')}</p>
              <p>
                <a className="button button-secondary" href={`/api/exports/research.zip${query}`} download>
                  {t('practitioner.exports.research.download')}
                </a>
              </p>
            </>
          ) : null}
          <p>{t('practitioner.exports.dictionary')}</p>
        </section>
      ) : null}
    </StaffFrame>
  );
}
