import type { Me } from '@tandem/domain';
import { CalendarFeedPanel, type SayCalendarWord } from '../../shared/calendar/CalendarFeedPanel';
import { formatDateTime } from '../../shared/dates';
import { useT } from '../../shared/i18n/I18nProvider';
import type { ClientKey } from '../../shared/i18n/keys';
import { ClientFrame } from '../ClientFrame';
import { Link } from '../../shared/navigation';

/**
 * "Add your appointments to your calendar app": a private address their calendar app reads, made
 * and stopped here. The events say "Tandem appointment" and the time, nothing more (decision 0021).
 */
export function CalendarPage({ me }: { me: Me }) {
  const t = useT<ClientKey>();
  const say: SayCalendarWord = (word, values) => t(`client.calendar.${word}`, values);
  return (
    <ClientFrame title={t('client.title.calendar')} page="calendar">
      <p>
        <Link className="back-link" href="/choices">
          {t('client.calendar.back')}
        </Link>
      </p>
      <h1>{t('client.calendar.heading')}</h1>
      <CalendarFeedPanel say={say} formatWhen={(iso) => formatDateTime(iso, me.actor.timeZone, t)} />
    </ClientFrame>
  );
}
