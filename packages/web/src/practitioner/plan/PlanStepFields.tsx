import { planComponents, planModes, type PlanComponent, type PlanMode } from '@tandem/domain';
import { TextField } from '../../shared/FormFields';
import { useT } from '../../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../../shared/i18n/keys';
import { RadioField, SelectField } from '../EpisodeFields';
import type { DraftField, DraftStep } from './plan-draft';
import { componentLabel, type ModuleTitles } from './plan-words';

/** The ids of a step's fields, so an error summary can link to each. */
export function stepFieldIds(base: string): Record<DraftField, string> {
  return { mode: `${base}-mode`, component: `${base}-component`, moduleId: `${base}-module`, purpose: `${base}-purpose`, week: `${base}-week` };
}

/**
 * One step's fields: face to face or online; for an online step the module (which sets what it
 * works on: the server checks they match), for a session what it works on; what it is for, in
 * words the client reads; and the week, if planned to one.
 */
export function PlanStepFields({ base, step, modules, errors, onChange }: {
  base: string;
  step: DraftStep;
  modules: ModuleTitles;
  errors: Partial<Record<DraftField, string>>;
  onChange(step: DraftStep): void;
}) {
  const t = useT<PractitionerKey>();
  const ids = stepFieldIds(base);
  const setMode = (mode: PlanMode) => onChange({ ...step, mode, moduleId: mode === 'online' ? step.moduleId : null });
  const setModule = (moduleId: string) => onChange({ ...step, moduleId, component: modules.get(moduleId)?.component ?? step.component });
  return (
    <div className="plan-step-fields">
      <RadioField
        id={ids.mode}
        label={t('practitioner.plan.colMode')}
        options={planModes.map((value) => ({ value, label: t(`practitioner.plan.mode.${value}`) }))}
        value={step.mode}
        onChange={setMode}
        error={errors.mode}
        inline
      />
      {step.mode === 'online' ? (
        <SelectField
          id={ids.moduleId}
          label={t('practitioner.plan.colModule')}
          hint={t('practitioner.plan.moduleHint')}
          placeholder={t('practitioner.plan.chooseModule')}
          options={[...modules.values()].map((m) => (m.core ? { value: m.id, label: m.title, isData: true } : { value: m.id, label: t('practitioner.plan.optionalModule', { title: m.title }) }))}
          value={step.moduleId ?? ''}
          onChange={setModule}
          error={errors.moduleId}
        />
      ) : (
        <SelectField<PlanComponent>
          id={ids.component}
          label={t('practitioner.plan.colComponent')}
          placeholder={t('practitioner.plan.chooseComponent')}
          options={planComponents.map((value) => ({ value, label: componentLabel(t, value) }))}
          value={step.component}
          onChange={(component) => onChange({ ...step, component })}
          error={errors.component}
        />
      )}
      <TextField id={ids.purpose} label={t('practitioner.plan.colPurpose')} hint={t('practitioner.plan.purposeHint')} value={step.purpose} onChange={(purpose) => onChange({ ...step, purpose })} error={errors.purpose} />
      <TextField
        id={ids.week}
        label={t('practitioner.plan.weekLabel')}
        hint={t('practitioner.plan.weekHint')}
        width="short"
        inputMode="numeric"
        autoComplete="off"
        value={step.week}
        onChange={(week) => onChange({ ...step, week })}
        error={errors.week}
      />
    </div>
  );
}
