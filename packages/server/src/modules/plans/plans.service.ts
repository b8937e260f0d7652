import {
  diffPlanSteps,
  DomainError,
  languageFor,
  newId,
  planComponents,
  PlanStepSchema,
  programmeIssues,
  summarisePlan,
  templateIssues,
  type ClientPlan,
  type CreatePlanRequestSchema,
  type CreatePlanTemplateRequestSchema,
  type ErrorDetail,
  type PlanHistory,
  type PlanComponent,
  type PlanStep,
  type PlanTemplate,
  type PlanTemplateList,
  type ProgrammeModule,
  type Step,
  type TreatmentPlan,
  type UpdatePlanRequestSchema,
  type PlanDefaultsState,
  type SetPlanDefaultsRequestSchema,
  steps as careSteps,
} from '@tandem/domain';
import type { Transaction } from 'kysely';
import { z } from 'zod';
import { writeAudit } from '../../audit/audit';
import type { ServiceContext } from '../../context';
import type { Schema } from '../../db/schema';
import { requirePlanEdit, requirePlanRead, requireStaff, requireTemplateAdmin } from './plans.policy';
import {
  currentPlanOfClient,
  findOrganisationTemplate,
  findPlan,
  findPlanOfEpisode,
  insertOrganisationTemplate,
  insertPlan,
  insertPlanChange,
  listPlanChanges,
  updatePlanAtVersion,
  upsertPlanDefaults,
  type PlanRow,
} from './plans.repo';
import { findTemplate, loadPlanDefaults, OrganisationTemplateDefinitionSchema, presentOrganisationTemplate, templatesOf } from './plans.templates';

type CreateTemplate = z.output<typeof CreatePlanTemplateRequestSchema>;
type CreatePlan = z.output<typeof CreatePlanRequestSchema>;
type UpdatePlan = z.output<typeof UpdatePlanRequestSchema>;
type SetPlanDefaults = z.output<typeof SetPlanDefaultsRequestSchema>;
type Programme = readonly ProgrammeModule[];

const StoredStepsSchema = z.array(PlanStepSchema);
const StoredComponentsSchema = z.array(z.enum(planComponents));
const staffIdOf = (ctx: ServiceContext) => (ctx.actor.type === 'staff' ? ctx.actor.staffId : null);
const stepsOf = (row: PlanRow) => StoredStepsSchema.parse(row.steps);

/** Field problems found against the programme, as a request.invalid with paths under `prefix`. */
function refuseIfAny(issues: { path: (string | number)[]; message: string }[], prefix: string, message: string): void {
  if (!issues.length) return;
  const details: ErrorDetail[] = issues.map((i) => ({ path: [prefix, ...i.path].join('/'), message: i.message }));
  throw new DomainError('request.invalid', message, details);
}

function presentPlan(row: PlanRow, episodeStatus: string): TreatmentPlan {
  const steps = stepsOf(row);
  const requiredComponents = StoredComponentsSchema.parse(row.required_components);
  return {
    id: row.id,
    episodeId: row.episode_id,
    clientId: row.client_id,
    template: { id: row.template_id, version: row.template_version, name: row.template_name, isExample: row.template_is_example },
    requiredComponents,
    steps,
    summary: summarisePlan(steps, requiredComponents),
    version: row.version,
    updatedAt: row.updated_at.toISOString(),
    updatedByStaffId: row.updated_by,
    editable: episodeStatus !== 'ended',
  };
}

/** Every template the organisation's staff may choose from — shipped (defaults, labelled examples) and its own — and each step's default. */
export async function listPlanTemplates(ctx: ServiceContext): Promise<PlanTemplateList> {
  const actor = requireStaff(ctx.actor);
  return { templates: await templatesOf(ctx.db, ctx.config.contentDir, actor.organisationId), defaults: await loadPlanDefaults(ctx.db, actor.organisationId) };
}

/**
 * Chooses the template each step's new plans start from (admins), at the version the admin saw (a
 * stale choice is refused). Each must be a template of that step, and never a research example
 * (HAZ-038). Audited with the ids chosen.
 */
export async function setPlanDefaults(ctx: ServiceContext, input: SetPlanDefaults): Promise<PlanDefaultsState> {
  const actor = requireTemplateAdmin(ctx.actor);
  for (const step of careSteps) {
    const path = `body/defaults/${step}`;
    const template = await findTemplate(ctx.db, ctx.config.contentDir, actor.organisationId, input.defaults[step], path);
    if (template.step !== step) throw new DomainError('request.invalid', 'A default must be a template for its own step.', [{ path, message: `is a ${template.step.replace('_', '-')} template` }]);
    if (template.isExample) throw new DomainError('request.invalid', 'A research example cannot be a service default; add an organisation template based on it instead.', [{ path, message: 'is a research example' }]);
  }
  await ctx.db.transaction().execute(async (trx) => {
    const current = await loadPlanDefaults(trx, actor.organisationId);
    if (current.version !== input.version) throw new DomainError('write.stale_version', 'Someone changed the default plans since you opened them. Reload them and try again.');
    await upsertPlanDefaults(trx, { organisation_id: actor.organisationId, ...input.defaults, updated_by: actor.staffId, updated_at: ctx.clock.now() });
    await writeAudit(trx, ctx, { action: 'plan_defaults.set', entityType: 'organisation', entityId: actor.organisationId, details: { ...input.defaults } });
  });
  return loadPlanDefaults(ctx.db, actor.organisationId);
}

/**
 * Adds an organisation template (admins). Checked against the programme like a shipped one. Idempotent
 * by id: the same request again returns it; a different one with that id is refused. Audited.
 */
export async function createPlanTemplate(ctx: ServiceContext, programme: Programme, input: CreateTemplate): Promise<PlanTemplate> {
  const actor = requireTemplateAdmin(ctx.actor);
  const { id, step, ...fields } = input;
  const definition = OrganisationTemplateDefinitionSchema.parse(fields);
  refuseIfAny(templateIssues(input, programme.map((m) => m.meta)), 'body', 'This template does not fit the programme or its own settings.');
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const row = { id, organisation_id: actor.organisationId, version: 1, step, definition: JSON.stringify(definition), created_by: actor.staffId, created_at: now, updated_by: actor.staffId, updated_at: now };
    if (await insertOrganisationTemplate(trx, row)) {
      await writeAudit(trx, ctx, { action: 'plan_template.create', entityType: 'plan_template', entityId: id, details: { step, steps: input.steps.length } });
    }
  });
  const stored = (await findOrganisationTemplate(ctx.db, id))!;
  const same =
    stored.organisation_id === actor.organisationId && stored.step === step && JSON.stringify(OrganisationTemplateDefinitionSchema.parse(stored.definition)) === JSON.stringify(definition);
  if (!same) throw new DomainError('write.id_conflict', 'A different plan template was already saved with this id.');
  return presentOrganisationTemplate(stored);
}

/**
 * The template a new episode's plan starts from: the one chosen when the episode was opened, else
 * the organisation's default for its step, else the England default (content/plan-templates).
 * Called before the episode's transaction opens, so an unknown template refuses the referral
 * before anything is written.
 */
export async function resolveEpisodePlanTemplate(ctx: ServiceContext, step: Step, templateId: string | undefined): Promise<PlanTemplate> {
  const organisationId = ctx.actor.organisationId ?? '';
  const chosen = templateId ?? (await loadPlanDefaults(ctx.db, organisationId)).defaults[step];
  return findTemplate(ctx.db, ctx.config.contentDir, organisationId, chosen, 'body/planTemplateId');
}

/** Writes a plan made from a template, its first history entry and the audit, in the caller's transaction. */
export async function insertPlanFromTemplate(
  trx: Transaction<Schema>,
  ctx: ServiceContext,
  template: PlanTemplate,
  plan: { id: string; episodeId: string; clientId: string; organisationId: string; now: Date },
): Promise<void> {
  const { now } = plan;
  const steps: PlanStep[] = template.steps.map((s) => ({ id: newId(now), ...s }));
  const by = staffIdOf(ctx);
  await insertPlan(trx, {
    id: plan.id,
    organisation_id: plan.organisationId,
    episode_id: plan.episodeId,
    client_id: plan.clientId,
    template_id: template.id,
    template_version: template.version,
    template_name: template.name,
    template_is_example: template.isExample,
    required_components: JSON.stringify(template.requiredComponents),
    steps: JSON.stringify(steps),
    version: 1,
    created_by: by,
    created_at: now,
    updated_by: by,
    updated_at: now,
  });
  await insertPlanChange(trx, { id: newId(now), plan_id: plan.id, version: 1, kind: 'created', steps_before: null, steps_after: JSON.stringify(steps), reason: `Made from “${template.name}”`, changed_by: by, changed_at: now });
  await writeAudit(trx, ctx, {
    action: 'plan.create',
    entityType: 'treatment_plan',
    entityId: plan.id,
    clientId: plan.clientId,
    details: { templateId: template.id, templateVersion: template.version, isExample: template.isExample, steps: steps.length },
  });
}

/** An episode's plan, for whoever may read the episode. Audited. */
export async function getPlan(ctx: ServiceContext, episodeId: string): Promise<TreatmentPlan> {
  const { episode } = await requirePlanRead(ctx, episodeId, 'plan.read');
  const row = await findPlanOfEpisode(ctx.db, episodeId);
  if (!row) throw new DomainError('plan.not_found', 'This episode has no treatment plan yet. Make one from a template.');
  await writeAudit(ctx.db, ctx, { action: 'plan.read', entityType: 'treatment_plan', entityId: row.id, clientId: episode.client_id });
  return presentPlan(row, episode.status);
}

/**
 * Makes the plan of an open episode that has none (episodes opened before plans existed, or whose
 * plan was never made). Idempotent by id; an episode that already has another plan is refused.
 */
export async function createPlan(ctx: ServiceContext, episodeId: string, input: CreatePlan): Promise<TreatmentPlan> {
  const { episode } = await requirePlanEdit(ctx, episodeId, 'plan.create');
  const existing = await findPlanOfEpisode(ctx.db, episodeId);
  if (existing) {
    if (existing.id === input.id && existing.template_id === input.templateId) return presentPlan(existing, episode.status);
    throw new DomainError('plan.already_exists', 'This episode already has a treatment plan: change that one instead.');
  }
  if (await findPlan(ctx.db, input.id)) throw new DomainError('write.id_conflict', 'A different plan was already saved with this id.');
  const template = await findTemplate(ctx.db, ctx.config.contentDir, episode.organisation_id, input.templateId);
  await ctx.db.transaction().execute((trx) =>
    insertPlanFromTemplate(trx, ctx, template, { id: input.id, episodeId, clientId: episode.client_id, organisationId: episode.organisation_id, now: ctx.clock.now() }),
  );
  return presentPlan((await findPlanOfEpisode(ctx.db, episodeId))!, episode.status);
}

/**
 * Replaces the plan's steps at the version the editor saw, with their reason, and keeps the old
 * steps in the history. A stale version is refused (someone changed the plan since it was opened),
 * never merged (HAZ-037); so is any change once the episode has ended (HAZ-039). Audited with
 * counts of what changed.
 */
export async function updatePlan(ctx: ServiceContext, programme: Programme, episodeId: string, input: UpdatePlan): Promise<TreatmentPlan> {
  const { episode } = await requirePlanEdit(ctx, episodeId, 'plan.update');
  refuseIfAny(programmeIssues(input.steps, programme.map((m) => m.meta)), 'body/steps', 'Some online steps do not match the programme.');
  const now = ctx.clock.now();
  const stale = () => new DomainError('write.stale_version', 'Someone changed this plan since you opened it. Reload it, then make your change again.');
  await ctx.db.transaction().execute(async (trx) => {
    const current = await findPlanOfEpisode(trx, episodeId);
    if (!current) throw new DomainError('plan.not_found', 'This episode has no treatment plan yet. Make one from a template.');
    if (current.version !== input.version) throw stale();
    const before = stepsOf(current);
    const diff = diffPlanSteps(before, input.steps);
    if (!diff.added && !diff.removed && !diff.changed && !diff.reordered) throw new DomainError('request.invalid', 'The plan is unchanged.', [{ path: 'body/steps', message: 'are the same as now' }]);
    if (!(await updatePlanAtVersion(trx, current.id, input.version, JSON.stringify(input.steps), staffIdOf(ctx), now))) throw stale();
    await insertPlanChange(trx, {
      id: newId(now),
      plan_id: current.id,
      version: input.version + 1,
      kind: 'edited',
      steps_before: JSON.stringify(before),
      steps_after: JSON.stringify(input.steps),
      reason: input.reason,
      changed_by: staffIdOf(ctx),
      changed_at: now,
    });
    await writeAudit(trx, ctx, { action: 'plan.update', entityType: 'treatment_plan', entityId: current.id, clientId: episode.client_id, details: { version: input.version + 1, ...diff } });
  });
  return presentPlan((await findPlanOfEpisode(ctx.db, episodeId))!, episode.status);
}

/** Every version of the plan, oldest first: who changed what, when and why (HAZ-039). Audited. */
export async function getPlanHistory(ctx: ServiceContext, episodeId: string): Promise<PlanHistory> {
  const { episode } = await requirePlanRead(ctx, episodeId, 'plan.history');
  const plan = await findPlanOfEpisode(ctx.db, episodeId);
  if (!plan) throw new DomainError('plan.not_found', 'This episode has no treatment plan yet.');
  const changes = await listPlanChanges(ctx.db, plan.id);
  await writeAudit(ctx.db, ctx, { action: 'plan.history', entityType: 'treatment_plan', entityId: plan.id, clientId: episode.client_id });
  return {
    planId: plan.id,
    changes: changes.map((c) => {
      const before = c.steps_before === null ? null : StoredStepsSchema.parse(c.steps_before);
      const after = StoredStepsSchema.parse(c.steps_after);
      return {
        version: c.version,
        kind: c.kind,
        at: c.changed_at.toISOString(),
        byStaffId: c.changed_by,
        reason: c.reason,
        stepsBefore: before,
        stepsAfter: after,
        diff: before ? diffPlanSteps(before, after) : null,
      };
    }),
  };
}

/**
 * The client's own plan while their care is open: steps in order, how each is delivered, what it is
 * for and the module's title in their language. Null when no open episode has a plan (a client
 * whose care has ended keeps crisis information only). Audited.
 */
export async function getOwnPlan(ctx: ServiceContext, programme: Programme, locale?: string): Promise<ClientPlan> {
  const actor = ctx.actor;
  if (actor.type !== 'client') throw new DomainError('auth.forbidden', 'Only a client has their own plan.');
  const row = await currentPlanOfClient(ctx.db, actor.clientId, { openOnly: true });
  await writeAudit(ctx.db, ctx, { action: 'plan.read_own', entityType: 'treatment_plan', entityId: row?.id ?? null, clientId: actor.clientId });
  if (!row) return { plan: null };
  const steps = stepsOf(row);
  const titleOf = (moduleId: string) => {
    const meta = programme.find((m) => m.meta.id === moduleId)?.meta;
    return meta ? (meta.title[languageFor(meta, locale)] ?? meta.title.en ?? moduleId) : moduleId;
  };
  return {
    plan: {
      steps: steps.map((s) => ({ id: s.id, mode: s.mode, purpose: s.purpose, plannedWeek: s.plannedWeek, module: s.moduleId ? { id: s.moduleId, title: titleOf(s.moduleId) } : null })),
      faceToFace: steps.filter((s) => s.mode === 'face_to_face').length,
      online: steps.filter((s) => s.mode === 'online').length,
      updatedAt: row.updated_at.toISOString(),
    },
  };
}

/** A stored plan's steps and required components, checked: what the protocol map reads (decision 0024). */
export function planContent(row: PlanRow): { steps: PlanStep[]; requiredComponents: PlanComponent[] } {
  return { steps: stepsOf(row), requiredComponents: StoredComponentsSchema.parse(row.required_components) };
}

/** The steps of the client's current plan (open episode first, else the latest), for pacing; null without a plan. */
export async function currentPlanSteps(ctx: Pick<ServiceContext, 'db'>, clientId: string): Promise<PlanStep[] | null> {
  const row = await currentPlanOfClient(ctx.db, clientId, { openOnly: false });
  return row ? stepsOf(row) : null;
}
