import { newId, type Episode, type PlanTemplateList, type TreatmentPlan } from '@tandem/domain';
import { useId, useState, type FormEvent } from 'react';
import { apiPost } from '../../shared/api';
import { ErrorSummary } from '../../shared/ErrorSummary';
import { useT } from '../../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../../shared/i18n/keys';
import { LoadState } from '../../shared/LoadState';
import { useApiGet } from '../../shared/use-api-get';
import { useActionForm } from '../episode-form';
import { RadioField } from '../EpisodeFields';
import { blendText } from './plan-words';

/**
 * A referral with no plan (opened before plans existed): make one from a template. The
 * organisation's default for the referral's step is chosen to start with; research examples are
 * labelled as such.
 */
export function PlanCreate({ episode, onCreated }: { episode: Episode; onCreated(plan: TreatmentPlan): void }) {
  const t = useT<PractitionerKey>();
  const id = useId();
  const { resource, reload } = useApiGet<PlanTemplateList>('/api/plan-templates');
  const [planId] = useState(() => newId(new Date()));
  const [chosen, setChosen] = useState('');
  const form = useActionForm({ templateId: `${id}-template` });
  const templates = resource.status === 'ok' ? resource.data.templates : [];
  const value = chosen || (resource.status === 'ok' ? resource.data.defaults.defaults[episode.step] : '');

  async function submit(event: FormEvent) {
    event.preventDefault();
    const errors = value ? {} : { templateId: t('practitioner.plan.templateMissing') };
    const plan = await form.run(errors, () => apiPost<TreatmentPlan>(`/api/episodes/${encodeURIComponent(episode.id)}/plan`, { id: planId, templateId: value }));
    if (plan) onCreated(plan);
  }

  return (
    <>
      <p>{t('practitioner.plan.noneYet')}</p>
      <LoadState resource={resource} onRetry={reload} />
      {templates.length ? (
        <form className="episode-form" noValidate onSubmit={submit} aria-busy={form.busy}>
          <ErrorSummary problems={form.problems} attempt={form.attempt} />
          <RadioField
            id={`${id}-template`}
            label={t('practitioner.plan.chooseTemplate')}
            hint={t('practitioner.plan.chooseTemplateHint')}
            options={templates.map((template) => ({
              value: template.id,
              label: t(template.isExample ? 'practitioner.plan.templateExample' : 'practitioner.plan.templateOption', {
                name: template.name,
                step: t(`practitioner.step.${template.step}`),
                blend: blendText(t, template.summary),
              }),
            }))}
            value={value}
            onChange={setChosen}
            error={form.errors.templateId}
          />
          <button type="submit" className="button">
            {t('practitioner.plan.create')}
          </button>
        </form>
      ) : null}
    </>
  );
}
