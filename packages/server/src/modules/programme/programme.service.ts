import {
  DomainError,
  maxDeviceClockAheadMs,
  nextStep,
  openModules,
  plannedModuleOrder,
  presentModule,
  presentStep,
  stepKey,
  type MarkStepDoneRequestSchema,
  type ProgrammeModule,
  type ProgrammeProgress,
  type StepContent,
} from '@tandem/domain';
import type { z } from 'zod';
import { writeAudit } from '../../audit/audit';
import { notifyClientChanged } from '../worklist/worklist.notify';
import type { ServiceContext } from '../../context';
import { requireClientAccess } from '../clients/clients.policy';
import { clientCare } from '../episodes/care-status';
import { currentPlanSteps } from '../plans/plans.service';
import { insertDoneStep, listDoneSteps } from './programme.repo';

type MarkDone = z.output<typeof MarkStepDoneRequestSchema>;

/** The programme's modules in order, in the language asked for where it exists (no client data). */
export function listProgramme(programme: readonly ProgrammeModule[], locale?: string) {
  return { modules: programme.map((m) => presentModule(m, locale)) };
}

export function getStep(programme: readonly ProgrammeModule[], moduleId: string, stepId: string, locale?: string): StepContent {
  const module = programme.find((m) => m.meta.id === moduleId);
  const step = module ? presentStep(module, stepId, locale) : null;
  if (!step) throw new DomainError('programme.step_not_found', 'There is no such step in the programme.');
  return step;
}

async function progressOf(ctx: ServiceContext, programme: readonly ProgrammeModule[], clientId: string): Promise<ProgrammeProgress> {
  const rows = await listDoneSteps(ctx.db, clientId);
  const done = new Set(rows.map((r) => stepKey(r.module_id, r.step_id)));
  // Modules open in the order of the online steps of the client's plan; without a plan, the default order.
  const planSteps = await currentPlanSteps(ctx, clientId);
  const planned = planSteps ? plannedModuleOrder(planSteps) : null;
  const metas = programme.map((m) => m.meta);
  return {
    done: rows.map((r) => ({ moduleId: r.module_id, stepId: r.step_id, contentVersion: r.content_version, recordedAt: r.recorded_at.toISOString() })),
    openModules: openModules(metas, done, planned),
    nextStep: nextStep(metas, done, planned),
  };
}

/** The client's own progress: steps done, modules open and the one next step. */
export async function getOwnProgress(ctx: ServiceContext, programme: readonly ProgrammeModule[]): Promise<ProgrammeProgress> {
  if (ctx.actor.type !== 'client') throw new DomainError('auth.forbidden', 'Only a client has their own programme progress.');
  const progress = await progressOf(ctx, programme, ctx.actor.clientId);
  await writeAudit(ctx.db, ctx, { action: 'programme.progress_own', entityType: 'client', entityId: ctx.actor.clientId, clientId: ctx.actor.clientId });
  return progress;
}

/** A client's progress, for their care team. Audited. */
export async function getClientProgress(ctx: ServiceContext, programme: readonly ProgrammeModule[], clientId: string): Promise<ProgrammeProgress> {
  await requireClientAccess(ctx, clientId, 'programme.progress');
  const progress = await progressOf(ctx, programme, clientId);
  await writeAudit(ctx.db, ctx, { action: 'programme.progress', entityType: 'client', entityId: clientId, clientId });
  return progress;
}

/**
 * The client finished a step, against the content version they read. Idempotent: the first time
 * counts. Like every client write, one made after care ended is refused; one made before is kept.
 */
export async function markStepDone(ctx: ServiceContext, programme: readonly ProgrammeModule[], moduleId: string, stepId: string, input: MarkDone): Promise<ProgrammeProgress> {
  const actor = ctx.actor;
  if (actor.type !== 'client') throw new DomainError('auth.forbidden', 'Only a client can finish a step, for themself.');
  const module = programme.find((m) => m.meta.id === moduleId);
  if (!module?.meta.steps.some((s) => s.id === stepId)) throw new DomainError('programme.step_not_found', 'There is no such step in the programme.');
  const now = ctx.clock.now();
  const recordedAt = new Date(input.recordedAt);
  if (recordedAt.getTime() > now.getTime() + maxDeviceClockAheadMs) {
    throw new DomainError('request.invalid', 'The time of this step is in the future. Check the clock on your phone.', [{ path: 'body/recordedAt', message: 'is in the future' }]);
  }
  const care = await clientCare(ctx.db, actor.clientId);
  if (care.endedAt && recordedAt > care.endedAt) {
    throw new DomainError('episode.closed', 'Your care with the service has ended, so your progress is no longer saved. If you need help now, see “Get help now”.');
  }
  await ctx.db.transaction().execute(async (trx) => {
    const row = { client_id: actor.clientId, module_id: moduleId, step_id: stepId, content_version: input.contentVersion, recorded_at: recordedAt, received_at: now };
    if (await insertDoneStep(trx, row)) {
      await writeAudit(trx, ctx, { action: 'programme.step_done', entityType: 'client', entityId: actor.clientId, clientId: actor.clientId, details: { moduleId, stepId, contentVersion: input.contentVersion } });
      await notifyClientChanged(trx, actor.clientId);
    }
  });
  return progressOf(ctx, programme, actor.clientId);
}
