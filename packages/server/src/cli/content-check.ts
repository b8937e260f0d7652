import { parseArgs } from 'node:util';
import { moduleMinutes } from '@tandem/domain';
import path from 'node:path';
import { defaultContentRoot, formatProblem, loadProgramme } from '../content/programme-files';
import { loadPlanTemplates } from '../content/plan-template-files';

export const contentCheckUsage = `Usage: tandem content check [--dir <content folder>]

Checks the self-help programme (content/ by default): each module.yaml against the format, each
step's Markdown, and that every English step reads at Flesch–Kincaid grade 6 or below in five
minutes or less; and each treatment-plan template in plan-templates/ against its format and the
programme's modules. Prints each problem as file:line: message and exits 1 if there are any.`;

export async function runContentCheck(args: string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  let dir: string;
  try {
    const { values, positionals } = parseArgs({ args, options: { dir: { type: 'string' } }, allowPositionals: true });
    if (positionals[0] !== 'check' || positionals.length > 1) {
      err(`${contentCheckUsage}\n`);
      return 2;
    }
    dir = values.dir ? path.resolve(values.dir) : defaultContentRoot;
  } catch (error) {
    err(`${(error as Error).message}\n\n${contentCheckUsage}\n`);
    return 2;
  }
  const { modules, problems } = await loadProgramme(dir);
  if (problems.length) {
    err(`${problems.map(formatProblem).join('\n')}\n\n${problems.length} problem${problems.length === 1 ? '' : 's'} in ${path.join(dir, 'modules')}.\n`);
    return 1;
  }
  const plans = await loadPlanTemplates(dir, modules.map((m) => m.meta));
  if (plans.problems.length) {
    err(`${plans.problems.map(formatProblem).join('\n')}\n\n${plans.problems.length} problem${plans.problems.length === 1 ? '' : 's'} in ${path.join(dir, 'plan-templates')}.\n`);
    return 1;
  }
  const steps = modules.reduce((n, m) => n + m.meta.steps.length, 0);
  const minutes = modules.reduce((n, m) => n + moduleMinutes(m.meta), 0);
  out(`Content OK: ${modules.length} modules, ${steps} steps, about ${minutes} minutes; ${plans.templates.length} plan templates.\n`);
  return 0;
}
