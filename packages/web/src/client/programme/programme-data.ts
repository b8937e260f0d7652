import type { ProgrammeModuleSummary, ProgrammeProgress } from '@tandem/domain';
import type { Translate } from '../../shared/i18n/i18n';
import type { ClientKey } from '../../shared/i18n/keys';
import type { OutboxItem } from '../outbox/outbox';

/** "About 3 minutes" (one key per number form: the app's strings have no plural rules). */
export function minutesText(minutes: number, t: Translate<ClientKey>): string {
  return minutes === 1 ? t('client.programme.minute') : t('client.programme.minutes', { minutes });
}

/** The outbox item that marks a step done: PUT, so sending it twice changes nothing. */
export function stepDoneItem(moduleId: string, stepId: string, contentVersion: string): Omit<OutboxItem, 'seq' | 'attempts' | 'state' | 'ownerId'> {
  const now = new Date().toISOString();
  return {
    id: `step-done:${moduleId}/${stepId}`,
    kind: 'step-done',
    method: 'PUT',
    url: `/api/me/programme/steps/${moduleId}/${stepId}`,
    body: { contentVersion, recordedAt: now },
    createdAt: now,
  };
}

/** Steps done, from the server and any "Done" still waiting on this phone: "module/step". */
export function doneSteps(progress: ProgrammeProgress | null, waiting: readonly OutboxItem[]): Set<string> {
  const done = new Set((progress?.done ?? []).map((d) => `${d.moduleId}/${d.stepId}`));
  for (const item of waiting) if (item.kind === 'step-done' && item.state === 'waiting') done.add(item.id.slice('step-done:'.length));
  return done;
}

/** Steps done out of all the module's steps. */
export function countDone(module: ProgrammeModuleSummary, done: ReadonlySet<string>): number {
  return module.steps.filter((s) => done.has(`${module.id}/${s.id}`)).length;
}

/** The programme's address with the page's language, so the text comes in it where it exists. */
export const programmeUrl = (locale: string) => `/api/programme?locale=${encodeURIComponent(locale)}`;
export const stepUrl = (moduleId: string, stepId: string, locale: string) =>
  `/api/programme/modules/${moduleId}/steps/${stepId}?locale=${encodeURIComponent(locale)}`;
