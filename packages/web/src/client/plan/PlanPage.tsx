import type { ClientPlan, Me } from '@tandem/domain';
import { useLocale, useT } from '../../shared/i18n/I18nProvider';
import type { ClientKey } from '../../shared/i18n/keys';
import { LoadState } from '../../shared/LoadState';
import { Link } from '../../shared/navigation';
import { useApiGet } from '../../shared/use-api-get';
import { BackHomeLink } from '../BackHomeLink';
import { ClientFrame } from '../ClientFrame';

type Step = NonNullable<ClientPlan['plan']>['steps'][number];

/** One step in plain words: a session, or the online part by its title; what it is for; the week. */
function PlanStepLine({ step }: { step: Step }) {
  const t = useT<ClientKey>();
  return (
    <li className="client-plan-step">
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
 * known — and that it can change. No plan yet, or care ended: a kind line instead.
 */
export function PlanPage({ me }: { me: Me }) {
  const t = useT<ClientKey>();
  const { locale } = useLocale();
  const { resource, reload } = useApiGet<ClientPlan>(`/api/me/plan?locale=${encodeURIComponent(locale)}`);
  const plan = resource.status === 'ok' ? resource.data.plan : null;
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
              <PlanStepLine key={step.id} step={step} />
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
