/**
 * When a client's records may be erased (UK GDPR Art. 17(3)(b) and (c): erasure does not apply
 * while the law or the public interest in health requires the records to be kept).
 *
 * Source of the default: NHS England, Records Management Code of Practice 2023, Appendix II
 * (retention schedule), row "Mental health records": keep for 20 years after the date of last
 * contact between the patient and any healthcare professional employed by the mental health
 * provider (or 10 years after the patient's death if sooner — Tandem does not record deaths, so
 * it uses the longer, 20-year rule). Services configure their own period with
 * RETENTION_YEARS_AFTER_DISCHARGE (decision 0042).
 */
export const defaultRetentionYearsAfterDischarge = 20;

export type ErasureDecision =
  | { allowed: true; keepUntil: string }
  | { allowed: false; reason: 'care_ongoing' }
  | { allowed: false; reason: 'retention_period'; keepUntil: string };

/** `date` ('YYYY-MM-DD') plus whole calendar years; 29 February becomes 28 February in a common year. */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const year = y + years;
  const lastDay = new Date(Date.UTC(year, m, 0)).getUTCDate();
  const day = Math.min(d, lastDay);
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Whether the records may be erased on `today` ('YYYY-MM-DD', the service's calendar day). Care
 * that is still going on (an episode not ended) keeps them. Otherwise they are kept until the
 * last contact plus the retention period: erasure is allowed from that day on.
 */
export function decideErasure(input: { careOngoing: boolean; lastContactOn: string; retentionYears: number; today: string }): ErasureDecision {
  if (input.careOngoing) return { allowed: false, reason: 'care_ongoing' };
  const keepUntil = addYears(input.lastContactOn, input.retentionYears);
  return input.today >= keepUntil ? { allowed: true, keepUntil } : { allowed: false, reason: 'retention_period', keepUntil };
}
