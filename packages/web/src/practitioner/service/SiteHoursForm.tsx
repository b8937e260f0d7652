import { SetSiteHoursRequestSchema, type DutyOverview, type StaffSummary, type Weekday } from '@tandem/domain';
import { useId, useState, type FormEvent } from 'react';
import { apiPost } from '../../shared/api';
import { errorText } from '../../shared/error-text';
import { ErrorSummary, type FormProblem } from '../../shared/ErrorSummary';
import { TextField } from '../../shared/FormFields';
import { useT } from '../../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../../shared/i18n/keys';
import { describedBy, FieldFrame } from './FieldFrame';
import { closureLines, hoursToText, weekFromText } from './hours-text';
import { StaffSelectField } from './StaffSelect';

/** The week as a UK service reads it, Monday first. */
const week = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const satisfies readonly Weekday[];

type DayText = Record<Weekday, string>;
type Errors = { days: Partial<Record<Weekday, string>>; closures?: string; lead?: string };

/**
 * A site's opening hours (one box a day), closure days (bank holidays are data the admin keeps,
 * one date a line) and named site lead, saved together. Checked with the API's own schema first.
 */
export function SiteHoursForm({ overview, staff, onSaved }: { overview: DutyOverview; staff: readonly StaffSummary[]; onSaved(overview: DutyOverview): void }) {
  const t = useT<PractitionerKey>();
  const formId = useId();
  const { site, hours } = overview;
  const [days, setDays] = useState<DayText>(() => Object.fromEntries(week.map((day) => [day, hoursToText(hours?.weekly[day])])) as DayText);
  const [closures, setClosures] = useState(() => (hours?.closureDates ?? []).join('\n'));
  const [lead, setLead] = useState(hours?.siteLeadStaffId ?? '');
  const [errors, setErrors] = useState<Errors>({ days: {} });
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const ids = { day: (day: Weekday) => `${formId}-${day}`, closures: `${formId}-closures`, lead: `${formId}-lead` };

  function check(): { errors: Errors; body?: unknown } {
    const found: Errors = { days: {} };
    const { weekly, unreadable } = weekFromText(days);
    for (const day of unreadable) found.days[day] = t('service.hours.dayUnreadable', { day: t(`service.weekday.${day}`) });
    const closureDates = closureLines(closures);
    const parsed = SetSiteHoursRequestSchema.safeParse({ weekly, closureDates, siteLeadStaffId: lead });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const [field, detail] = issue.path;
        if (field === 'weekly' && typeof detail === 'string') found.days[detail as Weekday] ??= t('service.hours.dayInvalid', { day: t(`service.weekday.${detail as Weekday}`) });
        else if (field === 'closureDates' && typeof detail === 'number') found.closures ??= t('service.hours.closureInvalid', { line: closureDates[detail] ?? '' });
        else if (field === 'closureDates') found.closures ??= t('service.hours.closuresTooMany');
        else if (field === 'siteLeadStaffId') found.lead = t('service.hours.leadMissing');
      }
    }
    const ok = !Object.keys(found.days).length && !found.closures && !found.lead && parsed.success;
    return ok ? { errors: found, body: parsed.data } : { errors: found };
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setAttempt((n) => n + 1);
    setFormError(null);
    const { errors: found, body } = check();
    setErrors(found);
    if (!body) return;
    setBusy(true);
    const result = await apiPost<DutyOverview>(`/api/sites/${encodeURIComponent(site.id)}/hours`, body);
    setBusy(false);
    if (result.ok) return onSaved(result.data);
    if (result.error.details.some((d) => d.path === 'body/siteLeadStaffId')) setErrors({ days: {}, lead: t('service.hours.leadMissing') });
    else setFormError(errorText(result.error, t));
  }

  const problems: FormProblem[] = [
    ...(formError ? [{ message: formError }] : []),
    ...week.flatMap((day) => (errors.days[day] ? [{ message: errors.days[day], fieldId: ids.day(day) }] : [])),
    ...(errors.closures ? [{ message: errors.closures, fieldId: ids.closures }] : []),
    ...(errors.lead ? [{ message: errors.lead, fieldId: ids.lead }] : []),
  ];
  const closuresHint = t('service.hours.closuresHint');

  return (
    <form noValidate onSubmit={submit} aria-busy={busy}>
      <ErrorSummary problems={problems} attempt={attempt} />
      <fieldset className="fieldset field" aria-describedby={`${formId}-weekly-hint`}>
        <legend className="label">{t('service.hours.weekly')}</legend>
        <p id={`${formId}-weekly-hint`} className="hint">{t('service.hours.weeklyHint', { timeZone: site.timeZone })}</p>
        <div className="week-hours">
          {week.map((day) => (
            <TextField
              key={day}
              id={ids.day(day)}
              label={t(`service.weekday.${day}`)}
              autoComplete="off"
              spellCheck={false}
              width="medium"
              value={days[day]}
              onChange={(value) => setDays((d) => ({ ...d, [day]: value }))}
              error={errors.days[day]}
            />
          ))}
        </div>
      </fieldset>
      <FieldFrame id={ids.closures} label={t('service.hours.closures')} hint={closuresHint} error={errors.closures}>
        <textarea
          id={ids.closures}
          className="textarea input-closures"
          rows={6}
          spellCheck={false}
          value={closures}
          onChange={(event) => setClosures(event.target.value)}
          aria-describedby={describedBy(ids.closures, closuresHint, errors.closures)}
          aria-invalid={errors.closures ? true : undefined}
        />
      </FieldFrame>
      <StaffSelectField id={ids.lead} label={t('service.hours.lead')} hint={t('service.hours.leadHint')} error={errors.lead} staff={staff} value={lead} onChange={setLead} />
      <button type="submit" className="button">
        {t('service.hours.save')}
      </button>
    </form>
  );
}
