import { z } from 'zod';
import { IsoDateSchema } from '../api/fields';
import { localDate } from '../checkins/mood';
import { inQuietHours, type MoodPromptSchedule } from '../checkins/prompt-schedule';
import { exerciseIds, type ModuleMeta } from '../content/module';
import { IdSchema } from '../ids';
import { zonedDateTimeToInstant } from '../time/zoned';

/**
 * Homework tied to the next appointment (issue 8 item 4; decision 0023). In a session the
 * practitioner chooses module steps or exercises (BRIEF.md B3: "homework set in ≤ 3 actions"); the
 * due date defaults to the day before the next appointment in the client's time zone, and the
 * client is reminded before it.
 */

/** At most ten things at once: bite-size work (BRIEF.md B2, overwhelming). */
export const maxHomeworkItems = 10;

const ContentRefSchema = z.string().regex(/^[a-z][a-z0-9-]{0,80}$/, 'is not a content id');

/** One thing to do: a step of a module, or an exercise (as it is opened in a module). */
export const HomeworkItemSchema = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('step'), moduleId: ContentRefSchema, stepId: ContentRefSchema }),
    z.strictObject({ kind: z.literal('exercise'), exerciseId: z.enum(exerciseIds), moduleId: ContentRefSchema }),
  ])
  .meta({ id: 'HomeworkItem' });
export type HomeworkItem = z.infer<typeof HomeworkItemSchema>;

/** The key that makes two items the same thing to do. */
export const homeworkItemKey = (item: HomeworkItem): string =>
  item.kind === 'step' ? `step:${item.moduleId}/${item.stepId}` : `exercise:${item.moduleId}/${item.exerciseId}`;

export const HomeworkItemListSchema = z
  .array(HomeworkItemSchema)
  .min(1, 'choose at least one step or exercise')
  .max(maxHomeworkItems, `must be at most ${maxHomeworkItems} things`)
  .refine((items) => new Set(items.map(homeworkItemKey)).size === items.length, 'must not list the same thing twice');

/** The homework part of a request: what, and by when (default: the day before the next appointment). */
export const HomeworkInputSchema = z.strictObject({
  id: IdSchema,
  items: HomeworkItemListSchema,
  dueOn: IsoDateSchema.optional(),
});

/**
 * POST /api/episodes/:episodeId/homework. `appointmentId` defaults to the episode's next booked
 * appointment; `dueOn` to the calendar day before it. With no appointment ahead, `dueOn` is needed.
 */
export const SetHomeworkRequestSchema = HomeworkInputSchema.extend({ appointmentId: IdSchema.optional() }).meta({ id: 'SetHomeworkRequest' });
export type SetHomeworkRequest = z.input<typeof SetHomeworkRequestSchema>;

/** POST /api/homework/:homeworkId/cancel */
export const CancelHomeworkRequestSchema = z
  .strictObject({ reason: z.string().trim().min(1, 'say why, briefly').max(200, 'must be at most 200 characters') })
  .meta({ id: 'CancelHomeworkRequest' });

export const HomeworkIdParamsSchema = z.strictObject({ homeworkId: IdSchema });

/**
 * Problems of items against the programme: the module and step exist; an exercise is opened by a
 * step of that module. Paths are the item's index and field.
 */
export function homeworkItemIssues(items: readonly HomeworkItem[], modules: readonly Pick<ModuleMeta, 'id' | 'steps'>[]): { path: (string | number)[]; message: string }[] {
  const issues: { path: (string | number)[]; message: string }[] = [];
  items.forEach((item, i) => {
    const module = modules.find((m) => m.id === item.moduleId);
    if (!module) return issues.push({ path: [i, 'moduleId'], message: 'is not a module of the programme' });
    if (item.kind === 'step' && !module.steps.some((s) => s.id === item.stepId)) issues.push({ path: [i, 'stepId'], message: 'is not a step of this module' });
    if (item.kind === 'exercise' && !module.steps.some((s) => s.exercise === item.exerciseId)) issues.push({ path: [i, 'exerciseId'], message: 'is not an exercise of this module' });
    return undefined;
  });
  return issues;
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * The default due date: the calendar day before the appointment, in the client's time zone
 * ("before your session on Tuesday", so the work is done the day before, not in the waiting room).
 * An appointment at 00:30 on Wednesday gives Tuesday: the day before *its* date.
 */
export function defaultDueDate(nextAppointmentStartsAt: Date, timeZone: string): string {
  return addDays(localDate(nextAppointmentStartsAt, timeZone), -1);
}

/** Reminders fall at 09:00 client time: two days before the due date, and on its morning. */
export const homeworkReminderTime = '09:00';
export const homeworkReminderDaysBefore = [2, 0] as const;

/**
 * When to remind the client of homework due on `dueOn` (a date in their time zone): at 09:00 two
 * days before and on the morning of the due date. A reminder that falls in the client's quiet
 * hours (their mood-prompt setting) moves to the end of the quiet hours that same morning, and is
 * dropped if that is not later the same day; reminders at or before `now` are dropped. At most two
 * a homework: reminders the client can live with (BRIEF.md B2).
 */
export function homeworkReminderTimes(input: { dueOn: string; timeZone: string; now: Date; quietHours?: MoodPromptSchedule['quietHours'] }): Date[] {
  const quiet = input.quietHours ?? null;
  const times: Date[] = [];
  for (const before of homeworkReminderDaysBefore) {
    const date = addDays(input.dueOn, -before);
    let time = homeworkReminderTime;
    if (inQuietHours(time, quiet)) {
      if (!quiet || quiet.end <= time) continue;
      time = quiet.end;
    }
    const at = zonedDateTimeToInstant(date, time, input.timeZone);
    if (at > input.now) times.push(at);
  }
  return times;
}

/** The reminder email: nothing clinical, no module or exercise names (lock screens; HAZ-046). */
export function homeworkReminderEmail(appUrl: string): { subject: string; text: string } {
  return {
    subject: 'A reminder from Tandem',
    text:
      `You have something to do in Tandem before your next session.\n\n` +
      `Open Tandem: ${appUrl}\n\n` +
      `You get this email because you agreed to hear from Tandem by email. You can change that in Tandem under "Your choices".`,
  };
}

const ItemViewSchema = z.object({
  kind: z.enum(['step', 'exercise']),
  moduleId: z.string(),
  stepId: z.string().nullable(),
  exerciseId: z.enum(exerciseIds).nullable(),
  /** The step's title in the reader's language (for an exercise: the step that opens it). */
  title: z.string(),
  minutes: z.number().int().nullable(),
  /** A step finished, or an entry of the exercise sent, after the homework was set. */
  done: z.boolean(),
});

/** An entry sent for an exercise item: shared ones by id; a private one only counts as done. */
export const HomeworkEntrySchema = z.object({
  id: z.uuid().nullable(),
  exercise: z.enum(exerciseIds),
  submittedAt: z.iso.datetime(),
  shared: z.boolean(),
  /** The shared entry's sent text (in session mode only); null when private or not asked for. */
  data: z.record(z.string(), z.unknown()).nullable(),
});

/** An assignment as the care team sees it. */
export const HomeworkAssignmentSchema = z
  .object({
    id: z.uuid(),
    episodeId: z.uuid(),
    appointmentId: z.uuid().nullable(),
    dueOn: z.string(),
    status: z.enum(['active', 'cancelled']),
    setAt: z.iso.datetime(),
    setByStaffId: z.uuid().nullable(),
    cancelledAt: z.iso.datetime().nullable(),
    items: z.array(ItemViewSchema.extend({ entries: z.array(HomeworkEntrySchema) })),
    allDone: z.boolean(),
  })
  .meta({ id: 'HomeworkAssignment' });
export type HomeworkAssignment = z.infer<typeof HomeworkAssignmentSchema>;
export const HomeworkAssignmentListSchema = z.object({ assignments: z.array(HomeworkAssignmentSchema) }).meta({ id: 'HomeworkAssignmentList' });

/**
 * GET /api/me/homework — "Before your session on Tuesday 3 December": the newest active homework
 * not yet past its due date, with the appointment it leads to (null if none is booked any more).
 */
export const ClientHomeworkSchema = z
  .object({
    current: z
      .object({
        id: z.uuid(),
        dueOn: z.string(),
        appointment: z.object({ startsAt: z.iso.datetime(), timeZone: z.string() }).nullable(),
        items: z.array(ItemViewSchema),
      })
      .nullable(),
  })
  .meta({ id: 'ClientHomework' });
export type ClientHomework = z.infer<typeof ClientHomeworkSchema>;
