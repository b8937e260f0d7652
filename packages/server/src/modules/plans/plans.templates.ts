import {
  CreatePlanTemplateRequestSchema,
  defaultPlanTemplateIds,
  DomainError,
  summarisePlan,
  type PlanDefaultsState,
  type PlanTemplate,
  type PlanTemplateFile,
} from '@tandem/domain';
import type { Kysely, Transaction } from 'kysely';
import { loadCheckedPlanTemplates } from '../../content/plan-template-files';
import { loadProgramme } from '../../content/programme-files';
import type { Schema } from '../../db/schema';
import { findOrganisationTemplate, findPlanDefaults, listOrganisationTemplates, type OrganisationTemplateRow } from './plans.repo';

type Db = Kysely<Schema> | Transaction<Schema>;

/**
 * The template catalogue: shipped templates (files in CONTENT_DIR/plan-templates, read and checked
 * once per folder — files, not state, like the programme) and the organisation's own (rows).
 */
const shipped = new Map<string, Promise<PlanTemplateFile[]>>();

/** The shipped templates of a content folder, checked against its modules; throws on problems (start-up fails). */
export function shippedTemplates(contentDir: string): Promise<PlanTemplateFile[]> {
  let templates = shipped.get(contentDir);
  if (!templates) {
    templates = loadProgramme(contentDir).then(({ modules }) => loadCheckedPlanTemplates(contentDir, modules.map((m) => m.meta)));
    // A failed read is not kept: the next call tries again (and start-up reports it).
    templates.catch(() => shipped.delete(contentDir));
    shipped.set(contentDir, templates);
  }
  return templates;
}

/** What an organisation template's `definition` column holds: the request without its id. */
export const OrganisationTemplateDefinitionSchema = CreatePlanTemplateRequestSchema.omit({ id: true, step: true });

export function presentShippedTemplate(t: PlanTemplateFile): PlanTemplate {
  return {
    id: t.id,
    version: t.version,
    origin: 'shipped',
    isExample: t.example,
    name: t.name,
    description: t.description,
    step: t.step,
    source: t.source,
    sessionsPlanned: t.sessionsPlanned,
    sessionMinutes: t.sessionMinutes,
    requiredComponents: t.requiredComponents,
    review: t.clinicalReview.reviewer ? { reviewer: t.clinicalReview.reviewer, reviewedOn: t.clinicalReview.reviewedOn } : null,
    steps: t.steps,
    summary: summarisePlan(t.steps, t.requiredComponents),
  };
}

export function presentOrganisationTemplate(row: OrganisationTemplateRow): PlanTemplate {
  const d = OrganisationTemplateDefinitionSchema.parse(row.definition);
  return {
    id: row.id,
    version: String(row.version),
    origin: 'organisation',
    isExample: false,
    name: d.name,
    description: d.description,
    step: row.step,
    source: d.source,
    sessionsPlanned: d.sessionsPlanned,
    sessionMinutes: d.sessionMinutes,
    requiredComponents: d.requiredComponents,
    review: null,
    steps: d.steps,
    summary: summarisePlan(d.steps, d.requiredComponents),
  };
}

/** Every template an organisation's staff may choose from: shipped first (defaults, then examples), then its own. */
export async function templatesOf(db: Db, contentDir: string, organisationId: string): Promise<PlanTemplate[]> {
  const own = await listOrganisationTemplates(db, organisationId);
  return [...(await shippedTemplates(contentDir)).map(presentShippedTemplate), ...own.map(presentOrganisationTemplate)];
}

/** The organisation's default template per step, or the England defaults (version 0) until an admin chooses. */
export async function loadPlanDefaults(db: Db, organisationId: string): Promise<PlanDefaultsState> {
  const row = await findPlanDefaults(db, organisationId);
  if (!row) return { defaults: { ...defaultPlanTemplateIds }, version: 0, isDefault: true };
  return { defaults: { low_intensity: row.low_intensity, high_intensity: row.high_intensity }, version: row.version, isDefault: false };
}

/** One template by id, shipped or the organisation's; another organisation's is "not found". */
export async function findTemplate(db: Db, contentDir: string, organisationId: string, templateId: string, path = 'body/templateId'): Promise<PlanTemplate> {
  const file = (await shippedTemplates(contentDir)).find((t) => t.id === templateId);
  if (file) return presentShippedTemplate(file);
  const row = /^[0-9a-f-]{36}$/i.test(templateId) ? await findOrganisationTemplate(db, templateId) : undefined;
  if (row && row.organisation_id === organisationId) return presentOrganisationTemplate(row);
  throw new DomainError('plan.template_not_found', 'There is no plan template with that id here.', [{ path, message: 'unknown template' }]);
}
