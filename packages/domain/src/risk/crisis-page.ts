import { z } from 'zod';

/**
 * The crisis page ("Get help now"). Its national part is a reviewed default for England, in the
 * app's own words (client.json, `client.help.*`), and cannot be removed by an organisation: the
 * services NHS England lists for urgent mental health help — 999 or A&E when life is in danger;
 * NHS 111, mental health option; Samaritans 116 123; Shout, text 85258; Relay UK 18001 999 and
 * the 999 BSL service. An organisation adds its local contacts (a crisis line, a safe haven) under
 * them; each edit is a new version that names the person who reviewed it and when (BRIEF.md,
 * "Safety principles": changes to the crisis page are reviewed and recorded). The page works
 * signed out and offline: the app carries the national part and keeps the last local part it saw.
 */
export const englandDefaultReview = {
  /** Who reviewed the national wording, and when: to be re-reviewed by the Clinical Safety Officer. */
  reviewedBy: 'Tandem clinical safety review (provisional, pending a named Clinical Safety Officer)',
  reviewedOn: '2026-11-25',
  sources: [
    'https://www.nhs.uk/nhs-services/mental-health-services/where-to-get-urgent-help-for-mental-health/',
    'https://www.samaritans.org/how-we-can-help/contact-samaritan/',
    'https://giveusashout.org/get-help/',
    'https://www.relayuk.bt.com/how-to-use-relay-uk/contact-999-using-relay-uk.html',
    'https://www.999bsl.co.uk/',
  ],
} as const;

const phone = z.string().trim().regex(/^\+?[0-9 ]{3,20}$/, 'must be a phone number (digits and spaces)');

export const CrisisContactSchema = z
  .strictObject({
    name: z.string().trim().min(1, 'is required').max(80),
    /** Who it is for and when it is open, in plain words. */
    description: z.string().trim().min(1, 'is required').max(300),
    phone: phone.nullable().default(null),
    textNumber: phone.nullable().default(null),
    url: z.url({ protocol: /^https$/, message: 'must be an https address' }).max(300).nullable().default(null),
  })
  .refine((c) => c.phone !== null || c.textNumber !== null || c.url !== null, { message: 'needs a phone number, a text number or a web address' })
  .meta({ id: 'CrisisContact' });
export type CrisisContact = z.output<typeof CrisisContactSchema>;

/** PUT /api/organisation/crisis-page — admins; the reviewer is named, the version must be current. */
export const SetCrisisPageRequestSchema = z
  .strictObject({
    contacts: z.array(CrisisContactSchema).max(10),
    reviewedBy: z.string().trim().min(3, 'must name the person who reviewed it').max(120),
    reviewedOn: z.iso.date('must be a date'),
    /** The version being replaced (0 when there is none yet). */
    version: z.number().int().min(0),
  })
  .meta({ id: 'SetCrisisPageRequest' });

export const CrisisPageSchema = z
  .object({
    national: z.object({ reviewedBy: z.string(), reviewedOn: z.string(), sources: z.array(z.string()) }),
    local: z
      .object({ organisationName: z.string(), contacts: z.array(CrisisContactSchema), reviewedBy: z.string(), reviewedOn: z.string(), version: z.number().int() })
      .nullable(),
  })
  .meta({ id: 'CrisisPage' });
export type CrisisPage = z.infer<typeof CrisisPageSchema>;
