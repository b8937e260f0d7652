import { useState } from 'react';
import type { FormProblem } from '../../shared/ErrorSummary';
import { outcomeOf, type FlushResult, type FlushStop, type OutboxItem } from './outbox';

type NewItem = Omit<OutboxItem, 'seq' | 'attempts' | 'state' | 'ownerId'>;

/** What the client typed, once checked: the words to send, or the problem to show at the field. */
export type CheckedText = { kind: 'ok'; text: string } | { kind: 'problem'; message: string };

/**
 * A short text box whose words go through the outbox (things to talk about, messages): the words,
 * the problems to show, and `submit`, which shows a problem or stores the item on the phone and
 * sends it at once. It answers how the send stopped ('done', 'offline', 'signed-out'), or null when
 * nothing was sent — a problem, or the server refused it: then the words are put back in the box,
 * with the server's reason at the field (the refused item stays on the phone, shown by the page).
 */
export function useOutboxTextForm(outbox: { add(item: NewItem): Promise<void>; send(): Promise<FlushResult> }, fieldId: string) {
  const [text, setText] = useState('');
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);

  const show = (message: string | null) => {
    setProblems(message ? [{ message, fieldId }] : []);
    setAttempt((n) => n + 1);
  };

  async function submit(checked: CheckedText, makeItem: (text: string) => NewItem): Promise<FlushStop | null> {
    if (busy) return null;
    show(checked.kind === 'problem' ? checked.message : null);
    if (checked.kind !== 'ok') return null;
    setBusy(true);
    const item = makeItem(checked.text);
    await outbox.add(item);
    setText('');
    const { stop } = await outbox.send();
    setBusy(false);
    const outcome = outcomeOf(item.id);
    if (outcome?.state !== 'refused') return stop;
    setText(checked.text);
    show(outcome.problem);
    return null;
  }

  const fieldError = problems.find((p) => p.fieldId === fieldId)?.message;
  return { text, setText, problems, attempt, busy, fieldError, submit };
}

/** A length check's answer (`checkAgendaText`, `checkMessageText`) as the form's: the words, or the problem in the page's words. */
export function checkedText(
  check: { kind: 'empty' } | { kind: 'too-long'; count: number } | { kind: 'ok'; text: string },
  words: { empty: string; tooLong(count: number): string },
): CheckedText {
  if (check.kind === 'ok') return check;
  return { kind: 'problem', message: check.kind === 'empty' ? words.empty : words.tooLong(check.count) };
}
