import { z } from 'zod';
import { moodScale } from '../checkins/mood';
import type { ExerciseId } from '../content/module';
import { IsoDateSchema } from '../api/fields';

/**
 * The programme's exercises as typed forms (issue 7, item 3). Each has two shapes:
 * - a **draft**: anything typed so far, every field optional, saved as the client types so no word
 *   is lost — only the length limits apply (they protect storage and the practitioner's screen);
 * - a **submitted** entry: the fields the exercise needs filled in, checked when the client sends it.
 * Limits are generous for writing, and each message says what to do.
 */

/** Free text, trimmed, at most `max` characters. */
const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);
const filled = (max: number) => text(max).min(1, 'must not be empty');
const LocalTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time written HH:MM');

/** A 0–10 rating: achievement and enjoyment in the activity diary, progress towards a goal. */
const rating = z.number().int('must be a whole number').min(0, 'must be 0 to 10').max(10, 'must be 0 to 10');
/**
 * Mood in the activity diary uses the check-in's 1–10 scale, so a client has one mood scale, not
 * two (mood.ts). Achievement and enjoyment are rated 0–10, as in behavioural-activation diaries'
 * ratings of achievement and enjoyment (e.g. NHS Talking Therapies low-intensity materials).
 */
const mood = z.number().int('must be a whole number').min(moodScale.min, 'must be 1 to 10').max(moodScale.max, 'must be 1 to 10');
/** How strong a feeling is, 0–100 %, as on a thought record (Beck 1979; Greenberger & Padesky). */
const intensity = z.number().int('must be a whole number').min(0, 'must be 0 to 100').max(100, 'must be 0 to 100');

const maxRows = 30;
const rows = <T extends z.ZodType>(row: T, max = maxRows) => z.array(row).max(max, `can have at most ${max} rows`);

// Activity diary: what the client did, when, and how it felt.
const DiaryRowDraft = z.strictObject({ date: IsoDateSchema.optional(), time: LocalTimeSchema.optional(), activity: text(200).optional(), mood: mood.optional(), achievement: rating.optional(), enjoyment: rating.optional() });
const DiaryRow = z.strictObject({ date: IsoDateSchema, time: LocalTimeSchema, activity: filled(200), mood, achievement: rating, enjoyment: rating });

// Activity planner: small activities placed on days, each with an optional reminder.
const PlanRowDraft = z.strictObject({ date: IsoDateSchema.optional(), time: LocalTimeSchema.nullable().optional(), activity: text(200).optional(), remind: z.boolean().optional() });
const PlanRow = z.strictObject({ date: IsoDateSchema, time: LocalTimeSchema.nullable(), activity: filled(200), remind: z.boolean() });

// Thought record.
const FeelingDraft = z.strictObject({ name: text(60).optional(), intensity: intensity.optional() });
const Feeling = z.strictObject({ name: filled(60), intensity });

// Problem solving: options with what is good and bad about each, one chosen.
const OptionDraft = z.strictObject({ idea: text(300).optional(), pros: text(500).optional(), cons: text(500).optional() });
const Option = z.strictObject({ idea: filled(300), pros: text(500), cons: text(500) });

// Relapse-prevention (staying-well) plan: people to contact are named by the client in their own words.
const PersonDraft = z.strictObject({ name: text(100).optional(), how: text(200).optional() });
const Person = z.strictObject({ name: filled(100), how: text(200) });

// Goals: what the client wants to work towards, and how far along they feel (0–10).
const GoalDraft = z.strictObject({ text: text(300).optional(), progress: rating.optional() });
const Goal = z.strictObject({ text: filled(300), progress: rating });

const listOf = (max: number, itemMax: number) => z.array(text(itemMax)).max(max, `can have at most ${max} items`);
const filledList = (max: number, itemMax: number) => z.array(filled(itemMax)).min(1, 'add at least one').max(max, `can have at most ${max} items`);

export const exerciseForms = {
  'activity-diary': {
    draft: z.strictObject({ rows: rows(DiaryRowDraft).optional() }),
    submitted: z.strictObject({ rows: rows(DiaryRow).min(1, 'add at least one activity') }),
  },
  'activity-planner': {
    draft: z.strictObject({ rows: rows(PlanRowDraft).optional() }),
    submitted: z.strictObject({ rows: rows(PlanRow).min(1, 'plan at least one activity') }),
  },
  'thought-record': {
    draft: z.strictObject({
      situation: text(1000).optional(),
      feelings: rows(FeelingDraft, 6).optional(),
      automaticThought: text(1000).optional(),
      evidenceFor: text(2000).optional(),
      evidenceAgainst: text(2000).optional(),
      balancedThought: text(1000).optional(),
      feelingsAfter: rows(FeelingDraft, 6).optional(),
    }),
    submitted: z.strictObject({
      situation: filled(1000),
      feelings: rows(Feeling, 6).min(1, 'name at least one feeling'),
      automaticThought: filled(1000),
      evidenceFor: text(2000),
      evidenceAgainst: text(2000),
      balancedThought: filled(1000),
      feelingsAfter: rows(Feeling, 6),
    }),
  },
  'problem-solving': {
    draft: z.strictObject({ problem: text(1000).optional(), options: rows(OptionDraft, 10).optional(), chosen: z.number().int().min(0).nullable().optional(), plan: text(1000).optional(), review: text(1000).optional() }),
    submitted: z
      .strictObject({ problem: filled(1000), options: rows(Option, 10).min(1, 'list at least one idea'), chosen: z.number().int().min(0).nullable(), plan: text(1000), review: text(1000) })
      .refine((v) => v.chosen === null || v.chosen < v.options.length, { path: ['chosen'], message: 'must be one of the ideas listed' }),
  },
  'relapse-prevention-plan': {
    draft: z.strictObject({ whatHelped: listOf(10, 300).optional(), warningSigns: listOf(10, 300).optional(), whatToDo: listOf(10, 300).optional(), people: rows(PersonDraft, 10).optional() }),
    submitted: z.strictObject({ whatHelped: filledList(10, 300), warningSigns: filledList(10, 300), whatToDo: filledList(10, 300), people: rows(Person, 10) }),
  },
  goals: {
    draft: z.strictObject({ goals: rows(GoalDraft, 5).optional() }),
    submitted: z.strictObject({ goals: rows(Goal, 5).min(1, 'add at least one goal') }),
  },
} as const satisfies Record<ExerciseId, { draft: z.ZodType; submitted: z.ZodType }>;

export type ExerciseDraft<E extends ExerciseId> = z.infer<(typeof exerciseForms)[E]['draft']>;
export type ExerciseSubmission<E extends ExerciseId> = z.infer<(typeof exerciseForms)[E]['submitted']>;

/** Largest draft or entry a client may store, as JSON: every field at its limit fits within it, and so does the request (the server's body limit is 64 KB by default). */
export const maxExerciseBytes = 48 * 1024;

/** Bytes of a string in UTF-8, for the storage limit (no TextEncoder: domain runs anywhere). */
export function utf8Length(s: string): number {
  let n = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return n;
}
