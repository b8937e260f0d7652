import type { PlanComponent, PlanTemplate } from '@tandem/domain';

/** The fields of the "add a template" form that a server problem can be shown on. */
export type TemplateField = 'copyOf' | 'name' | 'description' | 'step' | 'min' | 'max' | 'required';

/** A whole number typed in a box, or NaN (sent as null, so the server names the field). */
function wholeNumber(text: string): number {
  return /^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN;
}

/**
 * The request that adds an organisation template copied from `source`: its steps and session
 * length as they are, with the admin's name, description, step, sessions planned and required
 * components. The source's citation goes with it, so a copy of a research example still says
 * where its arrangement came from.
 */
export function templateCopy(
  id: string,
  source: PlanTemplate,
  values: { name: string; description: string; step: PlanTemplate['step']; min: string; max: string; required: readonly PlanComponent[] },
) {
  return {
    id,
    name: values.name.trim(),
    description: values.description.trim(),
    step: values.step,
    sessionsPlanned: { min: wholeNumber(values.min), max: wholeNumber(values.max) },
    sessionMinutes: source.sessionMinutes,
    requiredComponents: [...values.required],
    steps: source.steps,
    source: source.source,
  };
}

/** The form field a server problem's path (`body/sessionsPlanned/max`) belongs to, if any. */
export function templateFieldOf(path: string): TemplateField | null {
  const parts = path.split('/').slice(1);
  switch (parts[0]) {
    case 'name':
    case 'description':
    case 'step':
      return parts[0];
    case 'sessionsPlanned':
      return parts[1] === 'min' ? 'min' : 'max';
    case 'requiredComponents':
      return 'required';
    case 'steps':
    case 'sessionMinutes':
    case 'source':
      return 'copyOf';
    default:
      return null;
  }
}
