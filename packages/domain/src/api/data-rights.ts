import { z } from 'zod';
import { IdSchema } from '../ids';
import { IsoDateSchema } from './fields';

/**
 * Subject access, restriction of processing and erasure (UK GDPR Art. 15, 17, 18; decision 0042).
 */

/** One value in a downloaded record: plain values, or the structure the client wrote (an exercise's answers). */
export const DataValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.unknown()), z.record(z.string(), z.unknown())]);

/** One kind of record in a download: a plain-words title and the rows, each a set of named values. */
export const DataSectionSchema = z.object({
  key: z.string(),
  title: z.string(),
  rows: z.array(z.record(z.string(), DataValueSchema)),
});
export type DataSection = z.infer<typeof DataSectionSchema>;

/** GET /api/me/data — everything Tandem holds about the signed-in client that self-service gives out. */
export const SubjectAccessExportSchema = z
  .object({
    format: z.literal('tandem-subject-access/1'),
    generatedAt: z.iso.datetime(),
    service: z.string(),
    /** Some clinical records are reviewed by the service before they are given out (decision 0042). */
    onRequest: z.string(),
    sections: z.array(DataSectionSchema),
  })
  .meta({ id: 'SubjectAccessExport' });
export type SubjectAccessExport = z.infer<typeof SubjectAccessExportSchema>;

const ReasonSchema = z.string().trim().min(1, 'is required').max(2000);

/** POST /api/clients/:clientId/processing-restriction — an admin records a removal request as a restriction. */
export const RecordRestrictionRequestSchema = z
  .strictObject({
    /** The day the client asked. */
    requestedOn: IsoDateSchema,
    reason: ReasonSchema,
  })
  .meta({ id: 'RecordRestrictionRequest' });
export type RecordRestrictionRequest = z.input<typeof RecordRestrictionRequestSchema>;

/** POST /api/clients/:clientId/processing-restriction/lift */
export const LiftRestrictionRequestSchema = z.strictObject({ reason: ReasonSchema }).meta({ id: 'LiftRestrictionRequest' });
export type LiftRestrictionRequest = z.input<typeof LiftRestrictionRequestSchema>;

/** POST /api/clients/:clientId/erasure — erase, only where the retention policy allows. */
export const EraseClientRequestSchema = z
  .strictObject({
    requestedOn: IsoDateSchema,
    reason: ReasonSchema,
    /** The client's family name typed again, so a wrong record is not erased by a slip. */
    confirmFamilyName: z.string().trim().min(1, 'is required').max(100),
  })
  .meta({ id: 'EraseClientRequest' });
export type EraseClientRequest = z.input<typeof EraseClientRequestSchema>;

/** POST /api/data-rights/find — an admin finds a client of their organisation by email or NHS number. */
export const FindDataRightsClientRequestSchema = z.strictObject({ query: z.string().trim().min(1, 'is required').max(254) }).meta({ id: 'FindDataRightsClientRequest' });

const RestrictionSchema = z.object({
  id: IdSchema,
  requestedOn: z.string(),
  restrictedAt: z.string(),
  restrictedBy: z.string(),
  reason: z.string(),
  liftedAt: z.string().nullable(),
  liftedBy: z.string().nullable(),
  liftReason: z.string().nullable(),
});

/** A client's data-rights state: restriction now and before, and whether erasure is allowed today. */
export const DataRightsStatusSchema = z
  .object({
    client: z.object({ id: IdSchema, givenName: z.string(), familyName: z.string(), dateOfBirth: z.string() }),
    restricted: z.boolean(),
    restrictions: z.array(RestrictionSchema),
    erasure: z.object({
      erasedAt: z.string().nullable(),
      allowed: z.boolean(),
      /** Why not, when not: care is still going on, or the records must be kept until `keepUntil`. */
      reason: z.enum(['care_ongoing', 'retention_period', 'erased']).nullable(),
      keepUntil: z.string().nullable(),
      retentionYears: z.number().int(),
    }),
    /** Whether the caller may record, lift or erase (admins of the client's organisation). */
    canManage: z.boolean(),
  })
  .meta({ id: 'DataRightsStatus' });
export type DataRightsStatus = z.infer<typeof DataRightsStatusSchema>;
