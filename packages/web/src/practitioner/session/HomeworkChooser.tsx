import { homeworkItemKey, type HomeworkItem, type ProgrammeModuleSummary } from '@tandem/domain';
import type { DateParts } from '../../shared/dates';
import { DateField, FieldError } from '../../shared/FormFields';
import { useT } from '../../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../../shared/i18n/keys';
import { calendarDate, dateParts } from '../episode-form';
import { longDate, thingsText, type HomeworkChoice } from './session-words';

/** What the chooser holds: the things chosen, and a due date typed over the default (null: the default). */
export interface HomeworkValue {
  items: HomeworkItem[];
  due: DateParts | null;
}

export const emptyHomework: HomeworkValue = { items: [], due: null };

/** The due date to send: the one typed ('' when it is not a real date), else undefined for the default. */
export function typedDueOn(value: HomeworkValue): string | undefined {
  return value.due ? (calendarDate(value.due) ?? '') : undefined;
}

const has = (items: readonly HomeworkItem[], item: HomeworkItem) => items.some((i) => homeworkItemKey(i) === homeworkItemKey(item));

/**
 * Choosing homework in as few actions as possible (BRIEF.md B3, "homework set in ≤ 3 actions"):
 * one tap on a suggestion — the plan's next online module, or an exercise to do again — sets it;
 * any step or exercise of the programme can be chosen under "Choose from the whole programme".
 * The due date is shown, not asked: the day before the next session, changed only if needed.
 * The first checkbox has id `${id}-items` and the date's day `${id}-due-day`, for error links.
 */
export function HomeworkChooser({ id, value, onChange, choices, modules, defaultDue, errors }: {
  id: string;
  value: HomeworkValue;
  onChange(value: HomeworkValue): void;
  choices: readonly HomeworkChoice[];
  modules: readonly Pick<ProgrammeModuleSummary, 'id' | 'title' | 'steps'>[];
  /** The default due date ('YYYY-MM-DD'), or null when there is no next session to lead to. */
  defaultDue: string | null;
  errors: { items?: string; dueOn?: string };
}) {
  const t = useT<PractitionerKey>();
  const toggle = (items: readonly HomeworkItem[], on: boolean) =>
    onChange({ ...value, items: on ? [...value.items, ...items.filter((i) => !has(value.items, i))] : value.items.filter((i) => !has(items, i)) });
  // The first checkbox shown carries the id an error links to.
  const firstModule = modules[0];
  const firstKey = choices[0]?.key ?? (firstModule?.steps[0] ? `${firstModule.id}-${firstModule.steps[0].id}` : '');
  const box = (key: string, label: string, hint: string | null, items: readonly HomeworkItem[], data: 'label' | 'hint' | null = null) => {
    const boxId = key === firstKey ? `${id}-items` : `${id}-${key.replace(/[^a-z0-9-]/gi, '-')}`;
    return (
      <div className="field checkbox" key={key}>
        <input id={boxId} type="checkbox" checked={items.every((i) => has(value.items, i))} onChange={(event) => toggle(items, event.target.checked)} aria-describedby={hint ? `${boxId}-hint` : undefined} />
        <div>
          <label htmlFor={boxId} translate={data === 'label' ? 'no' : undefined}>
            {label}
          </label>
          {hint ? (
            <p className="hint" id={`${boxId}-hint`} translate={data === 'hint' ? 'no' : undefined}>
              {hint}
            </p>
          ) : null}
        </div>
      </div>
    );
  };
  const dueShown = value.due ?? (defaultDue ? dateParts(defaultDue) : { day: '', month: '', year: '' });
  return (
    <div className="homework-chooser">
      <div className={errors.items ? 'field field-has-error' : 'field'}>
        <fieldset className="fieldset" aria-describedby={`${id}-hint${errors.items ? ` ${id}-items-error` : ''}`}>
          <legend className="label">{t('practitioner.homework.legend')}</legend>
          <p className="hint" id={`${id}-hint`}>
            {t('practitioner.homework.hint')}
          </p>
          <FieldError id={`${id}-items`} text={errors.items} />
          {choices.length ? choices.map((c) => box(c.key, c.label, c.hint, c.items, c.items[0]?.kind === 'exercise' ? 'hint' : null)) : <p>{t('practitioner.homework.noSuggestions')}</p>}
          <details className="disclosure homework-all">
            <summary>{t('practitioner.homework.whole')}</summary>
            {modules.map((module) => (
              <fieldset className="fieldset homework-module" key={module.id}>
                <legend className="label" translate="no">
                  {module.title}
                </legend>
                {module.steps.map((step) => box(`${module.id}-${step.id}`, step.title, t('practitioner.homework.minutes', { minutes: step.minutes }), [{ kind: 'step', moduleId: module.id, stepId: step.id }], 'label'))}
              </fieldset>
            ))}
          </details>
        </fieldset>
      </div>
      <p className="homework-chosen" role="status">
        {value.items.length ? t('practitioner.homework.chosen', { things: thingsText(t, value.items.length) }) : t('practitioner.homework.noneChosen')}
      </p>
      {defaultDue && !value.due && !errors.dueOn ? (
        <div className="homework-due">
          <p id={`${id}-due-day`} tabIndex={-1}>
            {t('practitioner.homework.dueDefault', { date: longDate(t, defaultDue) })}
          </p>
          <button type="button" className="button button-secondary" onClick={() => onChange({ ...value, due: dateParts(defaultDue) })}>
            {t('practitioner.homework.changeDue')}
          </button>
        </div>
      ) : (
        <DateField id={`${id}-due`} label={t('practitioner.homework.due')} hint={t('practitioner.homework.dueHint')} value={dueShown} onChange={(due) => onChange({ ...value, due })} error={errors.dueOn} />
      )}
    </div>
  );
}
