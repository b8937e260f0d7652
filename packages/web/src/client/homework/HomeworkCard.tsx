import type { ClientHomework, Programme } from '@tandem/domain';
import { formatDayMonth, formatInstantDayMonth } from '../../shared/dates';
import { useT } from '../../shared/i18n/I18nProvider';
import type { ClientKey } from '../../shared/i18n/keys';
import { Link } from '../../shared/navigation';
import type { Resource } from '../../shared/use-api-get';
import type { OutboxItem } from '../outbox/outbox';
import { minutesText } from '../programme/programme-data';
import { homeworkItemHref, isItemDone } from './homework-data';

/**
 * Home's homework card (issue 8 item 4; decision 0023): "Before your session on Tuesday 3
 * December" — the day in the client's own time zone — then each thing to do, with its minutes and
 * "Done" once done (a step marked done on this phone counts before it is sent). A kind line when
 * all is done. Nothing at all without homework, or when it cannot be read: home stays calm.
 * Home reads the homework and the programme (which the next step shares) and reads the homework
 * again after it sent what was kept on the phone.
 */
export function HomeworkCard({
  homework,
  programme,
  timeZone,
  waiting,
}: {
  homework: Resource<ClientHomework>;
  programme: Resource<Programme>;
  timeZone: string;
  waiting: readonly OutboxItem[];
}) {
  const t = useT<ClientKey>();
  const current = homework.status === 'ok' ? homework.data.current : null;
  if (!current || !current.items.length) return null;
  const modules = programme.status === 'ok' ? programme.data : null;
  const date = current.appointment ? formatInstantDayMonth(current.appointment.startsAt, timeZone, t) : formatDayMonth(current.dueOn, t);
  const items = current.items.map((item) => ({ item, done: isItemDone(item, waiting) }));
  return (
    <section className="homework" aria-labelledby="homework-heading">
      <h2 id="homework-heading">{current.appointment ? t('client.homework.before', { date }) : t('client.homework.dueBy', { date })}</h2>
      {items.every((i) => i.done) ? <p className="homework-all-done">{t('client.homework.allDone')}</p> : <p>{t('client.homework.intro')}</p>}
      <ul className="homework-list">
        {items.map(({ item, done }) => (
          <li key={`${item.kind}:${item.moduleId}/${item.stepId ?? item.exerciseId ?? ''}`} className={done ? 'homework-item homework-done' : 'homework-item'}>
            <Link href={homeworkItemHref(item, modules)}>
              <span translate="no" dir="auto">
                {item.title}
              </span>
            </Link>
            {item.minutes === null ? null : <span className="homework-minutes">{minutesText(item.minutes, t)}</span>}
            {done ? <span className="homework-done-mark">{t('client.homework.done')}</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
