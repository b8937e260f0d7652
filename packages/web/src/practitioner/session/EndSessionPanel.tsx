import { appointmentPurposes, contactMethods, newId, type AgendaItem, type Appointment, type EndSessionResult, type ProgrammeModuleSummary } from '@tandem/domain';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { apiPost, type ApiResult } from '../../shared/api';
import { ErrorSummary } from '../../shared/ErrorSummary';
import { CheckboxField } from '../../shared/FormFields';
import { useT } from '../../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../../shared/i18n/keys';
import { checkWhen, WhenFields, whenFieldIds, type WhenValues } from '../calendar/AppointmentWhen';
import { dateParts, useActionForm, type FieldErrors } from '../episode-form';
import { RadioField } from '../EpisodeFields';
import { emptyHomework, HomeworkChooser, typedDueOn, type HomeworkValue } from './HomeworkChooser';
import { defaultDue, weekLater, type HomeworkChoice } from './session-words';

type Field = 'attended' | 'startsAt' | 'time' | 'durationMinutes' | 'purpose' | 'contactMethod' | 'homework/items' | 'homework/dueOn' | 'agendaDiscussed';

/**
 * The server names the failing part of the one-flow ending ("body/nextAppointment/startsAt",
 * "body/homework/items/0/stepId", "body/agendaDiscussed/0"); the form shows each at its field.
 */
export function endSessionField(path: string): string {
  return path
    .replace(/^body\/nextAppointment\//, 'body/')
    .replace(/^body\/homework\/items(\/.*)?$/, 'body/homework/items')
    .replace(/^body\/agendaDiscussed(\/.*)?$/, 'body/agendaDiscussed');
}

function atFields<T>(result: ApiResult<T>): ApiResult<T> {
  return result.ok ? result : { ...result, error: { ...result.error, details: result.error.details.map((d) => ({ ...d, path: endSessionField(d.path) })) } };
}

/**
 * Ending the session in one flow (issue 8; decision 0023): homework, the next session (a week
 * later at the same time to start with), the client's agenda items talked about (ticked as they
 * were in the session), then one "End session" — one request, all or nothing. A refusal is shown
 * at the field it names, and nothing is written.
 */
export function EndSessionPanel({ appointment, timeZone, agenda, discussed, onDiscussed, choices, modules, onEnded }: {
  appointment: Appointment;
  timeZone: string;
  agenda: readonly AgendaItem[];
  discussed: ReadonlySet<string>;
  onDiscussed(id: string, on: boolean): void;
  choices: readonly HomeworkChoice[];
  modules: readonly Pick<ProgrammeModuleSummary, 'id' | 'title' | 'steps'>[];
  onEnded(result: EndSessionResult): void;
}) {
  const t = useT<PractitionerKey>();
  const id = useId();
  const fieldIds: Record<Field, string> = {
    attended: `${id}-late`,
    ...whenFieldIds(`${id}-next`),
    purpose: `${id}-purpose`,
    contactMethod: `${id}-method`,
    'homework/items': `${id}-hw-items`,
    'homework/dueOn': `${id}-hw-due-day`,
    agendaDiscussed: `${id}-agenda`,
  };
  const [ids] = useState(() => ({ homework: newId(new Date()), next: newId(new Date()) }));
  const later = weekLater(appointment.startsAt, timeZone);
  const [when, setWhen] = useState<WhenValues>({ date: dateParts(later.date), time: later.time, duration: String(appointment.durationMinutes) });
  const [purpose, setPurpose] = useState<(typeof appointmentPurposes)[number] | ''>('treatment');
  const [method, setMethod] = useState<(typeof contactMethods)[number] | ''>(appointment.contactMethod);
  const [book, setBook] = useState(true);
  const [late, setLate] = useState(false);
  const [homework, setHomework] = useState<HomeworkValue>(emptyHomework);
  const form = useActionForm(fieldIds);
  // Opened by a button that goes away: focus moves to the panel, so the keyboard starts here.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const checked = checkWhen(when, timeZone, t);
  const due = book && checked.startsAt ? defaultDue(checked.startsAt, timeZone, new Date()) : null;

  // The next session's purpose and contact method, as booking asks them.
  const radios = <V extends string>(field: 'purpose' | 'contactMethod', label: string, values: readonly V[], words: (value: V) => string, value: V | '', onChange: (value: V) => void) => (
    <RadioField id={fieldIds[field]} label={label} options={values.map((v) => ({ value: v, label: words(v) }))} value={value} onChange={onChange} error={form.errors[field]} inline />
  );

  async function submit(event: FormEvent) {
    event.preventDefault();
    const errors: FieldErrors<Field> = book ? { ...checked.errors } : {};
    if (book && !purpose) errors.purpose = t('practitioner.appointment.purposeMissing');
    if (book && !method) errors.contactMethod = t('practitioner.appointment.methodMissing');
    const dueOn = typedDueOn(homework);
    if (homework.items.length && dueOn === '') errors['homework/dueOn'] = t('practitioner.homework.dueInvalid');
    if (homework.items.length && !book && dueOn === undefined) errors['homework/dueOn'] = t('practitioner.homework.dueNeeded');
    const body = {
      attended: true,
      late,
      ...(homework.items.length ? { homework: { id: ids.homework, items: homework.items, ...(dueOn ? { dueOn } : {}) } } : {}),
      ...(book ? { nextAppointment: { id: ids.next, startsAt: checked.startsAt, durationMinutes: checked.minutes, purpose, contactMethod: method } } : {}),
      agendaDiscussed: agenda.filter((a) => discussed.has(a.id)).map((a) => a.id),
    };
    const ended = await form.run(errors, async () => atFields(await apiPost<EndSessionResult>(`/api/appointments/${encodeURIComponent(appointment.id)}/end-session`, body)));
    if (ended) onEnded(ended);
  }

  return (
    <section className="end-session" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} ref={heading} tabIndex={-1}>{t('practitioner.endSession.heading')}</h2>
      <form className="episode-form" noValidate onSubmit={submit} aria-busy={form.busy}>
        <ErrorSummary problems={form.problems} attempt={form.attempt} />
        <HomeworkChooser
          id={`${id}-hw`}
          value={homework}
          onChange={setHomework}
          choices={choices}
          modules={modules}
          defaultDue={due}
          errors={{ items: form.errors['homework/items'], dueOn: form.errors['homework/dueOn'] }}
        />
        <fieldset className="fieldset end-session-next">
          <legend className="label">{t('practitioner.endSession.nextLegend')}</legend>
          <CheckboxField id={`${id}-book`} label={t('practitioner.endSession.book')} checked={book} onChange={setBook} />
          {book ? (
            <>
              <WhenFields id={`${id}-next`} values={when} timeZone={timeZone} errors={form.errors} onChange={setWhen} />
              {radios('purpose', t('practitioner.appointments.purpose'), appointmentPurposes, (v) => t(`practitioner.purpose.${v}`), purpose, setPurpose)}
              {radios('contactMethod', t('practitioner.appointment.method'), contactMethods, (v) => t(`practitioner.method.${v}`), method, setMethod)}
            </>
          ) : null}
        </fieldset>
        {agenda.length ? (
          <div className={form.errors.agendaDiscussed ? 'field field-has-error' : 'field'}>
            <fieldset className="fieldset">
              <legend className="label">{t('practitioner.endSession.agendaLegend')}</legend>
              {form.errors.agendaDiscussed ? (
                <p id={`${fieldIds.agendaDiscussed}-error`} className="field-error">
                  {form.errors.agendaDiscussed}
                </p>
              ) : null}
              {agenda.map((item, index) => (
                <div className="field checkbox" key={item.id}>
                  <input id={index === 0 ? fieldIds.agendaDiscussed : `${id}-agenda-${item.id}`} type="checkbox" checked={discussed.has(item.id)} onChange={(event) => onDiscussed(item.id, event.target.checked)} />
                  <label htmlFor={index === 0 ? fieldIds.agendaDiscussed : `${id}-agenda-${item.id}`} translate="no" dir="auto">
                    {item.text}
                  </label>
                </div>
              ))}
            </fieldset>
          </div>
        ) : null}
        <div className={form.errors.attended ? 'field field-has-error' : 'field'}>
          {form.errors.attended ? (
            <p id={`${fieldIds.attended}-error`} className="field-error">
              {form.errors.attended}
            </p>
          ) : null}
          <CheckboxField id={fieldIds.attended} label={t('practitioner.endSession.late')} checked={late} onChange={setLate} />
        </div>
        <button type="submit" className="button">
          {t('practitioner.endSession.submit')}
        </button>
      </form>
    </section>
  );
}
