import { z } from 'zod';
import { appPinRules, normaliseCode, pinIsTooEasy, recoveryCodeRules } from '../identity/two-step';

/**
 * The API's schemas of two-step sign-in and the app PIN (decision 0035). Kept apart from the rules
 * (identity/two-step.ts), which the client app imports: building a schema at load time would pull
 * the schema library into its bundle.
 */

export const TotpCodeSchema = z.string().regex(/^\d{6}$/, 'must be the 6 numbers from the app');

/** POST /api/auth/mfa/verify — the 6-number code, or one recovery code. */
export const SecondStepRequestSchema = z
  .strictObject({
    code: z
      .string()
      .max(40)
      .transform(normaliseCode)
      .refine((c) => /^\d{6}$/.test(c) || new RegExp(`^[${recoveryCodeRules.alphabet}]{${recoveryCodeRules.length}}$`).test(c), 'must be the 6 numbers from the app, or a recovery code'),
  })
  .meta({ id: 'SecondStepRequest' });
export type SecondStepRequest = z.input<typeof SecondStepRequestSchema>;

/** A 6-number code confirming something (enrolment, new recovery codes, turning two-step off). */
export const TotpConfirmRequestSchema = z.strictObject({ code: z.string().max(20).transform(normaliseCode).pipe(TotpCodeSchema) }).meta({ id: 'TotpConfirmRequest' });
export type TotpConfirmRequest = z.input<typeof TotpConfirmRequestSchema>;

/** 202 from sign-in (or from accepting a staff invitation): the password was right; one more step. */
export const SecondStepNeededSchema = z
  .object({
    /** mfa: enter a code; enrol: set up the authenticator app first (staff who have not yet). */
    next: z.enum(['mfa', 'enrol']),
    expiresAt: z.iso.datetime(),
  })
  .meta({ id: 'SecondStepNeeded' });
export type SecondStepNeeded = z.infer<typeof SecondStepNeededSchema>;

/** POST /api/auth/mfa/enrolment — a new secret to add to an authenticator app. */
export const TotpEnrolmentSchema = z
  .object({
    /** Base32, for typing into the app by hand (the accessible alternative to the QR code). */
    secret: z.string(),
    /** The otpauth:// URI the QR code holds. */
    uri: z.string(),
    /** The QR code as rows of '1' (dark) and '0' (light) modules, drawn by the page. */
    qr: z.array(z.string()),
  })
  .meta({ id: 'TotpEnrolment' });
export type TotpEnrolment = z.infer<typeof TotpEnrolmentSchema>;

/** New recovery codes, shown once. */
export const RecoveryCodesSchema = z.object({ recoveryCodes: z.array(z.string()) }).meta({ id: 'RecoveryCodes' });
export type RecoveryCodes = z.infer<typeof RecoveryCodesSchema>;

/** GET /api/auth/mfa — the signed-in person's own two-step state. */
export const TwoStepStatusSchema = z
  .object({
    enrolled: z.boolean(),
    required: z.boolean(),
    enrolledAt: z.iso.datetime().nullable(),
    recoveryCodesLeft: z.number().int(),
  })
  .meta({ id: 'TwoStepStatus' });
export type TwoStepStatus = z.infer<typeof TwoStepStatusSchema>;

/** POST /api/staff/:staffId/mfa-reset — what an admin's reset did. */
export const TwoStepResetSchema = z.object({ sessionsEnded: z.number().int() }).meta({ id: 'TwoStepReset' });

/** PUT /api/auth/pin and POST /api/auth/pin/unlock. */
export const AppPinSchema = z
  .string()
  .regex(new RegExp(`^\\d{${appPinRules.minLength},${appPinRules.maxLength}}$`), `must be ${appPinRules.minLength} to ${appPinRules.maxLength} numbers`);
export const SetAppPinRequestSchema = z
  .strictObject({ pin: AppPinSchema.refine((p) => !pinIsTooEasy(p), 'is too easy to guess: avoid one number repeated or numbers in a row') })
  .meta({ id: 'SetAppPinRequest' });
export const UnlockRequestSchema = z.strictObject({ pin: AppPinSchema }).meta({ id: 'UnlockRequest' });
