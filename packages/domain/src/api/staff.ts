import { z } from 'zod';
import { staffRoles } from '../identity/actor';
import { IdSchema } from '../ids';
import { EmailSchema, TimeZoneSchema } from './fields';

/** POST /api/staff — an admin invites a member of staff. */
export const InviteStaffRequestSchema = z
  .strictObject({
    id: IdSchema,
    email: EmailSchema,
    displayName: z.string().trim().min(1).max(200),
    roles: z.array(z.enum(staffRoles)).min(1, 'choose at least one role').max(3),
    timeZone: TimeZoneSchema.optional(),
    siteIds: z.array(IdSchema).max(50).default([]),
    supervisorIds: z.array(IdSchema).max(10).default([]),
  })
  .meta({ id: 'InviteStaffRequest' });
export type InviteStaffRequest = z.input<typeof InviteStaffRequestSchema>;

export const StaffSummarySchema = z.object({
  id: z.uuid(),
  displayName: z.string(),
  email: z.string(),
  roles: z.array(z.enum(staffRoles)),
  accountStatus: z.enum(['invited', 'active', 'disabled']),
});
export const StaffListSchema = z.object({ staff: z.array(StaffSummarySchema) }).meta({ id: 'StaffList' });
export type StaffSummary = z.infer<typeof StaffSummarySchema>;
