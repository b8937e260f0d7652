import type { EndSessionResult } from '@tandem/domain';
import type { Translate } from '../../shared/i18n/i18n';
import type { PractitionerKey } from '../../shared/i18n/keys';
import { longDate, longDateTime, thingsText } from './session-words';

/**
 * What the one-flow ending did, in one readable line: "Attended. Next session: Tuesday 3 December
 * at 14:00. Homework: 2 things, due Monday 2 December." Times on the client's clocks.
 */
export function endedSummary(t: Translate<PractitionerKey>, result: Pick<EndSessionResult, 'appointment' | 'nextAppointment' | 'homework'>, timeZone: string): string {
  const parts = [t(result.appointment.status === 'attended_late' ? 'practitioner.endSession.attendedLate' : 'practitioner.endSession.attended')];
  parts.push(result.nextAppointment ? t('practitioner.endSession.next', { when: longDateTime(t, result.nextAppointment.startsAt, timeZone) }) : t('practitioner.endSession.noNext'));
  parts.push(
    result.homework
      ? t('practitioner.endSession.homework', { things: thingsText(t, result.homework.items.length), date: longDate(t, result.homework.dueOn) })
      : t('practitioner.endSession.noHomework'),
  );
  return parts.join(' ');
}
