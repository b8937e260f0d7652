import { z } from 'zod';
import { IdSchema } from '../ids';

/**
 * A client's consent, versioned: each answer is a new record, never an edit, so what was agreed,
 * when, to which version of the wording and who recorded it stays on file (UK GDPR Art. 7(1):
 * a controller must be able to show consent was given). Withdrawing one part takes effect at once
 * (Art. 7(3)): the next send checks the current record.
 *
 * Parts:
 * - blendedTreatment: using Tandem alongside sessions;
 * - messagingUnderstood: how messages work, and that nothing is monitored around the clock;
 * - channels: which ways Tandem may contact them (email, text message, push notifications);
 * - research: de-identified use of their data for research.
 */
export const consentWordingVersion = 'tandem-consent-2026-11';

export const contactChannels = ['email', 'sms', 'push'] as const;
export type ContactChannel = (typeof contactChannels)[number];

export const ConsentChoicesSchema = z.strictObject({
  blendedTreatment: z.boolean(),
  messagingUnderstood: z.boolean(),
  channels: z.strictObject({ email: z.boolean(), sms: z.boolean(), push: z.boolean() }),
  research: z.boolean(),
});
export type ConsentChoices = z.infer<typeof ConsentChoicesSchema>;

/** POST /api/clients/:clientId/consent */
export const RecordConsentRequestSchema = z
  .strictObject({
    id: IdSchema,
    /** The wording the person saw; only the current wording can be agreed to. */
    wordingVersion: z.literal(consentWordingVersion),
    choices: ConsentChoicesSchema,
  })
  .meta({ id: 'RecordConsentRequest' });

export const ConsentRecordSchema = z
  .object({
    id: z.uuid(),
    clientId: z.uuid(),
    wordingVersion: z.string(),
    choices: ConsentChoicesSchema,
    recordedAt: z.iso.datetime(),
    recordedBy: z.object({ type: z.enum(['client', 'staff']), id: z.uuid() }),
  })
  .meta({ id: 'ConsentRecord' });
export type ConsentRecord = z.infer<typeof ConsentRecordSchema>;

export const ConsentHistorySchema = z
  .object({ current: ConsentRecordSchema.nullable(), history: z.array(ConsentRecordSchema), wordingVersion: z.string() })
  .meta({ id: 'ConsentHistory' });

/**
 * Whether Tandem may contact a client by a channel now: only with a current record that agrees to
 * blended treatment and allows that channel. No record yet means no contact beyond the invitation
 * that asked for it; a client who said no to using Tandem gets nothing, whatever boxes were ticked.
 */
export function mayContact(current: ConsentChoices | null, channel: ContactChannel): boolean {
  return current !== null && current.blendedTreatment && current.channels[channel];
}
