import { activeBeatIntervalMs, activeMsBetween, newId, type ActivityBeatResult } from '@tandem/domain';
import { useEffect } from 'react';
import { apiPost } from '../../shared/api';

/** How often the page checks what to count (the rule is `activeMsBetween`, in the domain). */
const tickMs = 5_000;
const inputEvents = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;

/**
 * Counts the practitioner's active time in one client's record (decision 0028) and sends it in
 * short beats: only while the page is visible and focused, and only up to two minutes after the
 * last key press or pointer input — so a tab left open overnight adds at most two minutes. Used on
 * the client page and the plan page, never in session mode (time with the client is not
 * "online work"). Beats go only when something was counted, so an idle page sends nothing and
 * lets the session expire as it would. A lost beat is not sent again: the figure errs towards
 * less. `enabled` is false until the record has loaded (nothing is counted on a refusal).
 */
export function useActiveTime(clientId: string, enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    // Opening the record was itself an action.
    let lastInputAt: number | null = Date.now();
    let lastTick = Date.now();
    let countedMs = 0;
    const onInput = () => {
      lastInputAt = Date.now();
    };
    const tick = () => {
      const now = Date.now();
      countedMs += activeMsBetween(lastTick, { now, visible: document.visibilityState === 'visible', focused: document.hasFocus(), lastInputAt });
      lastTick = now;
    };
    const send = () => {
      tick();
      const seconds = Math.floor(countedMs / 1000);
      if (seconds < 1) return;
      countedMs -= seconds * 1000;
      void apiPost<ActivityBeatResult>('/api/activity/beats', { beatId: newId(new Date()), clientId, seconds });
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') send();
    };
    for (const name of inputEvents) window.addEventListener(name, onInput, { capture: true, passive: true });
    document.addEventListener('visibilitychange', onVisibility);
    const ticking = window.setInterval(tick, tickMs);
    const beating = window.setInterval(send, activeBeatIntervalMs);
    return () => {
      send();
      window.clearInterval(ticking);
      window.clearInterval(beating);
      document.removeEventListener('visibilitychange', onVisibility);
      for (const name of inputEvents) window.removeEventListener(name, onInput, { capture: true });
    };
  }, [clientId, enabled]);
}
