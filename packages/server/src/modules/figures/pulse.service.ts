import { DomainError, localDate, monthOf, newId, summarisePulse, type PulseAnswerRequest, type PulseState, type PulseSummary } from '@tandem/domain';
import { sql } from 'kysely';
import { writeAudit } from '../../audit/audit';
import type { ServiceContext } from '../../context';
import { organisationTimeZone } from '../sessions/sessions.repo';

/**
 * The practitioner pulse (issue 9 item 6, decision 0028): once per calendar month (the
 * organisation's), optional, one answer per person per month that they may change during the
 * month. Answers are shown only in aggregate: nobody — supervisor or admin — reads one person's
 * answer, and the summary shows scores and comments only from `minCountToShow` answers.
 */

function requireStaff(ctx: ServiceContext) {
  if (ctx.actor.type !== 'staff') throw new DomainError('auth.forbidden', 'The monthly check is for staff.');
  return ctx.actor;
}

async function thisMonth(ctx: ServiceContext, organisationId: string): Promise<string> {
  return monthOf(localDate(ctx.clock.now(), await organisationTimeZone(ctx.db, organisationId)));
}

function findOwn(ctx: ServiceContext, staffId: string, month: string) {
  return ctx.db.selectFrom('practitioner_pulse').select(['value', 'burden', 'comment', 'dismissed']).where('staff_id', '=', staffId).where('month', '=', month).executeTakeFirst();
}

function stateOf(month: string, row: Awaited<ReturnType<typeof findOwn>>): PulseState {
  const answered = row !== undefined && (row.value !== null || row.burden !== null);
  return {
    month,
    offered: row === undefined,
    dismissed: row?.dismissed ?? false,
    answer: answered ? { value: row.value, burden: row.burden, comment: row.comment } : null,
  };
}

/** This month's check for the signed-in person: offered, answered or put aside. */
export async function getPulse(ctx: ServiceContext): Promise<PulseState> {
  const actor = requireStaff(ctx);
  const month = await thisMonth(ctx, actor.organisationId);
  return stateOf(month, await findOwn(ctx, actor.staffId, month));
}

/** Answers (or changes the answer to) this month's check. */
export async function answerPulse(ctx: ServiceContext, answer: PulseAnswerRequest): Promise<PulseState> {
  const actor = requireStaff(ctx);
  const month = await thisMonth(ctx, actor.organisationId);
  const now = ctx.clock.now();
  const comment = answer.comment ? answer.comment : null;
  await ctx.db
    .insertInto('practitioner_pulse')
    .values({ id: newId(now), organisation_id: actor.organisationId, staff_id: actor.staffId, month, value: answer.value, burden: answer.burden, comment, dismissed: false, created_at: now, updated_at: now })
    .onConflict((oc) => oc.columns(['staff_id', 'month']).doUpdateSet({ value: answer.value, burden: answer.burden, comment, dismissed: false, updated_at: now }))
    .execute();
  return stateOf(month, await findOwn(ctx, actor.staffId, month));
}

/** Puts this month's check aside: it is not offered again until next month (an answer stays). */
export async function dismissPulse(ctx: ServiceContext): Promise<PulseState> {
  const actor = requireStaff(ctx);
  const month = await thisMonth(ctx, actor.organisationId);
  const now = ctx.clock.now();
  await ctx.db
    .insertInto('practitioner_pulse')
    .values({ id: newId(now), organisation_id: actor.organisationId, staff_id: actor.staffId, month, value: null, burden: null, comment: null, dismissed: true, created_at: now, updated_at: now })
    .onConflict((oc) => oc.columns(['staff_id', 'month']).doUpdateSet({ dismissed: sql`practitioner_pulse.value is null and practitioner_pulse.burden is null`, updated_at: now }))
    .execute();
  return stateOf(month, await findOwn(ctx, actor.staffId, month));
}

/** A month's answers in aggregate, for supervisors and admins (this month when none is given). */
export async function getPulseSummary(ctx: ServiceContext, month?: string): Promise<PulseSummary> {
  const actor = requireStaff(ctx);
  if (!actor.roles.includes('supervisor') && !actor.roles.includes('admin')) throw new DomainError('auth.forbidden', 'The monthly check is shown to supervisors and admins, in aggregate only.');
  const wanted = month ?? (await thisMonth(ctx, actor.organisationId));
  const rows = await ctx.db
    .selectFrom('practitioner_pulse')
    .select(['value', 'burden', 'comment'])
    .where('organisation_id', '=', actor.organisationId)
    .where('month', '=', wanted)
    .where((eb) => eb.or([eb('value', 'is not', null), eb('burden', 'is not', null)]))
    .execute();
  const summary = summarisePulse(wanted, rows);
  await writeAudit(ctx.db, ctx, { action: 'pulse.summary', entityType: 'practitioner_pulse', details: { month: wanted, responses: summary.responses, suppressed: summary.suppressed } });
  return summary;
}
