import { creditedBeatSeconds, DomainError, localDate, type ActivityBeatRequest, type ActivityBeatResult } from '@tandem/domain';
import type { ServiceContext } from '../../context';
import { requireClientAccess } from '../clients/clients.policy';
import { organisationTimeZone } from '../sessions/sessions.repo';
import { addActiveSeconds, insertBeat, previousBeatAt } from './figures.repo';

/**
 * One beat of practitioner active time in a client's record (decision 0028). Staff only, and only
 * for a record they may open (a refusal is audited by the policy). The server credits at most
 * `maxBeatSeconds`, never more than the time since the person's previous beat, and a repeated
 * beat id once. A beat is staff activity, not a read of the client's data, so a credited beat is
 * not audited (the page's own reads are); it moves the session's idle deadline like any request,
 * and the page sends beats only after real input (decision 0028, "Sessions").
 */
export async function recordBeat(ctx: ServiceContext, beat: ActivityBeatRequest): Promise<ActivityBeatResult> {
  const actor = ctx.actor;
  if (actor.type !== 'staff') throw new DomainError('auth.forbidden', 'Only staff time is counted.');
  await requireClientAccess(ctx, beat.clientId, 'activity.beat');
  const timeZone = await organisationTimeZone(ctx.db, actor.organisationId);
  return ctx.db.transaction().execute(async (trx) => {
    // One beat of a person at a time: the previous beat read here is the one before this.
    await trx.selectFrom('staff').select('id').where('id', '=', actor.staffId).forUpdate().executeTakeFirstOrThrow();
    const existing = await trx.selectFrom('activity_beat').select(['credited_seconds', 'staff_id']).where('id', '=', beat.beatId).executeTakeFirst();
    if (existing) {
      if (existing.staff_id !== actor.staffId) throw new DomainError('request.invalid', 'This beat id was already used.');
      return { credited: existing.credited_seconds };
    }
    const now = ctx.clock.now();
    const previous = await previousBeatAt(trx, actor.staffId);
    const credited = creditedBeatSeconds(beat.seconds, previous ? now.getTime() - previous.received_at.getTime() : null);
    const day = localDate(now, timeZone);
    await insertBeat(trx, { id: beat.beatId, organisation_id: actor.organisationId, staff_id: actor.staffId, client_id: beat.clientId, day, claimed_seconds: beat.seconds, credited_seconds: credited, received_at: now });
    if (credited > 0) await addActiveSeconds(trx, { organisation_id: actor.organisationId, staff_id: actor.staffId, client_id: beat.clientId, day, seconds: credited, updated_at: now });
    return { credited };
  });
}
