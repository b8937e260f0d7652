import { planComponents, type PlanComponent, type PlanTemplate, type PlanTemplateList } from '@tandem/domain';
import { useId, useState, type FormEvent } from 'react';
import { apiPost, apiPut } from '../../shared/api';
import { ErrorSummary, type FormProblem } from '../../shared/ErrorSummary';
import { errorText } from '../../shared/error-text';
import { CheckboxField, TextField } from '../../shared/FormFields';
import { useT } from '../../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../../shared/i18n/keys';
import { LoadState } from '../../shared/LoadState';
import { useApiGet } from '../../shared/use-api-get';
import { blendText, componentList } from '../plan/plan-words';
import { StaffFrame, type StaffContext } from '../StaffFrame';
import { describedBy, FieldFrame } from './FieldFrame';
import { templateCopy, templateFieldOf, type TemplateField } from './plan-template-copy';

const path = '/api/plan-templates';
const careSteps = ['low_intensity', 'high_intensity'] as const;

/**
 * Treatment-plan templates (admins, for the clinical lead; decision 0020): which template each
 * step's new plans start from, the catalogue (shipped England defaults, research examples marked
 * as examples, and the organisation's own), and adding an organisation template by copying one
 * and setting its name, step, sessions and required components. A research example is never
 * offered as a default (HAZ-038). Templates' names and descriptions are content, not interface
 * text: marked translate="no".
 */
export function PlanTemplatesPage({ staff }: { staff: StaffContext }) {
  const t = useT<PractitionerKey>();
  const { resource, reload, replace } = useApiGet<PlanTemplateList>(path);
  return (
    <StaffFrame staff={staff} title={t('service.templates.title')} page="plan-templates">
      <h1>{t('service.templates.heading')}</h1>
      <p>{t('service.templates.intro')}</p>
      <LoadState resource={resource} onRetry={reload} />
      {resource.status === 'ok' ? (
        <>
          <DefaultsForm list={resource.data} onSaved={(defaults) => replace({ ...resource.data, defaults })} onStale={reload} />
          <TemplateCatalogue templates={resource.data.templates} />
          <AddTemplateForm templates={resource.data.templates} onAdded={(template) => replace({ ...resource.data, templates: [...resource.data.templates, template] })} />
        </>
      ) : null}
    </StaffFrame>
  );
}

function DefaultsForm({ list, onSaved, onStale }: { list: PlanTemplateList; onSaved(defaults: PlanTemplateList['defaults']): void; onStale(): void }) {
  const t = useT<PractitionerKey>();
  const formId = useId();
  const [values, setValues] = useState(list.defaults.defaults);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setSaved(false);
    const result = await apiPut<PlanTemplateList['defaults']>(`${path}/defaults`, { defaults: values, version: list.defaults.version });
    setBusy(false);
    if (result.ok) {
      setProblem(null);
      setSaved(true);
      onSaved(result.data);
      return;
    }
    setProblem(result.error.code === 'write.stale_version' ? t('service.templates.defaults.stale') : errorText(result.error, t));
    setAttempt((a) => a + 1);
    if (result.error.code === 'write.stale_version') onStale();
  };
  const problems: FormProblem[] = problem ? [{ message: problem }] : [];
  return (
    <section aria-labelledby={`${formId}-heading`}>
      <h2 id={`${formId}-heading`}>{t('service.templates.defaults.heading')}</h2>
      <p>{t('service.templates.defaults.intro')}</p>
      <form noValidate onSubmit={(event) => void submit(event)} aria-busy={busy}>
        <ErrorSummary problems={problems} attempt={attempt} />
        {careSteps.map((step) => {
          const id = `${formId}-${step}`;
          const offered = list.templates.filter((template) => template.step === step && !template.isExample);
          return (
            <FieldFrame key={step} id={id} label={t(`service.templates.defaults.${step}`)}>
              <select className="select" id={id} value={values[step]} onChange={(event) => setValues((v) => ({ ...v, [step]: event.target.value }))} aria-describedby={describedBy(id, undefined, undefined)}>
                {offered.map((template) => (
                  <option key={template.id} value={template.id} translate="no">
                    {template.name}
                  </option>
                ))}
              </select>
            </FieldFrame>
          );
        })}
        {saved ? (
          <p role="status" className="notice notice-success">
            {t('service.templates.defaults.saved')}
          </p>
        ) : null}
        <button type="submit" className="button">
          {t('service.templates.defaults.save')}
        </button>
      </form>
    </section>
  );
}

function TemplateCatalogue({ templates }: { templates: readonly PlanTemplate[] }) {
  const t = useT<PractitionerKey>();
  return (
    <section aria-labelledby="template-catalogue-heading">
      <h2 id="template-catalogue-heading">{t('service.templates.catalogue.heading')}</h2>
      <ul className="plain-list template-list">
        {templates.map((template) => (
          <li key={template.id}>
            <h3 translate="no">{template.name}</h3>
            <p className="hint">
              {[
                t(`practitioner.step.${template.step}`),
                t(`service.templates.origin.${template.isExample ? 'example' : template.origin}`),
                t('service.templates.sessions', { min: template.sessionsPlanned.min, max: template.sessionsPlanned.max }),
                blendText(t, template.summary),
              ].join(' · ')}
            </p>
            <p>{t('service.templates.required', { components: componentList(t, template.requiredComponents) })}</p>
            <details>
              <summary>{t('service.templates.about')}</summary>
              <p translate="no">{template.description}</p>
              {template.source ? <p>{t('service.templates.source', { citation: template.source.citation })}</p> : null}
              <p>{template.review ? t('service.templates.reviewed', { reviewer: template.review.reviewer }) : t('service.templates.notReviewed')}</p>
            </details>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The form's values: what an admin sets when they copy a template. */
interface AddValues {
  copyOf: string;
  name: string;
  description: string;
  step: (typeof careSteps)[number];
  min: string;
  max: string;
  required: PlanComponent[];
}

function AddTemplateForm({ templates, onAdded }: { templates: readonly PlanTemplate[]; onAdded(template: PlanTemplate): void }) {
  const t = useT<PractitionerKey>();
  const formId = useId();
  const first = templates.find((template) => !template.isExample) ?? templates[0];
  const start = (template: PlanTemplate | undefined): AddValues => ({
    copyOf: template?.id ?? '',
    name: '',
    description: '',
    step: template?.step ?? 'low_intensity',
    min: String(template?.sessionsPlanned.min ?? ''),
    max: String(template?.sessionsPlanned.max ?? ''),
    required: [...(template?.requiredComponents ?? [])],
  });
  const [values, setValues] = useState<AddValues>(() => start(first));
  const [id, setId] = useState(() => crypto.randomUUID());
  const [errors, setErrors] = useState<Partial<Record<TemplateField, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [added, setAdded] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const source = templates.find((template) => template.id === values.copyOf);
  const fieldId = (field: TemplateField) => `${formId}-${field}`;

  const choose = (copyOf: string) => setValues((v) => ({ ...start(templates.find((template) => template.id === copyOf)), name: v.name, description: v.description }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!source) return;
    setBusy(true);
    setAdded(null);
    const result = await apiPost<PlanTemplate>(path, templateCopy(id, source, values));
    setBusy(false);
    setAttempt((a) => a + 1);
    if (result.ok) {
      setAdded(result.data.name);
      setErrors({});
      setFormError(null);
      setValues(start(first));
      setId(crypto.randomUUID());
      onAdded(result.data);
      return;
    }
    const byField: Partial<Record<TemplateField, string>> = {};
    for (const detail of result.error.details) {
      const field = templateFieldOf(detail.path);
      if (field && !byField[field]) byField[field] = t('service.templates.add.fieldProblem', { problem: detail.message });
    }
    setErrors(byField);
    setFormError(Object.keys(byField).length ? null : errorText(result.error, t));
  };

  const problems: FormProblem[] = [
    ...(formError ? [{ message: formError }] : []),
    ...(Object.entries(errors) as [TemplateField, string][]).map(([field, message]) => ({ message: `${t(`service.templates.add.${field}`)}: ${message}`, fieldId: fieldId(field) })),
  ];
  return (
    <section aria-labelledby={`${formId}-heading`}>
      <h2 id={`${formId}-heading`}>{t('service.templates.add.heading')}</h2>
      <p>{t('service.templates.add.intro')}</p>
      <form noValidate onSubmit={(event) => void submit(event)} aria-busy={busy}>
        <ErrorSummary problems={problems} attempt={attempt} />
        <FieldFrame id={fieldId('copyOf')} label={t('service.templates.add.copyOf')}>
          <select className="select" id={fieldId('copyOf')} value={values.copyOf} onChange={(event) => choose(event.target.value)}>
            {templates.map((template) => (
              <option key={template.id} value={template.id} translate={template.isExample ? undefined : 'no'}>
                {template.isExample ? t('service.templates.add.exampleOption', { name: template.name }) : template.name}
              </option>
            ))}
          </select>
        </FieldFrame>
        <TextField id={fieldId('name')} label={t('service.templates.add.name')} value={values.name} onChange={(name) => setValues((v) => ({ ...v, name }))} error={errors.name} />
        <TextField
          id={fieldId('description')}
          label={t('service.templates.add.description')}
          hint={t('service.templates.add.descriptionHint')}
          value={values.description}
          onChange={(description) => setValues((v) => ({ ...v, description }))}
          error={errors.description}
        />
        <FieldFrame id={fieldId('step')} label={t('service.templates.add.step')} error={errors.step}>
          <select className="select" id={fieldId('step')} value={values.step} onChange={(event) => setValues((v) => ({ ...v, step: event.target.value as AddValues['step'] }))} aria-describedby={describedBy(fieldId('step'), undefined, errors.step)}>
            {careSteps.map((step) => (
              <option key={step} value={step}>
                {t(`practitioner.step.${step}`)}
              </option>
            ))}
          </select>
        </FieldFrame>
        <TextField id={fieldId('min')} label={t('service.templates.add.min')} inputMode="numeric" width="short" value={values.min} onChange={(min) => setValues((v) => ({ ...v, min }))} error={errors.min} />
        <TextField
          id={fieldId('max')}
          label={t('service.templates.add.max')}
          hint={source ? t('service.templates.add.maxHint', { sessions: source.summary.faceToFace }) : undefined}
          inputMode="numeric"
          width="short"
          value={values.max}
          onChange={(max) => setValues((v) => ({ ...v, max }))}
          error={errors.max}
        />
        <fieldset className="field" aria-describedby={errors.required ? `${fieldId('required')}-error` : undefined}>
          <legend className="label" id={fieldId('required')}>
            {t('service.templates.add.required')}
          </legend>
          <p className="hint">{t('service.templates.add.requiredHint')}</p>
          {errors.required ? (
            <p id={`${fieldId('required')}-error`} className="field-error">
              {errors.required}
            </p>
          ) : null}
          {planComponents
            .filter((component) => source?.steps.some((step) => step.component === component))
            .map((component) => (
              <CheckboxField
                key={component}
                id={`${fieldId('required')}-${component}`}
                label={t(`practitioner.component.${component}`)}
                checked={values.required.includes(component)}
                onChange={(on) => setValues((v) => ({ ...v, required: on ? [...v.required, component] : v.required.filter((c) => c !== component) }))}
              />
            ))}
        </fieldset>
        {added ? (
          <p role="status" className="notice notice-success">
            {t('service.templates.add.added', { name: added })}
          </p>
        ) : null}
        <button type="submit" className="button">
          {t('service.templates.add.submit')}
        </button>
      </form>
    </section>
  );
}
