import { z } from 'zod';
import { exerciseIds } from '../content/module';
import { IdSchema } from '../ids';

const Instant = z.iso.datetime({ offset: true, message: 'must be a date and time' });
const ContentRefSchema = z.string().regex(/^[a-z][a-z0-9-]{0,80}$/, 'is not a content id');

/**
 * PUT /api/exercise-entries/:entryId — save a draft or submit an entry. The id is made on the
 * phone and is the idempotency key; `recordedAt` (the phone's time of this save) orders saves, so
 * a draft replayed late never overwrites a newer one. `data` is checked against the exercise's
 * draft or submitted form (forms.ts) by the server, which knows which applies.
 */
export const SaveExerciseEntryRequestSchema = z
  .strictObject({
    exercise: z.enum(exerciseIds),
    moduleId: ContentRefSchema.nullable(),
    stepId: ContentRefSchema.nullable(),
    /** The module version the work was done against, e.g. "1.0.0". */
    contentVersion: z.string().regex(/^\d+\.\d+\.\d+$/, 'must be a version such as 1.0.0').nullable(),
    status: z.enum(['draft', 'submitted']),
    /** Shared with the care team (the default), or private: nobody else can read it. */
    shared: z.boolean(),
    data: z.record(z.string(), z.unknown()),
    recordedAt: Instant,
    /**
     * The entry's `revision` this edit started from (0 for a new entry). Absent in saves queued by
     * older app versions: then saves are ordered by `recordedAt` alone (decision 0033).
     */
    baseRevision: z.number().int().min(0).optional(),
    /** A random id the device keeps, so its own earlier saves are never taken for another device's. */
    deviceId: IdSchema.optional(),
  })
  .meta({ id: 'SaveExerciseEntryRequest' });
export type SaveExerciseEntryRequest = z.input<typeof SaveExerciseEntryRequestSchema>;

export const ExerciseEntryIdParamsSchema = z.strictObject({ entryId: IdSchema });
export const ExerciseEntryOtherVersionParamsSchema = z.strictObject({ entryId: IdSchema, versionId: IdSchema });

/**
 * A version of the entry made on another device (or on this one) that was not kept as the current
 * entry, because the two edits did not see each other (decision 0033). Kept until the client
 * chooses; only the client sees it.
 */
export const ExerciseEntryOtherVersionSchema = z
  .object({
    id: z.uuid(),
    data: z.record(z.string(), z.unknown()),
    shared: z.boolean(),
    status: z.enum(['draft', 'submitted']),
    /** When it was made, by the device's clock. */
    recordedAt: z.iso.datetime(),
  })
  .meta({ id: 'ExerciseEntryOtherVersion' });
export type ExerciseEntryOtherVersion = z.infer<typeof ExerciseEntryOtherVersionSchema>;

export const ExerciseFeedbackSchema = z.object({
  id: z.uuid(),
  revision: z.number().int(),
  text: z.string(),
  staffName: z.string(),
  createdAt: z.iso.datetime(),
});
export type ExerciseFeedback = z.infer<typeof ExerciseFeedbackSchema>;

/** The client's own entry: the latest text, draft or submitted, with feedback on it. */
export const ExerciseEntrySchema = z
  .object({
    id: z.uuid(),
    exercise: z.enum(exerciseIds),
    moduleId: z.string().nullable(),
    stepId: z.string().nullable(),
    contentVersion: z.string().nullable(),
    status: z.enum(['draft', 'submitted']),
    shared: z.boolean(),
    data: z.record(z.string(), z.unknown()),
    /** Increases with every applied save. */
    revision: z.number().int(),
    /** How many times it was submitted (each kept as history). */
    submissions: z.number().int(),
    recordedAt: z.iso.datetime(),
    receivedAt: z.iso.datetime(),
    firstSubmittedAt: z.iso.datetime().nullable(),
    feedback: z.array(ExerciseFeedbackSchema),
    /** Versions made on two devices that the client has not chosen between yet, oldest first. */
    otherVersions: z.array(ExerciseEntryOtherVersionSchema),
  })
  .meta({ id: 'ExerciseEntry' });
export type ExerciseEntry = z.infer<typeof ExerciseEntrySchema>;

export const SaveExerciseEntryResponseSchema = z
  .object({
    entry: ExerciseEntrySchema,
    /**
     * False when the stored entry stays current: a late replay (nothing changed), or an edit from
     * another device that is older by device time (kept in `entry.otherVersions`).
     */
    applied: z.boolean(),
  })
  .meta({ id: 'SaveExerciseEntryResponse' });
export type SaveExerciseEntryResponse = z.infer<typeof SaveExerciseEntryResponseSchema>;

export const ExerciseEntryListSchema = z.object({ entries: z.array(ExerciseEntrySchema) }).meta({ id: 'ExerciseEntryList' });

/**
 * What the care team sees of a submitted entry: the last submitted text when shared; only that it
 * exists when private (BRIEF.md, safety principles: private means nobody reads it).
 */
export const SharedExerciseEntrySchema = z
  .object({
    id: z.uuid(),
    exercise: z.enum(exerciseIds),
    moduleId: z.string().nullable(),
    contentVersion: z.string().nullable(),
    private: z.boolean(),
    /** Null when private. */
    data: z.record(z.string(), z.unknown()).nullable(),
    /** The submitted revision shown (feedback refers to it). */
    revision: z.number().int(),
    submittedAt: z.iso.datetime(),
    feedback: z.array(ExerciseFeedbackSchema),
  })
  .meta({ id: 'SharedExerciseEntry' });
export type SharedExerciseEntry = z.infer<typeof SharedExerciseEntrySchema>;
export const SharedExerciseEntryListSchema = z.object({ entries: z.array(SharedExerciseEntrySchema) }).meta({ id: 'SharedExerciseEntryList' });

export const feedbackMaxLength = 1000;

/** POST /api/exercise-entries/:entryId/feedback — short written feedback, never blocking the client. */
export const GiveFeedbackRequestSchema = z
  .strictObject({
    id: IdSchema,
    /** The submitted revision the feedback is about (the one on screen). */
    revision: z.number().int().min(1),
    text: z.string().trim().min(1, 'must not be empty').max(feedbackMaxLength, `must be at most ${feedbackMaxLength} characters`),
  })
  .meta({ id: 'GiveFeedbackRequest' });

/** Reusable feedback wording, the organisation's or a practitioner's own. */
export const FeedbackTemplateSchema = z
  .object({ id: z.uuid(), title: z.string(), text: z.string(), shared: z.boolean(), ownerStaffId: z.uuid().nullable() })
  .meta({ id: 'FeedbackTemplate' });
export const FeedbackTemplateListSchema = z.object({ templates: z.array(FeedbackTemplateSchema) }).meta({ id: 'FeedbackTemplateList' });
export const CreateFeedbackTemplateRequestSchema = z
  .strictObject({
    id: IdSchema,
    title: z.string().trim().min(1, 'must not be empty').max(80, 'must be at most 80 characters'),
    text: z.string().trim().min(1, 'must not be empty').max(feedbackMaxLength, `must be at most ${feedbackMaxLength} characters`),
    /** For everyone in the organisation (admins only), or just for the author. */
    shared: z.boolean(),
  })
  .meta({ id: 'CreateFeedbackTemplateRequest' });
