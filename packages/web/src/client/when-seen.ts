import { zonedParts, type RiskNotice } from '@tandem/domain';
import type { Translate } from '../shared/i18n/i18n';
import type { ClientKey } from '../shared/i18n/keys';

/**
 * Dates and times for clients, in words ("Monday 9 March", "9:00"), on the clocks of a given time
 * zone. Intl gives the day and month names; British English stands in for English and the
 * pseudo-locale (which Intl does not know).
 */
function intlLocale(locale: string): string {
  return locale === 'en' || locale === 'en-XA' ? 'en-GB' : locale;
}

/** "Monday 9 March" on the clocks of `timeZone`. */
export function dayInWords(instant: Date, timeZone: string, locale: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { timeZone, weekday: 'long', day: 'numeric', month: 'long' }).format(instant);
}

/** "9:00", "14:30" (24-hour, no leading zero) on the clocks of `timeZone`. */
export function timeInWords(instant: Date, timeZone: string): string {
  const p = zonedParts(instant, timeZone);
  return `${Number(p.hour)}:${p.minute}`;
}

/** 'YYYY-MM-DD' on the clocks of `timeZone`. */
function calendarDay(instant: Date, timeZone: string): string {
  const p = zonedParts(instant, timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}

/**
 * A few minutes' grace for "someone is on hand now": the phone's clock and the server's may
 * differ a little.
 */
const nowGraceMs = 5 * 60_000;

/**
 * The honest line about when a person from the service will see a warning sign (an item-9 answer
 * or the help button), from the server's risk notice: "today" when someone is on hand now; the
 * time and day from which someone is, when the service is closed. It says when someone will
 * *see* it — never that anyone will call back.
 */
export function whenSomeoneSees(notice: RiskNotice, now: Date, locale: string, t: Translate<ClientKey>): string {
  // The service has not set its hours and rota: no time can honestly be given.
  if (notice.coverKnown === false) return t('client.when.unknown');
  const from = new Date(notice.personOnHandFrom);
  if (Number.isNaN(from.getTime()) || from.getTime() <= now.getTime() + nowGraceMs) {
    return t(notice.outOfHours ? 'client.when.onCallNow' : 'client.when.today');
  }
  const time = timeInWords(from, notice.timeZone);
  const sameDay = calendarDay(from, notice.timeZone) === calendarDay(now, notice.timeZone);
  if (sameDay) return t(notice.outOfHours ? 'client.when.closedFromToday' : 'client.when.fromToday', { time });
  const day = dayInWords(from, notice.timeZone, locale);
  return t(notice.outOfHours ? 'client.when.closedFromDay' : 'client.when.fromDay', { time, day });
}
