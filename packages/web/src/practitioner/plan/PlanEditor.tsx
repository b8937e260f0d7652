import { newId, summarisePlan, UpdatePlanRequestSchema, type TreatmentPlan } from '@tandem/domain';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { apiPut } from '../../shared/api';
import { errorText } from '../../shared/error-text';
import { ErrorSummary, type FormProblem } from '../../shared/ErrorSummary';
import type { Translate } from '../../shared/i18n/i18n';
import { useT } from '../../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../../shared/i18n/keys';
import { SelectField, TextAreaField } from '../EpisodeFields';
import { draftProblems, fromDraft, insertStep, moveStep, repeatStep, stepProblems, type DraftField, type DraftProblem, type DraftStep } from './plan-draft';
import { PlanStepFields, stepFieldIds } from './PlanStepFields';
import { MissingWarning } from './PlanSummary';
import { blendText, stepTitle, type ModuleTitles } from './plan-words';

/** Where an edit starts from: a list of steps and (after a refused save) the reason already written. */
export interface EditStart {
  steps: DraftStep[];
  reason: string;
}

type Action = 'up' | 'down' | 'change' | 'repeat' | 'remove';
type StepErrors = Record<string, Partial<Record<DraftField, string>>>;

const serverField: Record<string, DraftField> = { mode: 'mode', component: 'component', moduleId: 'moduleId', purpose: 'purpose', plannedWeek: 'week' };

function draftProblemText(t: Translate<PractitionerKey>, p: DraftProblem): string {
  return p.problem === 'weekBackwards' ? t('practitioner.plan.weekBackwards', { week: p.earlierWeek }) : t(`practitioner.plan.${p.problem}`);
}

function emptyStep(): DraftStep {
  return { id: newId(new Date()), mode: 'face_to_face', component: 'behavioural_activation', moduleId: null, purpose: '', week: '' };
}

/**
 * Changing the plan: every step can be moved up or down (buttons, so a keyboard does it; focus
 * stays on the step that moved), repeated, changed or removed, and steps added; then one reason
 * for the whole change and one save, which sends the whole list with the version it was made
 * against (decision 0020). A refused save keeps everything typed.
 */
export function PlanEditor({ plan, modules, start, onSaved, onStale, onClosed, onCancel }: {
  plan: TreatmentPlan;
  modules: ModuleTitles;
  start: EditStart;
  onSaved(plan: TreatmentPlan): void;
  /** Someone else saved first: the page shows their version and keeps this list. */
  onStale(mine: EditStart): void;
  /** The referral ended meanwhile: the plan is a record now. */
  onClosed(): void;
  onCancel(): void;
}) {
  const t = useT<PractitionerKey>();
  const formId = useId();
  const [steps, setSteps] = useState<DraftStep[]>(start.steps);
  const [reason, setReason] = useState(start.reason);
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  // Where focus goes after an action, asked for by counting (the target is read once, then cleared).
  const focusRequest = useRef<{ id: string; actions: Action[] } | null>(null);
  const [focusTick, setFocusTick] = useState(0);
  const setFocus = (request: { id: string; actions: Action[] }) => {
    focusRequest.current = request;
    setFocusTick((n) => n + 1);
  };
  const [said, setSaid] = useState('');
  const [stepErrors, setStepErrors] = useState<StepErrors>({});
  const [reasonError, setReasonError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | undefined>();
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const heading = useRef<HTMLHeadingElement>(null);
  // The button that opened the editor is gone: focus goes to the editor's heading.
  useEffect(() => heading.current?.focus(), []);
  const reasonId = `${formId}-reason`;
  const base = (id: string) => `${formId}-${id}`;

  // After a move, repeat or removal, focus goes to the step acted on (its first button still there).
  useEffect(() => {
    const request = focusRequest.current;
    focusRequest.current = null;
    if (!request) return;
    const button = request.actions.map((action) => buttons.current.get(`${request.id}:${action}`)).find(Boolean);
    button?.focus();
  }, [focusTick]);

  const problemText = (p: DraftProblem) => draftProblemText(t, p);
  const keep = (ref: string) => (el: HTMLButtonElement | null) => {
    if (el) buttons.current.set(ref, el);
    else buttons.current.delete(ref);
  };

  function move(index: number, delta: -1 | 1) {
    const step = steps[index]!;
    setSteps(moveStep(steps, index, delta));
    setSaid(t('practitioner.plan.movedTo', { title: stepTitle(t, step, modules), position: index + 1 + delta }));
    setFocus({ id: step.id, actions: delta < 0 ? ['up', 'down'] : ['down', 'up'] });
  }

  function repeat(index: number) {
    const copy = newId(new Date());
    setSteps(repeatStep(steps, index, copy));
    setSaid(t('practitioner.plan.repeated', { position: index + 2, of: index + 1 }));
    setFocus({ id: copy, actions: ['change'] });
  }

  function remove(index: number) {
    const step = steps[index]!;
    const next = steps[index + 1] ?? steps[index - 1];
    setSteps(steps.filter((s) => s.id !== step.id));
    setSaid(t('practitioner.plan.removed', { title: stepTitle(t, step, modules), position: index + 1 }));
    if (next) setFocus({ id: next.id, actions: ['change'] });
  }

  function change(step: DraftStep) {
    setSteps(steps.map((s) => (s.id === step.id ? step : s)));
  }

  function toggle(id: string) {
    const next = new Set(open);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setOpen(next);
  }

  function showProblems(problems: DraftProblem[]) {
    const found: StepErrors = {};
    for (const p of problems) {
      const id = steps[p.index]?.id;
      if (id) found[id] = { ...found[id], [p.field]: problemText(p) };
    }
    setStepErrors(found);
    setOpen(new Set([...open, ...Object.keys(found)]));
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setAttempt((n) => n + 1);
    setFormError(undefined);
    const problems = draftProblems(steps);
    showProblems(problems);
    const trimmed = reason.trim();
    const reasonProblem = UpdatePlanRequestSchema.shape.reason.safeParse(trimmed).success ? undefined : t('practitioner.plan.reasonMissing');
    setReasonError(reasonProblem);
    if (problems.length || reasonProblem) return;
    setBusy(true);
    const result = await apiPut<TreatmentPlan>(`/api/episodes/${encodeURIComponent(plan.episodeId)}/plan`, { version: plan.version, steps: steps.map(fromDraft), reason: trimmed });
    setBusy(false);
    if (result.ok) return onSaved(result.data);
    const { error } = result;
    if (error.code === 'write.stale_version') return onStale({ steps, reason });
    if (error.code === 'episode.closed') {
      setFormError(errorText(error, t));
      return onClosed();
    }
    // A field the server named (body/steps/3/moduleId, body/reason) shows at that field.
    const found: StepErrors = {};
    let atField = false;
    for (const detail of error.details) {
      const match = /^body\/steps\/(\d+)\/(\w+)$/.exec(detail.path);
      const id = match ? steps[Number(match[1])]?.id : undefined;
      const field = match ? serverField[match[2]!] : undefined;
      if (id && field) {
        found[id] = { ...found[id], [field]: `${errorText(error, t)} (${detail.message})` };
        atField = true;
      } else if (detail.path === 'body/reason') {
        setReasonError(errorText(error, t));
        atField = true;
      }
    }
    setStepErrors(found);
    setOpen(new Set([...open, ...Object.keys(found)]));
    if (!atField) setFormError(errorText(error, t));
  }

  const problems: FormProblem[] = [
    ...(formError ? [{ message: formError }] : []),
    ...steps.flatMap((step, i) =>
      (['mode', 'component', 'moduleId', 'purpose', 'week'] as const).flatMap((field) => {
        const message = stepErrors[step.id]?.[field];
        return message ? [{ message: t('practitioner.plan.stepProblem', { n: i + 1, problem: message }), fieldId: stepFieldIds(base(step.id))[field] }] : [];
      }),
    ),
    ...(reasonError ? [{ message: reasonError, fieldId: reasonId }] : []),
  ];
  const summary = summarisePlan(
    steps.map((s) => ({ ...fromDraft(s), plannedWeek: null })),
    plan.requiredComponents,
  );

  return (
    <form className="plan-editor" noValidate onSubmit={save} aria-busy={busy} aria-labelledby={`${formId}-heading`}>
      <h3 id={`${formId}-heading`} ref={heading} tabIndex={-1}>
        {t('practitioner.plan.editHeading')}
      </h3>
      <p className="hint">{t('practitioner.plan.editIntro')}</p>
      <ErrorSummary problems={problems} attempt={attempt} />
      <p className="visually-hidden" role="status">
        {said}
      </p>
      <ol className="plan-steps" aria-label={t('practitioner.plan.editingLabel')}>
        {steps.map((step, index) => {
          const n = index + 1;
          const suffix = <span className="visually-hidden"> {t('practitioner.plan.stepSuffix', { n })}</span>;
          const isOpen = open.has(step.id);
          return (
            <li key={step.id} className="plan-step">
              <p className="plan-step-title">
                <span className="plan-step-number">{t('practitioner.plan.stepN', { n })}</span> {stepTitle(t, step, modules)}
              </p>
              {isOpen ? (
                <PlanStepFields base={base(step.id)} step={step} modules={modules} errors={stepErrors[step.id] ?? {}} onChange={change} />
              ) : (
                <>
                  <p translate="no" dir="auto">
                    {step.purpose}
                  </p>
                  <p className="hint">{step.week.trim() ? t('practitioner.plan.weekValue', { week: step.week.trim() }) : t('practitioner.plan.weekNone')}</p>
                </>
              )}
              <div className="plan-step-actions">
                {index > 0 ? (
                  <button type="button" className="button button-secondary button-small" ref={keep(`${step.id}:up`)} onClick={() => move(index, -1)}>
                    {t('practitioner.plan.moveUp')}
                    {suffix}
                  </button>
                ) : null}
                {index < steps.length - 1 ? (
                  <button type="button" className="button button-secondary button-small" ref={keep(`${step.id}:down`)} onClick={() => move(index, 1)}>
                    {t('practitioner.plan.moveDown')}
                    {suffix}
                  </button>
                ) : null}
                <button type="button" className="button button-secondary button-small" ref={keep(`${step.id}:change`)} aria-expanded={isOpen} onClick={() => toggle(step.id)}>
                  {isOpen ? t('practitioner.plan.doneChanging') : t('practitioner.plan.changeStep')}
                  {suffix}
                </button>
                <button type="button" className="button button-secondary button-small" ref={keep(`${step.id}:repeat`)} onClick={() => repeat(index)}>
                  {t('practitioner.plan.repeat')}
                  {suffix}
                </button>
                {steps.length > 1 ? (
                  <button type="button" className="button button-secondary button-small" ref={keep(`${step.id}:remove`)} onClick={() => remove(index)}>
                    {t('practitioner.plan.remove')}
                    {suffix}
                  </button>
                ) : null}
              </div>
            </li>
          );
        })}
      </ol>
      <AddStep
        steps={steps}
        modules={modules}
        onAdd={(step, after) => {
          setSteps(insertStep(steps, step, after));
          const position = after === null ? steps.length + 1 : after + 2;
          setSaid(t('practitioner.plan.added', { position, title: stepTitle(t, step, modules) }));
          setFocus({ id: step.id, actions: ['change'] });
        }}
      />
      <p>{t('practitioner.plan.withChanges', { blend: blendText(t, summary) })}</p>
      <MissingWarning plan={{ summary }} />
      <TextAreaField id={reasonId} label={t('practitioner.plan.reason')} hint={t('practitioner.plan.reasonHint')} value={reason} onChange={setReason} error={reasonError} />
      <div className="button-group">
        <button type="submit" className="button">
          {t('practitioner.plan.save')}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('practitioner.plan.cancel')}
        </button>
      </div>
    </form>
  );
}

/** "Add a step": its fields, where it goes (at the end unless chosen), checked before it is added. */
function AddStep({ steps, modules, onAdd }: { steps: readonly DraftStep[]; modules: ModuleTitles; onAdd(step: DraftStep, afterIndex: number | null): void }) {
  const t = useT<PractitionerKey>();
  const formId = useId();
  const [step, setStep] = useState<DraftStep>(emptyStep);
  const [where, setWhere] = useState('end');
  const [errors, setErrors] = useState<Partial<Record<DraftField, string>>>({});
  const [open, setOpen] = useState(false);
  const ids = stepFieldIds(`${formId}-new`);

  function add() {
    const found: Partial<Record<DraftField, string>> = {};
    for (const p of stepProblems(step, 0)) found[p.field] = draftProblemText(t, p);
    setErrors(found);
    const first = (['moduleId', 'purpose', 'week'] as const).find((f) => found[f]);
    if (first) return document.getElementById(ids[first])?.focus();
    onAdd(step, where === 'end' ? null : Number(where));
    setStep(emptyStep());
    setWhere('end');
    setOpen(false);
  }

  return (
    <details className="disclosure" open={open} onToggle={(event) => setOpen((event.currentTarget as HTMLDetailsElement).open)}>
      <summary>{t('practitioner.plan.addStep')}</summary>
      <div className="plan-add-step">
        <PlanStepFields base={`${formId}-new`} step={step} modules={modules} errors={errors} onChange={setStep} />
        <SelectField
          id={`${formId}-where`}
          label={t('practitioner.plan.where')}
          placeholder={t('practitioner.plan.atEnd')}
          options={[{ value: 'end', label: t('practitioner.plan.atEnd') }, ...steps.map((s, i) => ({ value: String(i), label: t('practitioner.plan.afterStep', { n: i + 1, title: stepTitle(t, s, modules) }) }))]}
          value={where}
          onChange={setWhere}
        />
        <button type="button" className="button button-secondary" onClick={add}>
          {t('practitioner.plan.addSubmit')}
        </button>
      </div>
    </details>
  );
}
