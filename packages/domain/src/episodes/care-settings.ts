import { z } from 'zod';
import { defaultReplyWorkingDays } from '../messages/messages';
import { defaultDueWindowHours } from '../questionnaires/due';
import { defaultNoActivityDays, noActivityDaysBounds } from '../worklist/worklist';
import { defaultNoImprovementBySession, defaultSessionLimits } from './review';

/**
 * An organisation's care settings, set by its admins for the clinical lead: the session limit per
 * step and the session by which no reliable improvement asks for a supervisor's review (issue 5,
 * "Supervision scope"), and how long before an appointment its questionnaires become due (issue 6,
 * item 3). The defaults and their sources are in episodes/review.ts and questionnaires/due.ts.
 *
 * Bounds are for safety, not clinical advice: a limit of 0 or a window of a month would silently
 * switch the feature off or ask a client for questionnaires long before they mean anything.
 */
const SessionCountSchema = z.number().int('must be a whole number').min(1, 'must be at least 1').max(60, 'must be at most 60');

export const CareSettingsSchema = z
  .strictObject({
    sessionLimits: z.strictObject({ low_intensity: SessionCountSchema, high_intensity: SessionCountSchema }),
    noImprovementBySession: SessionCountSchema,
    /** Hours before an assessment or treatment appointment that PHQ-9 and GAD-7 become due. */
    questionnaireDueWindowHours: z.number().int('must be a whole number').min(1, 'must be at least 1 hour').max(7 * 24, 'must be at most 7 days'),
    /**
     * The reply time promised to clients beside the message box, in working days (issue 9 item 3;
     * decision 0027). Settings saved before it existed read as the default.
     */
    messageReplyWorkingDays: z.number().int('must be a whole number').min(1, 'must be at least 1 working day').max(10, 'must be at most 10 working days').default(defaultReplyWorkingDays),
    /**
     * Days without any online activity before a client in active care is on the worklist (issue 9
     * item 1; decision 0025). Settings saved before it existed read as the default (worklist/worklist.ts).
     */
    noActivityDays: z
      .number()
      .int('must be a whole number')
      .min(noActivityDaysBounds.min, `must be at least ${noActivityDaysBounds.min} days`)
      .max(noActivityDaysBounds.max, `must be at most ${noActivityDaysBounds.max} days`)
      .default(defaultNoActivityDays),
  })
  .meta({ id: 'CareSettings' });
export type CareSettings = z.infer<typeof CareSettingsSchema>;

export const defaultCareSettings: CareSettings = {
  sessionLimits: defaultSessionLimits,
  noImprovementBySession: defaultNoImprovementBySession,
  questionnaireDueWindowHours: defaultDueWindowHours,
  messageReplyWorkingDays: defaultReplyWorkingDays,
  noActivityDays: defaultNoActivityDays,
};

/** GET/PUT /api/organisation/care-settings: the settings and their version (0 while the defaults apply). */
export const CareSettingsStateSchema = z
  .object({ settings: CareSettingsSchema, version: z.number().int(), isDefault: z.boolean() })
  .meta({ id: 'CareSettingsState' });
export type CareSettingsState = z.infer<typeof CareSettingsStateSchema>;

/** The version is the one the editor saw: a stale one is refused (someone else changed them). */
export const SetCareSettingsRequestSchema = z
  .strictObject({ settings: CareSettingsSchema, version: z.number().int().min(0) })
  .meta({ id: 'SetCareSettingsRequest' });
