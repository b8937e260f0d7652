import type { Brief } from '@tandem/domain';
import { formatDate, formatDateTime } from '../../shared/dates';
import { useT } from '../../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../../shared/i18n/keys';
import { Link } from '../../shared/navigation';
import { MoodTrend } from '../MoodTrend';
import { staffPaths } from '../routes';
import { briefAnchors, changeKey } from './brief-words';

type Props = { brief: Brief; timeZone: string };

/** "and 4 more", when a list was capped: nothing is left out without saying so. */
function More({ n }: { n: number }) {
  const t = useT<PractitionerKey>();
  return n > 0 ? <p className="brief-more">{t('practitioner.brief.more', { n })}</p> : null;
}

/** Risk alerts and question-9 answers first of all; those past the cap are counted and linked (HAZ-061). */
export function BriefFlagged({ brief, timeZone }: Props) {
  const t = useT<PractitionerKey>();
  const { items, more } = brief.flagged;
  const date = (at: string) => formatDateTime(at, timeZone, t);
  return (
    <section className="brief-section brief-flagged" aria-labelledby="brief-flagged">
      <h3 id="brief-flagged">{t('practitioner.brief.flagged.heading')}</h3>
      {items.length ? (
        <ul>
          {items.map((f) => (
            <li key={f.kind === 'risk_alert' ? f.id : f.responseId} className={f.kind === 'risk_alert' && f.status === 'open' ? 'brief-open' : undefined}>
              {f.kind === 'item9_answer'
                ? t('practitioner.brief.flagged.item9', { value: f.value, date: date(f.at) })
                : f.trigger === 'help_button'
                  ? t('practitioner.brief.flagged.help', { date: date(f.at), status: t(`practitioner.brief.flagged.status.${f.status}`) })
                  : t('practitioner.brief.flagged.item9Alert', { value: f.answerValue ?? '', date: date(f.at), status: t(`practitioner.brief.flagged.status.${f.status}`) })}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('practitioner.brief.flagged.none')}</p>
      )}
      {more > 0 ? (
        <p className="brief-more">
          <Link href={`${staffPaths.client(brief.clientId)}#${briefAnchors.risk}`}>{t('practitioner.brief.flagged.more', { n: more })}</Link>
        </p>
      ) : null}
    </section>
  );
}

export function BriefHomework({ brief }: Props) {
  const t = useT<PractitionerKey>();
  const hw = brief.homework;
  return (
    <section className="brief-section" aria-labelledby="brief-homework">
      <h3 id="brief-homework">{t('practitioner.brief.homework.heading')}</h3>
      {hw ? (
        <>
          <p>{t('practitioner.brief.homework.counts', { date: formatDate(hw.dueOn, t), done: hw.counts.done, partly: hw.counts.partly, notDone: hw.counts.notDone })}</p>
          <ul>
            {hw.items.map((item) => {
              const title = item.titleCut ? t('practitioner.brief.cut', { text: item.title }) : item.title;
              // The work itself: the exercise entries, or the steps done, on the client record.
              const href = `${staffPaths.client(brief.clientId)}#${item.kind === 'exercise' ? briefAnchors.exercises : briefAnchors.programme}`;
              return (
                <li key={`${item.moduleId} ${item.stepId ?? item.exerciseId}`} className={`brief-status-${item.status}`}>
                  <Link href={href}>{t('practitioner.brief.homework.item', { title, status: t(`practitioner.brief.homework.status.${item.status}`) })}</Link>
                </li>
              );
            })}
          </ul>
          <More n={hw.more} />
        </>
      ) : (
        <p>{t('practitioner.brief.homework.none')}</p>
      )}
    </section>
  );
}

export function BriefMood({ brief }: Props) {
  const t = useT<PractitionerKey>();
  const m = brief.mood;
  return (
    <section className="brief-section" aria-labelledby="brief-mood">
      <h3 id="brief-mood">{t('practitioner.brief.mood.heading')}</h3>
      {m.count ? (
        <div className="brief-mood">
          <p>{t('practitioner.brief.mood.summary', { count: m.count, low: m.low ?? '', high: m.high ?? '', mean: m.mean ?? '', direction: t(`practitioner.brief.mood.direction.${m.direction}`) })}</p>
          <MoodTrend days={m.days} />
        </div>
      ) : (
        <p>{t('practitioner.brief.mood.none')}</p>
      )}
    </section>
  );
}

export function BriefMeasures({ brief, timeZone }: Props) {
  const t = useT<PractitionerKey>();
  const change = (n: number) => t(changeKey(n), { n: Math.abs(n) });
  return (
    <section className="brief-section" aria-labelledby="brief-measures">
      <h3 id="brief-measures">{t('practitioner.brief.measures.heading')}</h3>
      <ul>
        {brief.measures.map((s) => {
          const name = t(`practitioner.measures.short.${s.instrument}`);
          if (!s.latest) return <li key={s.instrument}>{t('practitioner.brief.measures.none', { name })}</li>;
          const parts = [
            t('practitioner.brief.measures.latest', { name, total: s.latest.total, band: t(`practitioner.band.${s.latest.band}`), min: s.latest.bandMin, max: s.latest.bandMax, date: formatDateTime(s.latest.at, timeZone, t) }),
          ];
          if (!s.latest.inPeriod) parts.push(t('practitioner.brief.measures.old'));
          if (s.sincePrevious) parts.push(t('practitioner.brief.measures.sincePrevious', { change: change(s.sincePrevious.change) }));
          if (s.sinceFirst) parts.push(t('practitioner.brief.measures.sinceFirst', { change: change(s.sinceFirst.change) }));
          const reliable = s.sinceFirst && s.sinceFirst.reliable !== 'none' ? s.sinceFirst.reliable : null;
          return (
            <li key={s.instrument}>
              {parts.join('; ')}
              {reliable ? (
                <>
                  {' '}
                  <strong className={`brief-reliable-${reliable}`}>{t(`practitioner.brief.measures.reliable.${reliable}`)}</strong>
                </>
              ) : null}
            </li>
          );
        })}
      </ul>
      <p className="hint">{t('practitioner.brief.measures.sources')}</p>
    </section>
  );
}

export function BriefAgenda({ brief }: Props) {
  const t = useT<PractitionerKey>();
  const { items, more } = brief.agenda;
  return (
    <section className="brief-section" aria-labelledby="brief-agenda">
      <h3 id="brief-agenda">{t('practitioner.brief.agenda.heading')}</h3>
      {items.length ? (
        <ul>
          {items.map((a) => (
            <li key={a.id} className="brief-agenda-item" translate="no">
              {a.textCut ? t('practitioner.brief.cut', { text: a.text }) : a.text}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('practitioner.brief.agenda.none')}</p>
      )}
      <More n={more} />
    </section>
  );
}

export function BriefPlan({ brief }: Props) {
  const t = useT<PractitionerKey>();
  const plan = brief.plan;
  return (
    <section className="brief-section" aria-labelledby="brief-plan">
      <h3 id="brief-plan">{t('practitioner.brief.plan.heading')}</h3>
      {plan ? (
        <>
          <p>{t('practitioner.brief.plan.position', { delivered: plan.delivered, total: plan.total })}</p>
          {plan.current ? (
            <p>
              {t('practitioner.brief.plan.now', {
                component: t(`practitioner.component.${plan.current.component}`),
                purpose: plan.current.purposeCut ? t('practitioner.brief.cut', { text: plan.current.purpose }) : plan.current.purpose,
              })}
            </p>
          ) : null}
          {plan.next ? <p>{t('practitioner.brief.plan.next', { component: t(`practitioner.component.${plan.next.component}`) })}</p> : null}
          {plan.drift.length ? <p>{t('practitioner.brief.plan.drift', { codes: plan.drift.map((d) => t(`practitioner.brief.drift.${d}`)).join(', ') })}</p> : null}
        </>
      ) : (
        <p>{t('practitioner.brief.plan.none')}</p>
      )}
      {brief.focus.length ? (
        <>
          <h3 id="brief-focus">{t('practitioner.brief.focus.heading')}</h3>
          <ol aria-labelledby="brief-focus">
            {brief.focus.map((f) => (
              <li key={f.code}>
                {f.code === 'plan_step' && f.component
                  ? t('practitioner.brief.focus.plan_step', { component: t(`practitioner.component.${f.component}`) })
                  : f.code === 'drift' && f.drift
                    ? t('practitioner.brief.focus.drift', { drift: t(`practitioner.brief.drift.${f.drift}`) })
                    : t(`practitioner.brief.focus.${f.code}`)}
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </section>
  );
}
