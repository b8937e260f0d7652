import type { RiskAlert } from '@tandem/domain';
import { useEffect, useState } from 'react';
import { apiGet } from '../shared/api';

/**
 * The number of open risk alerts in the staff navigation. Pages that acknowledge an alert call
 * `announceAlertsChanged()`, and the count loads again, so it never says there is more (or less)
 * to do than there is.
 */
const listeners = new Set<() => void>();

export function announceAlertsChanged(): void {
  for (const listener of listeners) listener();
}

/**
 * Open alerts routed to the signed-in person or for clients on their caseload; null until known.
 * Asked again after an acknowledgement and when the tab comes back into view, so a practitioner
 * returning to an open page sees an alert that arrived meanwhile. While it loads again the last
 * count stays, so the navigation does not flicker.
 */
export function useOpenAlertCount(): number | null {
  const [count, setCount] = useState<number | null>(null);
  useEffect(() => {
    let live = true;
    const load = () => {
      void apiGet<{ alerts: RiskAlert[] }>('/api/risk-alerts?status=open').then((result) => {
        if (live && result.ok) setCount(result.data.alerts.length);
      });
    };
    const onVisible = () => {
      if (document.visibilityState === 'visible') load();
    };
    load();
    listeners.add(load);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      live = false;
      listeners.delete(load);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, []);
  return count;
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
