import { DomainError, nextMoodPromptAfter, type SetMoodPromptScheduleRequestSchema } from '@tandem/domain';
import type { z } from 'zod';
import { writeAudit } from '../../audit/audit';
import type { ServiceContext } from '../../context';
import { requireClientAccess } from '../clients/clients.policy';
import { enqueueNextMoodPrompt } from './mood-prompt.jobs';
import { moodScheduleOf } from './mood-schedule.repo';

type SetSchedule = z.output<typeof SetMoodPromptScheduleRequestSchema>;

async function load(ctx: ServiceContext, clientId: string) {
  const state = await moodScheduleOf(ctx.db, clientId);
  const next = nextMoodPromptAfter(state.schedule, ctx.clock.now(), state.timeZone);
  return { ...state, nextPromptAt: next?.toISOString() ?? null };
}

async function store(ctx: ServiceContext, clientId: string, input: SetSchedule) {
  const actor = ctx.actor;
  const now = ctx.clock.now();
  const by = actor.type === 'client' ? { type: 'client' as const, id: actor.clientId } : actor.type === 'staff' ? { type: 'staff' as const, id: actor.staffId } : null;
  if (!by) throw new DomainError('auth.forbidden', 'Only the client or their care team can change the mood prompts.');
  await ctx.db.transaction().execute(async (trx) => {
    const current = await trx.selectFrom('mood_prompt_schedule').select('version').where('client_id', '=', clientId).forUpdate().executeTakeFirst();
    if ((current?.version ?? 0) !== input.version) {
      throw new DomainError('write.stale_version', 'The mood prompts were changed since you opened them. Reload and try again.');
    }
    const schedule = JSON.stringify(input.schedule);
    await trx
      .insertInto('mood_prompt_schedule')
      .values({ client_id: clientId, schedule, version: input.version + 1, updated_by_type: by.type, updated_by_id: by.id, updated_at: now })
      .onConflict((oc) => oc.column('client_id').doUpdateSet({ schedule, version: input.version + 1, updated_by_type: by.type, updated_by_id: by.id, updated_at: now }))
      .execute();
    await writeAudit(trx, ctx, {
      action: 'mood_schedule.set',
      entityType: 'client',
      entityId: clientId,
      clientId,
      details: { weekOne: input.schedule.weekOneTimes.length, later: input.schedule.laterTimes.length, quietHours: input.schedule.quietHours !== null },
    });
    // The prompts follow the new times from now on (the old ones, when due, find they are gone).
    await enqueueNextMoodPrompt(trx, ctx.clock, clientId);
  });
  return load(ctx, clientId);
}

function ownClientId(ctx: ServiceContext): string {
  if (ctx.actor.type !== 'client') throw new DomainError('auth.forbidden', 'Only a client has their own mood prompts.');
  return ctx.actor.clientId;
}

export async function getOwnMoodSchedule(ctx: ServiceContext) {
  const clientId = ownClientId(ctx);
  await writeAudit(ctx.db, ctx, { action: 'mood_schedule.read', entityType: 'client', entityId: clientId, clientId });
  return load(ctx, clientId);
}

export function setOwnMoodSchedule(ctx: ServiceContext, input: SetSchedule) {
  return store(ctx, ownClientId(ctx), input);
}

export async function getClientMoodSchedule(ctx: ServiceContext, clientId: string) {
  await requireClientAccess(ctx, clientId, 'mood_schedule.read');
  await writeAudit(ctx.db, ctx, { action: 'mood_schedule.read', entityType: 'client', entityId: clientId, clientId });
  return load(ctx, clientId);
}

/** The care team may change a client's prompts (agreed with the client in a session). */
export async function setClientMoodSchedule(ctx: ServiceContext, clientId: string, input: SetSchedule) {
  await requireClientAccess(ctx, clientId, 'mood_schedule.set', (a) => a.allowed.manageEpisodes);
  return store(ctx, clientId, input);
}
