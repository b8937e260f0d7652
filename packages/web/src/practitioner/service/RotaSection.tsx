import { AddRotaPeriodsRequestSchema, newId, type DutyOverview, type StaffSummary } from '@tandem/domain';
import { useId, useState, type FormEvent } from 'react';
import { apiPost } from '../../shared/api';
import { formatDateTime } from '../../shared/dates';
import { errorText } from '../../shared/error-text';
import { ErrorSummary, type FormProblem } from '../../shared/ErrorSummary';
import { useT } from '../../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../../shared/i18n/keys';
import { useNow } from '../use-now';
import { DateTimeField, instantFromLocal } from './FieldFrame';
import { StaffSelectField } from './StaffSelect';
import { ScrollTable } from '../../shared/ScrollTable';

type Period = DutyOverview['rota'][number];

/** The rota's periods in time order, with who, from and to on the site's clocks. */
export function RotaTable({ overview, nameOf }: { overview: DutyOverview; nameOf(staffId: string): string }) {
  const t = useT<PractitionerKey>();
  const zone = overview.site.timeZone;
  const periods = [...overview.rota].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  if (!periods.length) return <p>{t('service.rota.empty')}</p>;
  return (
    <ScrollTable caption={t('service.rota.caption', { timeZone: zone })} columns={[t('service.rota.who'), t('service.rota.from'), t('service.rota.to')]}>
      {periods.map((period) => (
        <tr key={period.id}>
          <td translate="no">{nameOf(period.staffId)}</td>
          <td className="nowrap">{formatDateTime(period.startsAt, zone, t)}</td>
          <td className="nowrap">{formatDateTime(period.endsAt, zone, t)}</td>
        </tr>
      ))}
    </ScrollTable>
  );
}

/** What the server found wrong with the rota over the next four weeks, in words. */
export function RotaProblems({ overview }: { overview: DutyOverview }) {
  const t = useT<PractitionerKey>();
  const zone = overview.site.timeZone;
  if (!overview.hours) return <p>{t('service.rota.noHours')}</p>;
  if (!overview.problems.length) return <p>{t('service.rota.noProblems')}</p>;
  return (
    <div className="notice notice-warning">
      <p className="notice-heading">{t('service.rota.problemsHeading', { count: overview.problems.length })}</p>
      <ul className="plain-list">
        {overview.problems.map((problem, index) => (
          <li key={index}>
            {t(`service.rota.problem.${problem.kind}`, { from: formatDateTime(problem.startsAt, zone, t), to: formatDateTime(problem.endsAt, zone, t) })}
          </li>
        ))}
      </ul>
    </div>
  );
}

const clockMarginMs = 5 * 60_000;

/** Who would be asked to see a risk alert raised now, and why (from the server's own routing). */
export function CoverNow({ overview, nameOf }: { overview: DutyOverview; nameOf(staffId: string): string }) {
  const t = useT<PractitionerKey>();
  const now = useNow();
  const cover = overview.coverNow;
  if (!cover) return <p>{t('service.cover.unknown')}</p>;
  const name = nameOf(cover.recipient);
  const from = formatDateTime(cover.coverageStartsAt, overview.site.timeZone, t);
  // The server works out cover as it answers, and a start equal to that moment means someone
  // covers now; the margin allows for the browser's clock being a little behind the server's.
  const startsLater = new Date(cover.coverageStartsAt).getTime() > now.getTime() + clockMarginMs;
  const key = cover.noCoverFound ? 'service.cover.noneFound' : startsLater ? 'service.cover.later' : `service.cover.${cover.reason}` as const;
  return (
    <p className="notice">
      {cover.outOfHours ? `${t('service.cover.closedNow')} ` : null}
      {t(key, { name, from })}
    </p>
  );
}

const empty = { staffId: '', from: '', to: '' };
type Errors = Partial<Record<keyof typeof empty, string>>;

/**
 * Adds one duty period (who, from, to on the site's clocks). An overlap is refused by the server
 * with nothing saved; the periods it clashes with are then listed from the rota on the page. A gap
 * it leaves is accepted and shows among the problems above.
 */
export function AddPeriodForm({ overview, staff, nameOf, onSaved }: { overview: DutyOverview; staff: readonly StaffSummary[]; nameOf(staffId: string): string; onSaved(overview: DutyOverview): void }) {
  const t = useT<PractitionerKey>();
  const formId = useId();
  const zone = overview.site.timeZone;
  const [values, setValues] = useState(empty);
  // Made once per period: a retried submit carries the same id, so it cannot add it twice.
  const [periodId, setPeriodId] = useState(() => newId(new Date()));
  const [errors, setErrors] = useState<Errors>({});
  const [refusal, setRefusal] = useState<{ message: string; clashes: Period[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const ids = { staffId: `${formId}-who`, from: `${formId}-from`, to: `${formId}-to` };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setAttempt((n) => n + 1);
    setRefusal(null);
    const startsAt = instantFromLocal(values.from, zone);
    const endsAt = instantFromLocal(values.to, zone);
    const found: Errors = {};
    if (!values.staffId) found.staffId = t('service.rota.whoMissing');
    if (!startsAt) found.from = t('service.rota.fromMissing');
    if (!endsAt) found.to = t('service.rota.toMissing');
    else if (startsAt && endsAt <= startsAt) found.to = t('service.rota.toBeforeFrom');
    const body = { periods: [{ id: periodId, staffId: values.staffId, startsAt, endsAt }] };
    setErrors(found);
    if (Object.keys(found).length || !AddRotaPeriodsRequestSchema.safeParse(body).success) return;
    setBusy(true);
    const result = await apiPost<DutyOverview>(`/api/sites/${encodeURIComponent(overview.site.id)}/rota`, body);
    setBusy(false);
    if (result.ok) {
      setValues(empty);
      setPeriodId(newId(new Date()));
      return onSaved(result.data);
    }
    const clashes = result.error.code === 'duty.rota_overlap' ? overview.rota.filter((p) => Date.parse(p.startsAt) < Date.parse(endsAt!) && Date.parse(startsAt!) < Date.parse(p.endsAt)) : [];
    setRefusal({ message: errorText(result.error, t), clashes });
  }

  const problems: FormProblem[] = [
    ...(refusal ? [{ message: refusal.message }] : []),
    ...(Object.keys(ids) as (keyof typeof ids)[]).flatMap((field) => (errors[field] ? [{ message: errors[field], fieldId: ids[field] }] : [])),
  ];
  const set = (field: keyof typeof empty) => (value: string) => setValues((v) => ({ ...v, [field]: value }));

  return (
    <form noValidate onSubmit={submit} aria-busy={busy}>
      <ErrorSummary problems={problems} attempt={attempt} />
      {refusal?.clashes.length ? (
        <div className="notice notice-warning">
          <p className="notice-heading">{t('service.rota.clashesHeading')}</p>
          <ul className="plain-list">
            {refusal.clashes.map((p) => (
              <li key={p.id}>
                {t('service.rota.clash', { name: nameOf(p.staffId), from: formatDateTime(p.startsAt, zone, t), to: formatDateTime(p.endsAt, zone, t) })}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <StaffSelectField id={ids.staffId} label={t('service.rota.who')} error={errors.staffId} staff={staff} value={values.staffId} onChange={set('staffId')} />
      <DateTimeField id={ids.from} label={t('service.rota.from')} hint={t('service.rota.timeHint', { timeZone: zone })} error={errors.from} value={values.from} onChange={set('from')} />
      <DateTimeField id={ids.to} label={t('service.rota.to')} hint={t('service.rota.timeHint', { timeZone: zone })} error={errors.to} value={values.to} onChange={set('to')} />
      <button type="submit" className="button">
        {t('service.rota.add')}
      </button>
    </form>
  );
}
