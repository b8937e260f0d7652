import {
  DomainError,
  maxDeviceClockAheadMs,
  moodTrend,
  type CheckIn,
  type CreateCheckInRequestSchema,
  type MoodDay,
} from '@tandem/domain';
import type { z } from 'zod';
import { auditFor, writeAudit } from '../../audit/audit';
import type { ServiceContext } from '../../context';
import { requireClientAccess } from '../clients/clients.policy';
import { clientCare } from '../episodes/care-status';
import { checkInsForClients, findCheckIn, listCheckIns, storeCheckIn, type CheckInRow } from './checkins.repo';

type CreateCheckIn = z.output<typeof CreateCheckInRequestSchema>;

function present(row: CheckInRow): CheckIn {
  return {
    id: row.id,
    clientId: row.client_id,
    mood: row.mood,
    note: row.note,
    recordedAt: row.recorded_at.toISOString(),
    receivedAt: row.received_at.toISOString(),
  };
}

function sameCheckIn(row: CheckInRow, clientId: string, input: CreateCheckIn): boolean {
  return (
    row.client_id === clientId &&
    row.mood === input.mood &&
    row.note === input.note &&
    row.recorded_at.getTime() === new Date(input.recordedAt).getTime()
  );
}

/**
 * A client records their mood. The id made on the phone makes the write idempotent: a retry or a
 * duplicate (also two at once) returns the one stored check-in; the same id with a different body
 * is refused, never merged.
 */
export async function createCheckIn(ctx: ServiceContext, input: CreateCheckIn): Promise<{ checkIn: CheckIn; created: boolean }> {
  const actor = ctx.actor;
  if (actor.type !== 'client') throw new DomainError('auth.forbidden', 'Only a client can check in, for themself.');
  const care = await clientCare(ctx.db, actor.clientId);
  // A check-in made after care ended would reach nobody; one made before, sent late, is kept.
  if (care.endedAt && new Date(input.recordedAt) > care.endedAt) {
    throw new DomainError('episode.closed', 'Your care with the service has ended, so check-ins are no longer sent to anyone. If you need help now, see “Get help now”.');
  }
  const now = ctx.clock.now();
  const recordedAt = new Date(input.recordedAt);
  if (recordedAt.getTime() > now.getTime() + maxDeviceClockAheadMs) {
    throw new DomainError('request.invalid', 'The time of this check-in is in the future. Check the clock on your phone.', [
      { path: 'body/recordedAt', message: 'is in the future' },
    ]);
  }
  const stored = await storeCheckIn(
    ctx.db,
    { id: input.id, organisationId: actor.organisationId, clientId: actor.clientId, mood: input.mood, note: input.note, recordedAt, receivedAt: now },
    auditFor(ctx, { action: 'check_in.create', entityType: 'check_in', entityId: input.id, clientId: actor.clientId }, 'inserted'),
  );
  // The statement sees rows committed before it began: a replay racing the first send can find
  // neither its own insert nor the other's row, so it reads again once that one has committed.
  const found = stored ?? (await findCheckIn(ctx.db, input.id).then((row) => row && { row, created: false }));
  if (!found || !sameCheckIn(found.row, actor.clientId, input)) {
    throw new DomainError('write.id_conflict', 'A different check-in was already saved with this id.');
  }
  const { row, created } = found;
  return { checkIn: present(row), created };
}

/** The client's own check-ins over the last `days` days, newest first. Audited. */
export async function listOwnCheckIns(ctx: ServiceContext, days: number): Promise<CheckIn[]> {
  const actor = ctx.actor;
  if (actor.type !== 'client') throw new DomainError('auth.forbidden', 'Only a client has their own check-ins.');
  return listFor(ctx, actor.clientId, days);
}

/** A client's check-ins, for their care team (and supervisors). Audited. */
export async function listClientCheckIns(ctx: ServiceContext, clientId: string, days: number): Promise<CheckIn[]> {
  await requireClientAccess(ctx, clientId, 'check_in.list');
  return listFor(ctx, clientId, days);
}

async function listFor(ctx: ServiceContext, clientId: string, days: number): Promise<CheckIn[]> {
  const since = new Date(ctx.clock.now().getTime() - days * 24 * 3600_000);
  const rows = await listCheckIns(ctx.db, clientId, since);
  await writeAudit(ctx.db, ctx, { action: 'check_in.list', entityType: 'check_in', clientId, subjectIds: rows.map((r) => r.id) });
  return rows.map(present);
}

export interface CheckInOverview {
  lastCheckInAt: string | null;
  moodTrend: MoodDay[];
}

/**
 * Last check-in and 14-day mood trend for each of many clients (the caseload), in each client's
 * own time zone. Two queries whatever the caseload size. The caller has already checked access
 * and audits the list read.
 */
export async function checkInOverviews(
  ctx: Pick<ServiceContext, 'db' | 'clock'>,
  clients: { id: string; timeZone: string }[],
): Promise<Map<string, CheckInOverview>> {
  const now = ctx.clock.now();
  // 15 days back covers 14 local calendar days in any time zone.
  const { recent, latest } = await checkInsForClients(ctx.db, clients.map((c) => c.id), new Date(now.getTime() - 15 * 24 * 3600_000));
  const overviews = new Map<string, CheckInOverview>();
  for (const client of clients) {
    const mine = recent.filter((r) => r.client_id === client.id).map((r) => ({ mood: r.mood, recordedAt: r.recorded_at }));
    const last = latest.find((l) => l.client_id === client.id)?.last_recorded_at;
    overviews.set(client.id, {
      lastCheckInAt: last ? new Date(last).toISOString() : null,
      moodTrend: moodTrend(mine, now, client.timeZone, 14),
    });
  }
  return overviews;
}
