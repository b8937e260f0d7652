import { z } from 'zod';
import { IdSchema } from '../ids';
import { planComponents } from '../plans/plan';

/**
 * The structured session note (issue 8, item 6; decision 0024): what a face-to-face session
 * covered, written by the practitioner during or after it and saved as they type. It is the care
 * team's internal record: never shown to the client, never part of a view shared with them in the
 * session ("together" views hide internal and colleagues' notes).
 */

/** Limits on the note's free text: long enough for a session's notes, short enough to read in a brief (BRIEF.md B2). */
export const sessionNoteLimits = { agenda: 2000, reviewed: 2000, homeworkSet: 1000, nextSteps: 2000 } as const;

const text = (max: number) => z.string().max(max, `must be at most ${max} characters`).default('');

/**
 * PUT /api/appointments/:appointmentId/session-note — the whole note as it stands (autosave). The
 * app sends it a second or so after the practitioner stops typing; `savedAt` is the device's time
 * of this save and orders saves, so a save that arrives late never overwrites newer words (as for
 * exercise entries, decision 0019).
 */
export const SaveSessionNoteRequestSchema = z
  .strictObject({
    /** The face-to-face step of the episode's plan this session delivered, or null. */
    planStepId: IdSchema.nullable().default(null),
    /** The CBT component the session delivered (what happened, which may differ from the step's). */
    componentDelivered: z.enum(planComponents).nullable().default(null),
    agenda: text(sessionNoteLimits.agenda),
    /** What was reviewed: mood, measures, the week, online work. */
    reviewed: text(sessionNoteLimits.reviewed),
    /** Whether the homework set last time was reviewed; null until the practitioner says. */
    homeworkReviewed: z.boolean().nullable().default(null),
    /** The homework agreed, in the note's words (structured homework is set separately). */
    homeworkSet: text(sessionNoteLimits.homeworkSet),
    /** Whether risk was reviewed in this session; null until the practitioner says. */
    riskReviewed: z.boolean().nullable().default(null),
    nextSteps: text(sessionNoteLimits.nextSteps),
    savedAt: z.iso.datetime({ offset: true, message: 'must be a date and time' }),
  })
  .meta({ id: 'SaveSessionNoteRequest' });
export type SaveSessionNoteRequest = z.input<typeof SaveSessionNoteRequestSchema>;

export const SessionNoteSchema = z
  .object({
    appointmentId: z.uuid(),
    episodeId: z.uuid(),
    clientId: z.uuid(),
    planStepId: z.uuid().nullable(),
    componentDelivered: z.enum(planComponents).nullable(),
    agenda: z.string(),
    reviewed: z.string(),
    homeworkReviewed: z.boolean().nullable(),
    homeworkSet: z.string(),
    riskReviewed: z.boolean().nullable(),
    nextSteps: z.string(),
    /** The device time of the save now stored. */
    savedAt: z.iso.datetime(),
    /** Rises with every applied save. */
    revision: z.number().int(),
    /** Always "care_team": the note is internal, never shown to the client. */
    visibility: z.literal('care_team'),
    createdAt: z.iso.datetime(),
    createdByStaffId: z.uuid().nullable(),
    updatedAt: z.iso.datetime(),
    updatedByStaffId: z.uuid().nullable(),
  })
  .meta({ id: 'SessionNote' });
export type SessionNote = z.infer<typeof SessionNoteSchema>;

/** GET …/session-note: the note, or null while none has been written. */
export const SessionNoteStateSchema = z.object({ note: SessionNoteSchema.nullable() }).meta({ id: 'SessionNoteState' });
export type SessionNoteState = z.infer<typeof SessionNoteStateSchema>;

/** PUT …/session-note: the stored note, and whether this save changed it (false for a late, older save). */
export const SaveSessionNoteResultSchema = z.object({ note: SessionNoteSchema, applied: z.boolean() }).meta({ id: 'SaveSessionNoteResult' });
export type SaveSessionNoteResult = z.infer<typeof SaveSessionNoteResultSchema>;

/** Whether the note says homework was set: its homework text has words in it. */
export function noteSetHomework(note: { homeworkSet: string } | null | undefined): boolean {
  return (note?.homeworkSet.trim() ?? '') !== '';
}
