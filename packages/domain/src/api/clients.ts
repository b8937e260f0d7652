import { z } from 'zod';
import { IdSchema } from '../ids';
import { EmailSchema, IsoDateSchema, LanguageTagSchema, NamePartSchema, NhsNumberSchema, PhoneSchema, TimeZoneSchema } from './fields';

export const EmergencyContactSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  phone: PhoneSchema,
  relationship: z.string().trim().max(100).optional(),
});

/** POST /api/clients — a practitioner registers a client, joining their care team. */
export const RegisterClientRequestSchema = z
  .strictObject({
    id: IdSchema,
    givenName: NamePartSchema,
    familyName: NamePartSchema,
    dateOfBirth: IsoDateSchema,
    nhsNumber: NhsNumberSchema.nullable().default(null),
    email: EmailSchema,
    phone: PhoneSchema.nullable().default(null),
    gpPractice: z.string().trim().max(200).nullable().default(null),
    emergencyContact: EmergencyContactSchema.nullable().default(null),
    preferredLanguage: LanguageTagSchema.default('en'),
    timeZone: TimeZoneSchema.optional(),
    siteId: IdSchema.optional(),
  })
  .meta({ id: 'RegisterClientRequest' });
export type RegisterClientRequest = z.input<typeof RegisterClientRequestSchema>;

export const ClientIdParamsSchema = z.strictObject({ clientId: IdSchema });

const accessBases = ['self', 'care_team', 'supervision', 'break_glass', 'alert_recipient', 'integration'] as const;

/** A client's record as staff (or the client) see it, with what the caller may do. */
export const ClientRecordSchema = z
  .object({
    id: z.uuid(),
    givenName: z.string(),
    familyName: z.string(),
    dateOfBirth: z.string(),
    nhsNumber: z.string().nullable(),
    email: z.string(),
    phone: z.string().nullable(),
    gpPractice: z.string().nullable(),
    emergencyContact: EmergencyContactSchema.nullable(),
    preferredLanguage: z.string(),
    timeZone: z.string(),
    accountStatus: z.enum(['not_invited', 'invited', 'active', 'disabled']),
    careTeam: z.array(z.object({ staffId: z.uuid(), displayName: z.string() })),
    access: z.enum(accessBases),
    allowed: z.object({
      read: z.boolean(),
      editDetails: z.boolean(),
      invite: z.boolean(),
      manageCareTeam: z.boolean(),
      manageEpisodes: z.boolean(),
    }),
  })
  .meta({ id: 'ClientRecord' });
export type ClientRecord = z.infer<typeof ClientRecordSchema>;

/**
 * One line of a caseload: enough to tell clients apart safely (name, date of birth, NHS number),
 * and how their check-ins have gone: the last one and a 14-day mood trend (daily means, in the
 * client's own time zone; null on days without a check-in).
 */
export const ClientSummarySchema = z.object({
  id: z.uuid(),
  givenName: z.string(),
  familyName: z.string(),
  dateOfBirth: z.string(),
  nhsNumber: z.string().nullable(),
  accountStatus: z.enum(['not_invited', 'invited', 'active', 'disabled']),
  access: z.enum(accessBases),
  lastCheckInAt: z.iso.datetime().nullable(),
  moodTrend: z.array(z.object({ date: z.string(), mood: z.number().nullable(), count: z.number().int() })),
});
export type ClientSummary = z.infer<typeof ClientSummarySchema>;

export const ClientListSchema = z.object({ clients: z.array(ClientSummarySchema) }).meta({ id: 'ClientList' });

/** POST /api/clients/:clientId/care-team */
export const AddCareTeamMemberRequestSchema = z.strictObject({ staffId: IdSchema }).meta({ id: 'AddCareTeamMemberRequest' });

/** POST /api/clients/:clientId/break-glass — an admin's audited emergency read, with a reason. */
export const BreakGlassRequestSchema = z
  .strictObject({ reason: z.string().trim().min(10, 'must say why, in at least 10 characters').max(500) })
  .meta({ id: 'BreakGlassRequest' });

export const BreakGlassGrantSchema = z
  .object({ clientId: z.uuid(), expiresAt: z.iso.datetime() })
  .meta({ id: 'BreakGlassGrant' });
