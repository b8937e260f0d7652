import {
  appointmentCalendar,
  calendarFeedPastDays,
  DomainError,
  newId,
  serialiseIcalCalendar,
  type CalendarFeedState,
  type ClientActor,
  type StaffActor,
} from '@tandem/domain';
import { writeAudit } from '../../audit/audit';
import type { AnonymousContext, ServiceContext } from '../../context';
import { hashToken, newSecretToken } from '../auth/secrets';
import { requireFeedOwner, looksLikeFeedToken } from './calendar.policy';
import {
  clientAppointmentsFrom,
  findLiveFeedByTokenHash,
  findLiveFeedOfAccount,
  insertFeed,
  markFeedRead,
  practitionerAppointmentsFrom,
  revokeLiveFeed,
} from './calendar.repo';

/** At most this many events in one feed (a year of a full caseload fits). */
const maxFeedEvents = 2000;

const auditClientId = (actor: ClientActor | StaffActor) => (actor.type === 'client' ? actor.clientId : null);

/** The secret address of a feed. The token is the credential: it travels only in this URL. */
export function calendarFeedUrl(publicOrigin: string, token: string): string {
  return `${publicOrigin}/calendar/${token}.ics`;
}

/** Whether the caller has a live feed: never the address itself, which is shown once. */
export async function getOwnCalendarFeed(ctx: ServiceContext): Promise<CalendarFeedState> {
  const owner = requireFeedOwner(ctx.actor);
  const feed = await findLiveFeedOfAccount(ctx.db, owner.accountId);
  return { active: !!feed, createdAt: feed?.created_at.toISOString() ?? null, lastReadAt: feed?.last_read_at?.toISOString() ?? null };
}

/**
 * Makes a new secret feed address for the caller, revoking any earlier one in the same
 * transaction (rotation). Only the SHA-256 of the secret is stored; the address is returned once.
 */
export async function createOwnCalendarFeed(ctx: ServiceContext): Promise<{ url: string; createdAt: string }> {
  const owner = requireFeedOwner(ctx.actor);
  const token = newSecretToken();
  const now = ctx.clock.now();
  const id = newId(now);
  await ctx.db.transaction().execute(async (trx) => {
    const rotated = await revokeLiveFeed(trx, owner.accountId, now);
    await insertFeed(trx, { id, organisationId: owner.organisationId, accountId: owner.accountId, tokenHash: hashToken(token), at: now });
    await writeAudit(trx, ctx, { action: 'calendar_feed.create', entityType: 'calendar_feed', entityId: id, clientId: auditClientId(owner), details: { rotated } });
  });
  return { url: calendarFeedUrl(ctx.config.publicOrigin, token), createdAt: now.toISOString() };
}

/** Stops the caller's feed at once. Revoking when there is none is not an error. */
export async function revokeOwnCalendarFeed(ctx: ServiceContext): Promise<CalendarFeedState> {
  const owner = requireFeedOwner(ctx.actor);
  await ctx.db.transaction().execute(async (trx) => {
    const revoked = await revokeLiveFeed(trx, owner.accountId, ctx.clock.now());
    await writeAudit(trx, ctx, { action: 'calendar_feed.revoke', entityType: 'calendar_feed', clientId: auditClientId(owner), details: { revoked } });
  });
  return { active: false, createdAt: null, lastReadAt: null };
}

const nothingHere = () => new DomainError('request.not_found', 'Nothing is here.');

/**
 * The feed behind a secret address, as iCalendar text: a client's own appointments, or the
 * appointments a member of staff holds, from 30 days ago on. An unknown, malformed or revoked
 * secret, or a disabled account, gets the same "Nothing is here." as any unknown address. Every
 * read is audited in the owner's name, with the appointments it showed (HAZ-043).
 */
export async function readCalendarFeed(ctx: AnonymousContext, token: string): Promise<string> {
  if (!looksLikeFeedToken(token)) throw nothingHere();
  const feed = await findLiveFeedByTokenHash(ctx.db, hashToken(token));
  if (!feed || feed.account_status !== 'active') throw nothingHere();
  const now = ctx.clock.now();
  const from = new Date(now.getTime() - calendarFeedPastDays * 24 * 3600_000);
  const owner: ClientActor | StaffActor | null =
    feed.actor_type === 'client' && feed.client_id
      ? { type: 'client', accountId: feed.account_id, clientId: feed.client_id, organisationId: feed.organisation_id }
      : feed.actor_type === 'staff' && feed.staff_id && feed.staff_roles
        ? { type: 'staff', accountId: feed.account_id, staffId: feed.staff_id, organisationId: feed.organisation_id, roles: feed.staff_roles }
        : null;
  if (!owner) throw nothingHere();
  const rows = await ctx.db.transaction().execute(async (trx) => {
    const appointments =
      owner.type === 'client' ? await clientAppointmentsFrom(trx, owner.clientId, from, maxFeedEvents) : await practitionerAppointmentsFrom(trx, owner.staffId, from, maxFeedEvents);
    await markFeedRead(trx, feed.id, now);
    await writeAudit(
      trx,
      { actor: owner, clock: ctx.clock, requestId: ctx.requestId },
      {
        action: 'calendar_feed.read',
        entityType: 'calendar_feed',
        entityId: feed.id,
        clientId: auditClientId(owner),
        subjectIds: appointments.map((r) => r.id),
        details: { via: 'feed_secret', clients: new Set(appointments.map((r) => r.client_id)).size },
      },
    );
    return appointments;
  });
  const appUrl = owner.type === 'client' ? `${ctx.config.publicOrigin}/` : `${ctx.config.publicOrigin}/staff/`;
  const appointments = rows.map((r) => ({ id: r.id, startsAt: r.starts_at, durationMinutes: r.duration_minutes, status: r.status, version: r.version, updatedAt: r.updated_at }));
  return serialiseIcalCalendar(appointmentCalendar(appointments, owner.type === 'client' ? 'client' : 'practitioner', appUrl));
}
