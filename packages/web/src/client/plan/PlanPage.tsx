import type { ClientPlan, ClientPlanProgress, Me } from '@tandem/domain';
import { formatDayMonth } from '../../shared/dates';
import { useLocale, useT } from '../../shared/i18n/I18nProvider';
import type { ClientKey } from '../../shared/i18n/keys';
import { LoadState } from '../../shared/LoadState';
import { Link } from '../../shared/navigation';
import { useApiGet } from '../../shared/use-api-get';
import { BackHomeLink } from '../BackHomeLink';
import { ClientFrame } from '../ClientFrame';

type Step = NonNullable<ClientPlan['plan']>['steps'][number];
type StepProgress = NonNullable<ClientPlanProgress['progress']>['steps'][number];

/** Where a step is, in plain words: "Done on …", "Now", "Next"; nothing for later steps. */
function StepStatus({ progress }: { progress: StepProgress | undefined }) {
  const t = useT<ClientKey>();
  if (!progress || progress.status === 'later') return null;
  const words =
    progress.status === 'delivered'
      ? progress.deliveredOn
        ? t('client.plan.statusDone', { date: formatDayMonth(progress.deliveredOn, t) })
        : t('client.plan.statusDoneNoDate')
      : t(progress.status === 'current' ? 'client.plan.statusNow' : 'client.plan.statusNext');
  return <p className={`client-plan-status client-plan-${progress.status}`}>{words}</p>;
}

/**
 * One step in plain words: where it is (done, now, next), a session or the online part by its
 * title; what it is for; the week.
 */
function PlanStepLine({ step, progress }: { step: Step; progress: StepProgress | undefined }) {
  const t = useT<ClientKey>();
  return (
    <li className="client-plan-step" aria-current={progress?.status === 'current' ? 'step' : undefined}>
      <StepStatus progress={progress} />
      <p className="client-plan-what">
        {step.mode === 'online' && step.module ? (
          <>
            {t('client.plan.online')}{' '}
            <span translate="no" dir="auto">
              {step.module.title}
            </span>
          </>
        ) : (
          t('client.plan.session')
        )}
      </p>
      <p translate="no" dir="auto">
        {step.purpose}
      </p>
      {step.plannedWeek === null ? null : <p className="client-plan-week">{t('client.plan.week', { week: step.plannedWeek })}</p>}
    </li>
  );
}

/**
 * "Your plan" (BRIEF.md V3, "a plan both can see"): the steps agreed with their practitioner, in
 * order, in plain words — sessions and online parts, what each is for, the week when it is
 * known, and where they are: done (and when), now, next (decision 0024; no drift language, which
 * is the care team's) — and that it can change. No plan yet, or care ended: a kind line instead.
 */
export function PlanPage({ me }: { me: Me }) {
  const t = useT<ClientKey>();
  const { locale } = useLocale();
  const { resource, reload } = useApiGet<ClientPlan>(`/api/me/plan?locale=${encodeURIComponent(locale)}`);
  const plan = resource.status === 'ok' ? resource.data.plan : null;
  // Where they are is extra: without it (not yet loaded, or unreadable) the plan still shows.
  const progress = useApiGet<ClientPlanProgress>('/api/me/plan/progress').resource;
  const statusOf = new Map((progress.status === 'ok' ? (progress.data.progress?.steps ?? []) : []).map((s) => [s.id, s]));
  return (
    <ClientFrame title={t('client.title.plan')} page="plan">
      <BackHomeLink />
      <h1>{t('client.plan.heading')}</h1>
      <LoadState resource={resource} onRetry={reload} />
      {resource.status === 'ok' && !plan ? <p>{me.care?.status === 'ended' ? t('client.plan.careEnded') : t('client.plan.none')}</p> : null}
      {plan ? (
        <>
          <p>{t('client.plan.intro')}</p>
          <p className="notice">{t('client.plan.canChange')}</p>
          <ol className="client-plan">
            {plan.steps.map((step) => (
              <PlanStepLine key={step.id} step={step} progress={statusOf.get(step.id)} />
            ))}
          </ol>
        </>
      ) : null}
      <p>
        <Link href="/programme">{t('client.home.programmeLink')}</Link>
      </p>
    </ClientFrame>
  );
}
