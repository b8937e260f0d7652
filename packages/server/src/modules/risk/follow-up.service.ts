import { canManageAccounts, DomainError, type FollowUpTask, type SetRiskPolicyRequestSchema } from '@tandem/domain';
import type { z } from 'zod';
import { writeAudit } from '../../audit/audit';
import { notifyClientChanged } from '../worklist/worklist.notify';
import type { ServiceContext } from '../../context';
import { findStaffInOrganisation } from '../clients/clients.repo';
import { loadRiskPolicy } from './risk.repo';

type SetRiskPolicy = z.output<typeof SetRiskPolicyRequestSchema>;

type TaskRow = {
  id: string;
  client_id: string;
  episode_id: string | null;
  kind: 'missed_appointment_after_alert';
  appointment_id: string | null;
  alert_id: string | null;
  assigned_staff_id: string;
  due_at: Date;
  status: 'open' | 'done';
  done_at: Date | null;
  note: string | null;
};

const present = (r: TaskRow): FollowUpTask => ({
  id: r.id,
  clientId: r.client_id,
  episodeId: r.episode_id,
  kind: r.kind,
  appointmentId: r.appointment_id,
  alertId: r.alert_id,
  assignedStaffId: r.assigned_staff_id,
  dueAt: r.due_at.toISOString(),
  status: r.status,
  doneAt: r.done_at?.toISOString() ?? null,
  note: r.note,
});

function staffId(ctx: ServiceContext): string {
  if (ctx.actor.type !== 'staff') throw new DomainError('auth.forbidden', 'Only staff have follow-up tasks.');
  return ctx.actor.staffId;
}

/** The caller's open follow-up tasks, soonest due first. Audited. */
export async function listMyFollowUps(ctx: ServiceContext): Promise<FollowUpTask[]> {
  const me = staffId(ctx);
  const rows = await ctx.db.selectFrom('follow_up_task').selectAll().where('assigned_staff_id', '=', me).where('status', '=', 'open').orderBy('due_at').limit(200).execute();
  await writeAudit(ctx.db, ctx, { action: 'follow_up.list', entityType: 'follow_up_task', subjectIds: rows.map((r) => r.id) });
  return rows.map(present);
}

/** Marks the caller's task done with a note of what was done. Doing it twice keeps the first. */
export async function completeFollowUp(ctx: ServiceContext, taskId: string, note: string): Promise<FollowUpTask> {
  const me = staffId(ctx);
  const task = await ctx.db.selectFrom('follow_up_task').selectAll().where('id', '=', taskId).executeTakeFirst();
  if (!task || task.assigned_staff_id !== me) throw new DomainError('follow_up.not_found', 'There is no follow-up task here that you can open.');
  if (task.status === 'done') return present(task);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('follow_up_task').set({ status: 'done', done_at: now, done_by: me, note }).where('id', '=', taskId).where('status', '=', 'open').execute();
    await writeAudit(trx, ctx, { action: 'follow_up.done', entityType: 'follow_up_task', entityId: taskId, clientId: task.client_id });
    await notifyClientChanged(trx, task.client_id);
  });
  return present((await ctx.db.selectFrom('follow_up_task').selectAll().where('id', '=', taskId).executeTakeFirstOrThrow()));
}

/** The organisation's risk policy; staff may read it. */
export async function getRiskPolicy(ctx: ServiceContext) {
  if (ctx.actor.type !== 'staff') throw new DomainError('auth.forbidden', 'Only staff can see the risk policy.');
  return loadRiskPolicy(ctx.db, ctx.actor.organisationId);
}

/**
 * The clinical lead's policy, recorded by an admin at the current version. The escalation person
 * must be staff of the organisation. Audited with the tiers chosen.
 */
export async function setRiskPolicy(ctx: ServiceContext, input: SetRiskPolicy) {
  const actor = ctx.actor;
  if (!canManageAccounts(actor) || actor.type !== 'staff') throw new DomainError('auth.forbidden', 'Only admins can record the risk policy.');
  if (input.policy.escalationStaffId && !(await findStaffInOrganisation(ctx.db, input.policy.escalationStaffId, actor.organisationId))) {
    throw new DomainError('staff.not_found', 'There is no member of staff with that id in your organisation.', [{ path: 'body/policy/escalationStaffId', message: 'unknown staff member' }]);
  }
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const current = await loadRiskPolicy(trx, actor.organisationId);
    if (current.version !== input.version) throw new DomainError('write.stale_version', 'Someone changed the risk policy since you opened it. Reload it and try again.');
    const policy = JSON.stringify(input.policy);
    await trx
      .insertInto('risk_policy')
      .values({ organisation_id: actor.organisationId, policy, version: 1, updated_by: actor.staffId, updated_at: now })
      .onConflict((oc) => oc.column('organisation_id').doUpdateSet((eb) => ({ policy, version: eb('risk_policy.version', '+', 1), updated_by: actor.staffId, updated_at: now })))
      .execute();
    await writeAudit(trx, ctx, { action: 'risk_policy.set', entityType: 'organisation', entityId: actor.organisationId, details: { ...input.policy.rules, immediateMinutes: input.policy.immediateMinutes } });
  });
  return loadRiskPolicy(ctx.db, actor.organisationId);
}
