import { z } from 'zod';
import { isValidNhsNumber, normaliseNhsNumber } from '../identity/nhs-number';

/** A calendar date 'YYYY-MM-DD' that exists (no 31 February). */
export const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
  }, 'is not a real date');

/** An IANA time zone the runtime knows, e.g. 'Europe/London'. */
export const TimeZoneSchema = z
  .string()
  .max(64)
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat('en-GB', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'is not a known time zone');

/** Emails are compared case-insensitively; we store them trimmed and lower-cased. */
export const EmailSchema = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email({ message: 'must be an email address' }))
  .transform((email) => email.toLowerCase());

/** An optional NHS number, validated by its check digit and stored as 10 digits. */
export const NhsNumberSchema = z
  .string()
  .refine(isValidNhsNumber, 'is not a valid NHS number (check the 10 digits)')
  .transform(normaliseNhsNumber);

export const PhoneSchema = z
  .string()
  .trim()
  .regex(/^\+?[0-9 ()-]{7,24}$/, 'must be a phone number');

/** A BCP 47 language tag such as 'en', 'cy' or 'pt-BR'. */
export const LanguageTagSchema = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as en or cy');

/** A person's name part: trimmed, 1–100 characters. */
export const NamePartSchema = z.string().trim().min(1, 'is required').max(100);
