import type { PulseState } from '@tandem/domain';
import { useEffect, useSyncExternalStore } from 'react';
import { apiGet } from '../../shared/api';

/**
 * Whether this month's check waits for the signed-in person: the navigation marks "Figures" while
 * it does — an offer, never a block. Asked once per person per app load (not on every page) and
 * told when the person answers or puts it aside.
 */
let known: boolean | null = null;
/** Whose state `known` is: another person signing in on the same tab asks again. */
let knownFor: string | null = null;
const listeners = new Set<() => void>();

function notify(): void {
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function load(staffId: string): void {
  knownFor = staffId;
  known = null;
  void apiGet<PulseState>('/api/pulse').then((result) => {
    if (knownFor !== staffId || !result.ok) return;
    known = result.data.offered;
    notify();
  });
}

/** The figures page reports the check's new state after an answer or "Not this month". */
export function announcePulseState(state: PulseState): void {
  known = state.offered;
  notify();
}

export function usePulseOffered(staffId: string): boolean {
  const offered = useSyncExternalStore(subscribe, () => (knownFor === staffId ? known : null));
  useEffect(() => {
    if (knownFor !== staffId) load(staffId);
  }, [staffId]);
  return offered === true;
}
