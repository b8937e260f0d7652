import { useCallback, useEffect, useRef, useState } from 'react';
import { outcomeOf, type Outcome } from '../outbox/outbox';
import { useOutbox } from '../outbox/useOutbox';
import { keepDraft, type DeviceDraft } from './draft-store';
import { entryItem, entryItemId } from './entry-save';

/** How long typing pauses before the words are saved (about a second). */
const saveAfterMs = 1000;

export type SaveState = 'none' | 'saved' | 'kept-offline' | 'kept-sign-in' | 'refused';

/**
 * Saves an entry as the client types: after a short pause, on leaving the page and when the tab
 * is hidden (closed, or switched away from). Each save goes to the device first, then through the
 * outbox to the server with a fresh `recordedAt`, so the newest words always win.
 */
export function useEntrySaver(start: DeviceDraft) {
  const outbox = useOutbox(start.ownerId);
  const latest = useRef(start);
  const [draft, setDraft] = useState(start);
  const [state, setState] = useState<SaveState>('none');
  const [problem, setProblem] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const unsaved = useRef(false);
  const { replace, send } = outbox;

  const save = useCallback(
    async (status: DeviceDraft['status'], data = latest.current.data): Promise<Outcome | undefined> => {
      clearTimeout(timer.current);
      unsaved.current = false;
      const next: DeviceDraft = { ...latest.current, status, data, recordedAt: new Date().toISOString() };
      latest.current = next;
      setDraft(next);
      await keepDraft(next);
      await replace(entryItem(next));
      const { stop } = await send();
      const outcome = outcomeOf(entryItemId(next.entryId));
      if (outcome?.state === 'refused') setProblem(outcome.problem);
      setState(outcome?.state === 'refused' ? 'refused' : outcome ? 'saved' : stop === 'signed-out' ? 'kept-sign-in' : 'kept-offline');
      return outcome;
    },
    [replace, send],
  );

  /** The client changed something: show it now, save it after a pause. */
  const edit = useCallback(
    (change: Partial<Pick<DeviceDraft, 'data' | 'shared'>>) => {
      latest.current = { ...latest.current, ...change };
      setDraft(latest.current);
      unsaved.current = true;
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void save('draft'), saveAfterMs);
    },
    [save],
  );

  useEffect(() => {
    const now = () => {
      if (unsaved.current) void save('draft');
    };
    const hidden = () => {
      if (document.visibilityState === 'hidden') now();
    };
    window.addEventListener('pagehide', now);
    document.addEventListener('visibilitychange', hidden);
    return () => {
      window.removeEventListener('pagehide', now);
      document.removeEventListener('visibilitychange', hidden);
      now();
    };
  }, [save]);

  return { draft, edit, save, state, problem };
}
