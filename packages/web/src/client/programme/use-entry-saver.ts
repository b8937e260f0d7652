import type { ExerciseEntryOtherVersion, SaveExerciseEntryResponse } from '@tandem/domain';
import { useCallback, useEffect, useRef, useState } from 'react';
import { addToOutbox, dismissRefused, onOutcome, outcomeOf, replaceInOutbox, type Outcome } from '../outbox/outbox';
import { announceOutboxChange, useOutbox } from '../outbox/useOutbox';
import { keepDraft, type DeviceDraft } from './draft-store';
import { entryItem, entryItemId, resolveItem } from './entry-save';

/** How long typing pauses before the words are sent (about a second). */
const saveAfterMs = 1000;

/**
 * Writes to the device one after another, in the order typed: each edit is kept on the phone at
 * once — the draft, and the outbox item that will send it — so a reload or a closed tab a moment
 * after typing still finds every word, and sends it when it can.
 */
let deviceWrites: Promise<unknown> = Promise.resolve();
function keepInOrder(draft: DeviceDraft): Promise<void> {
  const write = deviceWrites.then(async () => {
    await keepDraft(draft);
    await replaceInOutbox({ ...entryItem(draft), ownerId: draft.ownerId });
  });
  deviceWrites = write.catch(() => undefined);
  return write;
}

export type SaveState = 'none' | 'saved' | 'kept-offline' | 'kept-sign-in' | 'refused';

/**
 * Saves an entry as the client types: each change to the device at once, and after a short pause,
 * on leaving the page and when the tab is hidden (closed, or switched away from) through the outbox
 * to the server. Every save carries a fresh `recordedAt`, so the newest words always win.
 */
export function useEntrySaver(start: DeviceDraft, startOthers: readonly ExerciseEntryOtherVersion[] = []) {
  const outbox = useOutbox(start.ownerId);
  // Versions from two devices not chosen between yet (decision 0033); those chosen on this page stay hidden.
  const [others, setOthers] = useState(startOthers);
  const chosen = useRef(new Set<string>());
  const latest = useRef(start);
  const [draft, setDraft] = useState(start);
  const [state, setState] = useState<SaveState>('none');
  const [problem, setProblem] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const unsaved = useRef(false);
  const { send } = outbox;

  const save = useCallback(
    async (status: DeviceDraft['status'], data = latest.current.data): Promise<Outcome | undefined> => {
      clearTimeout(timer.current);
      unsaved.current = false;
      const next: DeviceDraft = { ...latest.current, status, data, recordedAt: new Date().toISOString() };
      latest.current = next;
      setDraft(next);
      await keepInOrder(next);
      announceOutboxChange();
      const { stop } = await send();
      const outcome = outcomeOf(entryItemId(next.entryId));
      if (outcome?.state === 'refused') setProblem(outcome.problem);
      setState(outcome?.state === 'refused' ? 'refused' : outcome ? 'saved' : stop === 'signed-out' ? 'kept-sign-in' : 'kept-offline');
      return outcome;
    },
    [send],
  );

  /** The client changed something: show it now, save it after a pause. */
  const edit = useCallback(
    (change: Partial<Pick<DeviceDraft, 'data' | 'shared'>>) => {
      latest.current = { ...latest.current, ...change };
      setDraft(latest.current);
      // What the save after the pause will send, kept now.
      void keepInOrder({ ...latest.current, status: 'draft', recordedAt: new Date().toISOString() });
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

  // Words kept on the phone by an earlier visit (a reload offline) say so, and say "Saved." once
  // a later send — a retry, when the server is back — delivers them.
  // Each delivered save also says which revision the words now build on, and which versions from
  // another device wait to be chosen between.
  const itemId = entryItemId(start.entryId);
  useEffect(
    () =>
      onOutcome((id) => {
        if (id !== itemId) return;
        const outcome = outcomeOf(id);
        if (outcome?.state !== 'delivered') return;
        setState('saved');
        const answer = outcome.body as SaveExerciseEntryResponse | null;
        if (!answer?.entry) return;
        if (answer.applied) latest.current = { ...latest.current, baseRevision: answer.entry.revision };
        setOthers(answer.entry.otherVersions.filter((o) => !chosen.current.has(o.id)));
      }),
    [itemId],
  );

  /** The client chose between two versions: "Use this version instead" saves it first; either way, the other is resolved. */
  const choose = useCallback(
    async (version: ExerciseEntryOtherVersion, use: boolean) => {
      chosen.current.add(version.id);
      setOthers((list) => list.filter((o) => o.id !== version.id));
      if (use) {
        // Sent if either was sent, so the care team reads the words chosen (HAZ-084); if parts are
        // missing for sending, the words are kept as a draft, as when the client presses "Send".
        const resend = version.status === 'submitted' || latest.current.status === 'submitted';
        latest.current = { ...latest.current, shared: version.shared };
        const outcome = await save(resend ? 'submitted' : 'draft', version.data);
        if (outcome?.state === 'refused' && resend) {
          await dismissRefused((item) => item.id === entryItemId(start.entryId));
          await save('draft', version.data);
        }
      }
      await addToOutbox(resolveItem(start.entryId, version.id, start.ownerId));
      announceOutboxChange();
      await send();
    },
    [save, send, start.entryId, start.ownerId],
  );
  const waiting = outbox.items.some((item) => item.id === itemId && item.state === 'waiting');
  const shown: SaveState = state === 'none' && waiting ? 'kept-offline' : state;

  return { draft, edit, save, state: shown, problem, others, choose };
}
