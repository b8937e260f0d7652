import type { WorklistReason } from '@tandem/domain';
import { formatDate, formatDateTime } from '../../shared/dates';
import type { Translate } from '../../shared/i18n/i18n';
import type { PractitionerKey } from '../../shared/i18n/keys';

/**
 * One reason in words, with times in the practitioner's time zone: the fact, then (for a deadline)
 * when it is due, as separate sentences. Facts, never a diagnosis.
 */
export function reasonWords(reason: WorklistReason, timeZone: string, t: Translate<PractitionerKey>): string[] {
  const when = (iso: string) => formatDateTime(iso, timeZone, t);
  const deadline = (iso: string, overdue: boolean) => t(overdue ? 'practitioner.worklist.reason.overdue' : 'practitioner.worklist.reason.dueBy', { time: when(iso) });
  switch (reason.kind) {
    case 'risk_alert': {
      const tier = t(`practitioner.alerts.tier.${reason.tier}`);
      const what = reason.count > 1 ? t('practitioner.worklist.reason.riskAlerts', { count: String(reason.count), tier }) : t('practitioner.worklist.reason.riskAlert', { tier });
      return reason.dueAt ? [what, deadline(reason.dueAt, reason.overdue)] : [what];
    }
    case 'missed_after_alert':
      return [t('practitioner.worklist.reason.missedAfterAlert'), deadline(reason.dueAt, reason.overdue)];
    case 'reliable_deterioration':
      return [t('practitioner.worklist.reason.deterioration', {
        measures: reason.measures
          .map((m) => t('practitioner.worklist.reason.deteriorationMeasure', { measure: t(`practitioner.measures.short.${m.instrument}`), first: String(m.first), last: String(m.last) }))
          .join(', '),
      })];
    case 'session_today':
      return [t('practitioner.worklist.reason.sessionToday', { time: when(reason.startsAt) })];
    case 'session_tomorrow':
      return [t('practitioner.worklist.reason.sessionTomorrow', { time: when(reason.startsAt) })];
    case 'homework_overdue':
      return [t('practitioner.worklist.reason.homeworkOverdue', { date: formatDate(reason.dueOn, t) })];
    case 'no_activity':
      return [t('practitioner.worklist.reason.noActivity', { days: String(reason.days) })];
    case 'feedback_waiting':
      return [reason.count > 1 ? t('practitioner.worklist.reason.feedbackWaitingMany', { count: String(reason.count) }) : t('practitioner.worklist.reason.feedbackWaiting')];
  }
}

/** Reasons that need the practitioner first get a stronger mark (risk, and a missed session after risk). */
export const isUrgent = (reason: WorklistReason) => reason.kind === 'risk_alert' || reason.kind === 'missed_after_alert';
