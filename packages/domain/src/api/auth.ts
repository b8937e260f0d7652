import { z } from 'zod';
import { actorTypes, staffRoles } from '../identity/actor';
import { passwordRules } from '../identity/sign-in-rules';
import { EmailSchema, IsoDateSchema } from './fields';

/** POST /api/auth/sign-in */
export const SignInRequestSchema = z
  .strictObject({
    email: EmailSchema,
    // Checked against the stored hash, so only bounded here (argon2 input size).
    password: z.string().min(1, 'is required').max(1024),
    remember: z.boolean().default(false),
  })
  .meta({ id: 'SignInRequest' });
export type SignInRequest = z.input<typeof SignInRequestSchema>;

/** POST /api/auth/sign-out-everywhere: how many sessions ended and devices stopped notifying. */
export const SignedOutEverywhereSchema = z.object({ sessions: z.number().int(), devices: z.number().int() }).meta({ id: 'SignedOutEverywhere' });

/** A new password: length only, after NIST SP 800-63B (no composition rules). */
export const NewPasswordSchema = z
  .string()
  .min(passwordRules.minLength, `must be at least ${passwordRules.minLength} characters`)
  .max(passwordRules.maxLength, `must be at most ${passwordRules.maxLength} characters`);

/** GET /api/me — who is signed in, and what they may do. */
export const MeSchema = z
  .object({
    actor: z.object({
      type: z.enum(actorTypes),
      accountId: z.uuid(),
      displayName: z.string(),
      organisationId: z.uuid(),
      organisationName: z.string(),
      roles: z.array(z.enum(staffRoles)),
      staffId: z.uuid().nullable(),
      clientId: z.uuid().nullable(),
      timeZone: z.string(),
    }),
    session: z.object({
      idleExpiresAt: z.iso.datetime(),
      absoluteExpiresAt: z.iso.datetime(),
      remember: z.boolean(),
      /** Whether this remembered device has an app PIN (clients; decision 0035). */
      pinSet: z.boolean(),
    }),
    allowed: z.object({ registerClients: z.boolean(), manageAccounts: z.boolean(), breakGlass: z.boolean() }),
    /** For a client: where their care stands (what the app offers depends on it). Null for staff. */
    care: z.object({ status: z.enum(['none', 'open', 'ended']) }).nullable(),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof MeSchema>;

/** An invitation token as it travels in a request body (never in a URL path or query). */
export const InvitationTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'is not an invitation code');

/** POST /api/invitations/inspect — what the invitation page needs to show. */
export const InspectInvitationRequestSchema = z.strictObject({ token: InvitationTokenSchema }).meta({ id: 'InspectInvitationRequest' });
export const InvitationInfoSchema = z
  .object({
    kind: z.enum(['client', 'staff']),
    organisationName: z.string(),
    needsDateOfBirth: z.boolean(),
    expiresAt: z.iso.datetime(),
  })
  .meta({ id: 'InvitationInfo' });
export type InvitationInfo = z.infer<typeof InvitationInfoSchema>;

/** POST /api/invitations/accept — set a password (and confirm the date of birth, for clients). */
export const AcceptInvitationRequestSchema = z
  .strictObject({
    token: InvitationTokenSchema,
    password: NewPasswordSchema,
    dateOfBirth: IsoDateSchema.optional(),
  })
  .meta({ id: 'AcceptInvitationRequest' });
export type AcceptInvitationRequest = z.input<typeof AcceptInvitationRequestSchema>;
