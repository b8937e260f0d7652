import type { Translate } from '../../shared/i18n/i18n';
import type { PractitionerKey } from '../../shared/i18n/keys';

/**
 * Minutes in the largest whole unit, as a clinical lead would say them: 60 → "1 hour",
 * 10080 → "7 days", 90 → "90 minutes".
 */
export function formatMinutes(minutes: number, t: Translate<PractitionerKey>): string {
  const units = [
    { size: 24 * 60, one: 'service.duration.day', many: 'service.duration.days' },
    { size: 60, one: 'service.duration.hour', many: 'service.duration.hours' },
    { size: 1, one: 'service.duration.minute', many: 'service.duration.minutes' },
  ] as const;
  const unit = units.find((u) => minutes % u.size === 0)!;
  const count = minutes / unit.size;
  return count === 1 ? t(unit.one) : t(unit.many, { count });
}
