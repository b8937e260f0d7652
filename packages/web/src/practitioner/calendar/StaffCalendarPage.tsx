import { formatDateTime } from '../../shared/dates';
import { CalendarFeedPanel, type SayCalendarWord } from '../../shared/calendar/CalendarFeedPanel';
import { useT } from '../../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../../shared/i18n/keys';
import { StaffFrame, type StaffContext } from '../StaffFrame';

/**
 * "Calendar feed" (any member of staff): the appointments they hold, across their caseload, in
 * their own calendar app through a private address. Events carry a reference, never a client's
 * name or any clinical detail (decision 0021, HAZ-042).
 */
export function StaffCalendarPage({ staff }: { staff: StaffContext }) {
  const t = useT<PractitionerKey>();
  const zone = staff.me.actor.timeZone;
  const say: SayCalendarWord = (word, values) => t(`practitioner.calendar.${word}`, values);
  return (
    <StaffFrame staff={staff} title={t('practitioner.title.calendar')} page="calendar">
      <div className="narrow">
        <h1>{t('practitioner.calendar.heading')}</h1>
        <CalendarFeedPanel say={say} formatWhen={(iso) => formatDateTime(iso, zone, t)} />
      </div>
    </StaffFrame>
  );
}
