import { HomeworkItemSchema, presentModule, type HomeworkAssignment, type HomeworkItem, type ProgrammeModule } from '@tandem/domain';
import { z } from 'zod';
import type { DoneFacts, HomeworkRow } from './homework.repo';

/**
 * Presenting homework: each item with its title from the programme and whether it is done. A step
 * is done when the client finished it after the homework was set; an exercise when an entry of it
 * was sent after that (shared or private — a private one only ever shows as "done").
 */
const StoredItemsSchema = z.array(HomeworkItemSchema);
export const itemsOf = (row: Pick<HomeworkRow, 'items'>): HomeworkItem[] => StoredItemsSchema.parse(row.items);

type Entry = HomeworkAssignment['items'][number]['entries'][number];
type Programme = readonly ProgrammeModule[];

/** Titles and minutes of steps, in the reader's language, looked up once per module. */
export function titleLookup(programme: Programme, locale?: string) {
  const cache = new Map<string, ReturnType<typeof presentModule> | null>();
  const moduleOf = (id: string) => {
    if (!cache.has(id)) {
      const module = programme.find((m) => m.meta.id === id);
      cache.set(id, module ? presentModule(module, locale) : null);
    }
    return cache.get(id)!;
  };
  return (item: HomeworkItem): { title: string; minutes: number | null } => {
    const module = moduleOf(item.moduleId);
    const step = module?.steps.find((s) => (item.kind === 'step' ? s.id === item.stepId : s.exercise === item.exerciseId));
    return { title: step?.title ?? module?.title ?? item.moduleId, minutes: step?.minutes ?? null };
  };
}

/** The entries sent for an exercise item since `since`: each entry once, its latest revision. */
function entriesFor(item: Extract<HomeworkItem, { kind: 'exercise' }>, facts: DoneFacts, since: Date, withData: boolean): Entry[] {
  const latest = new Map<string, DoneFacts['submissions'][number]>();
  for (const s of facts.submissions) {
    if (s.exercise !== item.exerciseId || (s.module_id !== null && s.module_id !== item.moduleId) || s.recorded_at < since) continue;
    latest.set(s.id, s);
  }
  return [...latest.values()].map((s) => ({
    // A private entry is only "done": no id to open, no words (BRIEF.md: private means nobody reads it).
    id: s.shared ? s.id : null,
    exercise: s.exercise,
    submittedAt: s.recorded_at.toISOString(),
    shared: s.shared,
    data: s.shared && withData ? (s.data as Record<string, unknown>) : null,
  }));
}

/** Each item's done state and entries, for one homework row. */
export function itemStates(row: Pick<HomeworkRow, 'items' | 'set_at'>, facts: DoneFacts, withData = false) {
  return itemsOf(row).map((item) => {
    if (item.kind === 'step') {
      const done = facts.steps.some((s) => s.module_id === item.moduleId && s.step_id === item.stepId && s.recorded_at >= row.set_at);
      return { item, done, entries: [] as Entry[] };
    }
    const entries = entriesFor(item, facts, row.set_at, withData);
    return { item, done: entries.length > 0, entries };
  });
}

const itemView = (item: HomeworkItem) => ({
  kind: item.kind,
  moduleId: item.moduleId,
  stepId: item.kind === 'step' ? item.stepId : null,
  exerciseId: item.kind === 'exercise' ? item.exerciseId : null,
});

/** An assignment as the care team sees it (session mode adds the shared entries' words). */
export function presentAssignment(row: HomeworkRow, facts: DoneFacts, programme: Programme, options: { withData?: boolean; locale?: string } = {}): HomeworkAssignment {
  const title = titleLookup(programme, options.locale);
  const states = itemStates(row, facts, options.withData ?? false);
  return {
    id: row.id,
    episodeId: row.episode_id,
    appointmentId: row.appointment_id,
    dueOn: row.due_on,
    status: row.status,
    setAt: row.set_at.toISOString(),
    setByStaffId: row.set_by,
    cancelledAt: row.cancelled_at?.toISOString() ?? null,
    items: states.map((s) => ({ ...itemView(s.item), ...title(s.item), done: s.done, entries: s.entries })),
    allDone: states.every((s) => s.done),
  };
}

/** The client's own view: titles, minutes and done, nothing of the care team's record. */
export function presentOwnItems(row: HomeworkRow, facts: DoneFacts, programme: Programme, locale?: string) {
  const title = titleLookup(programme, locale);
  return itemStates(row, facts).map((s) => ({ ...itemView(s.item), ...title(s.item), done: s.done }));
}
