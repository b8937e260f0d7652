import type { PlanStep } from '@tandem/domain';
import { useT } from '../../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../../shared/i18n/keys';
import { ScrollTable } from '../../shared/ScrollTable';
import { componentLabel, type ModuleTitles } from './plan-words';

/** A plan's steps in order, one row each: how, what it works on, the module, what for, the week. */
export function PlanSteps({ steps, modules, caption }: { steps: readonly PlanStep[]; modules: ModuleTitles; caption: string }) {
  const t = useT<PractitionerKey>();
  const columns = [t('practitioner.plan.colStep'), t('practitioner.plan.colMode'), t('practitioner.plan.colComponent'), t('practitioner.plan.colModule'), t('practitioner.plan.colPurpose'), t('practitioner.plan.colWeek')];
  return (
    <ScrollTable caption={caption} columns={columns}>
      {steps.map((step, index) => (
        <tr key={step.id}>
          <td translate="no">{index + 1}</td>
          <td className="nowrap">{t(`practitioner.plan.mode.${step.mode}`)}</td>
          <td>{componentLabel(t, step.component)}</td>
          {step.moduleId ? (
            <td translate="no">{modules.get(step.moduleId)?.title ?? step.moduleId}</td>
          ) : (
            <td>{t('practitioner.plan.noModule')}</td>
          )}
          <td translate="no" dir="auto">
            {step.purpose}
          </td>
          <td className="nowrap">{step.plannedWeek === null ? t('practitioner.plan.weekNone') : t('practitioner.plan.weekValue', { week: step.plannedWeek })}</td>
        </tr>
      ))}
    </ScrollTable>
  );
}
