import type { PlanComponent, PlanStep, ProgrammeModuleSummary } from '@tandem/domain';
import type { Translate } from '../../shared/i18n/i18n';
import type { PractitionerKey } from '../../shared/i18n/keys';

type T = Translate<PractitionerKey>;

/** The programme's modules by id (titles in the reader's language), for naming online steps. */
export type ModuleTitles = ReadonlyMap<string, Pick<ProgrammeModuleSummary, 'id' | 'title' | 'component' | 'core'>>;

export function componentLabel(t: T, component: PlanComponent): string {
  return t(`practitioner.component.${component}`);
}

/** A step in a few words: "Session: Behavioural activation" or "Online: Getting active". */
export function stepTitle(t: T, step: Pick<PlanStep, 'mode' | 'component' | 'moduleId'>, modules: ModuleTitles): string {
  if (step.mode === 'online') return t('practitioner.plan.onlineTitle', { module: (step.moduleId && modules.get(step.moduleId)?.title) || step.moduleId || '' });
  return t('practitioner.plan.sessionTitle', { component: componentLabel(t, step.component) });
}

/** "6 face to face, 5 online" */
export function blendText(t: T, blend: { faceToFace: number; online: number }): string {
  return t('practitioner.plan.blendText', blend);
}

/** The components as a readable list, or "none". */
export function componentList(t: T, components: readonly PlanComponent[]): string {
  return components.length ? components.map((c) => componentLabel(t, c)).join(', ') : t('practitioner.plan.none');
}
