import type { ClientHomework, Programme } from '@tandem/domain';
import type { OutboxItem } from '../outbox/outbox';
import { exerciseHref, stepHref } from '../programme/paths';
import { doneSteps } from '../programme/programme-data';

type Current = NonNullable<ClientHomework['current']>;
export type HomeworkItemView = Current['items'][number];

/** The homework's address with the page's language, so titles come in it where they exist. */
export const homeworkUrl = (locale: string) => `/api/me/homework?locale=${encodeURIComponent(locale)}`;

/**
 * Whether an item is done: as the server says, or — for a step — marked done on this phone and
 * still waiting to be sent (a "Done" given offline counts straight away).
 */
export function isItemDone(item: HomeworkItemView, waiting: readonly OutboxItem[]): boolean {
  if (item.done) return true;
  return item.kind === 'step' && item.stepId !== null && doneSteps(null, waiting).has(`${item.moduleId}/${item.stepId}`);
}

/**
 * Where an item opens: a step's page; an exercise through the step of its module that opens it
 * (the server names only the exercise), or the module when the programme is not at hand.
 */
export function homeworkItemHref(item: HomeworkItemView, programme: Programme | null): string {
  if (item.kind === 'step' && item.stepId) return stepHref(item.moduleId, item.stepId);
  const module = programme?.modules.find((m) => m.id === item.moduleId);
  const step = module?.steps.find((s) => s.exercise === item.exerciseId);
  return step ? exerciseHref(item.moduleId, step.id) : `/programme/${item.moduleId}`;
}
