import { careStatusOf, type CareStatus } from '@tandem/domain';
import type { Kysely } from 'kysely';
import type { Schema } from '../../db/schema';

/** Where a client's care stands, from the statuses of their episodes (one small query). */
export async function clientCareStatus(db: Kysely<Schema>, clientId: string): Promise<CareStatus> {
  return (await clientCare(db, clientId)).status;
}

/**
 * The care status, and when the last episode ended (its last change): writes made on the phone
 * before that moment, and sent later, still belong to the care they were made in.
 */
export async function clientCare(db: Kysely<Schema>, clientId: string): Promise<{ status: CareStatus; endedAt: Date | null }> {
  const rows = await db.selectFrom('episode').select(['status', 'updated_at']).where('client_id', '=', clientId).execute();
  const status = careStatusOf(rows.map((r) => r.status));
  const endedAt = status === 'ended' ? new Date(Math.max(...rows.map((r) => r.updated_at.getTime()))) : null;
  return { status, endedAt };
}
