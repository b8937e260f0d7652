import type { TreatmentPlan } from '@tandem/domain';
import { formatDateTime } from '../../shared/dates';
import { useT } from '../../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../../shared/i18n/keys';
import { blendText, componentList } from './plan-words';

/** "From a research example": a protocol shipped to learn from, never a service default (HAZ-038). */
export function ExampleTag({ plan }: { plan: TreatmentPlan }) {
  const t = useT<PractitionerKey>();
  return plan.template.isExample ? <span className="tag-unreviewed tag-example">{t('practitioner.plan.example')}</span> : null;
}

/** Required components no step covers any more: the plan has drifted from its template (decision 0020). */
export function MissingWarning({ plan }: { plan: Pick<TreatmentPlan, 'summary'> }) {
  const t = useT<PractitionerKey>();
  const missing = plan.summary.requiredMissing;
  return missing.length ? (
    <p className="notice notice-warning">
      {t('practitioner.plan.missing', { components: componentList(t, missing) })}
    </p>
  ) : null;
}

/**
 * The plan at a glance: the template it came from (labelled when it is a research example), the
 * blend of sessions and online steps, the required components, any the plan no longer covers,
 * and who changed it last.
 */
export function PlanSummary({ plan, names, timeZone }: { plan: TreatmentPlan; names: ReadonlyMap<string, string>; timeZone: string }) {
  const t = useT<PractitionerKey>();
  const by = plan.updatedByStaffId ? (names.get(plan.updatedByStaffId) ?? t('practitioner.episodes.unknownPractitioner')) : null;
  return (
    <>
      <dl className="summary-list">
        <div>
          <dt>{t('practitioner.plan.madeFrom')}</dt>
          <dd>
            <span translate="no">{plan.template.name}</span> <ExampleTag plan={plan} />
          </dd>
        </div>
        <div>
          <dt>{t('practitioner.plan.blend')}</dt>
          <dd>{blendText(t, plan.summary)}</dd>
        </div>
        <div>
          <dt>{t('practitioner.plan.required')}</dt>
          <dd>{componentList(t, plan.requiredComponents)}</dd>
        </div>
        <div>
          <dt>{t('practitioner.plan.lastChanged')}</dt>
          <dd>
            <span translate="no">{formatDateTime(plan.updatedAt, timeZone, t)}</span>
            {by ? (
              <>
                {' '}
                {t('practitioner.history.by', { name: by })}
              </>
            ) : null}
          </dd>
        </div>
      </dl>
      <MissingWarning plan={plan} />
    </>
  );
}
