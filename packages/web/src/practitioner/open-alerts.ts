import type { RiskAlert } from '@tandem/domain';
import { announceChange, liveRead, useLiveRead } from './live-read';

/**
 * The number of open risk alerts in the staff navigation. Pages that acknowledge an alert call
 * `announceAlertsChanged()`, and the count loads again, so it never says there is more (or less)
 * to do than there is.
 */
const openAlerts = liveRead('/api/risk-alerts?status=open');

export function announceAlertsChanged(): void {
  announceChange(openAlerts);
}

/**
 * Open alerts routed to the signed-in person or for clients on their caseload; null until known.
 * Asked again after an acknowledgement and when the tab comes back into view, so a practitioner
 * returning to an open page sees an alert that arrived meanwhile (`live-read.ts`).
 */
export function useOpenAlertCount(): number | null {
  return useLiveRead<{ alerts: RiskAlert[] }>(openAlerts)?.alerts.length ?? null;
}

const tierOrder: Record<RiskAlert['tier'], number> = { immediate: 0, before_next_contact: 1, recorded: 2 };

/**
 * Most urgent first: by tier (immediate, before next contact, recorded), then the earliest
 * deadline (an alert without one last), then the oldest.
 */
export function byUrgency(a: RiskAlert, b: RiskAlert): number {
  const due = (alert: RiskAlert) => (alert.dueAt ? Date.parse(alert.dueAt) : Number.POSITIVE_INFINITY);
  return tierOrder[a.tier] - tierOrder[b.tier] || due(a) - due(b) || Date.parse(a.raisedAt) - Date.parse(b.raisedAt);
}

/** Newest acknowledgement first. */
export function byAcknowledgedNewest(a: RiskAlert, b: RiskAlert): number {
  return Date.parse(b.acknowledgedAt ?? b.raisedAt) - Date.parse(a.acknowledgedAt ?? a.raisedAt);
}
