import type { RiskNotice } from '@tandem/domain';

/**
 * What the crisis page says after a positive answer to PHQ-9 question 9: the server's notice of
 * when someone will see it, or why it has not gone yet. Kept for this browser tab (sessionStorage)
 * so a reload of the crisis page still says it; the crisis page shows it only when opened from
 * the questionnaire (`/help?after=answer`), never when opened from the header.
 */
export type AnswerDelivery =
  /** The server has it; `notice` says when someone will see it (received at `receivedAt`, epoch ms). */
  | { state: 'sent'; notice: RiskNotice; receivedAt: number }
  /** Kept on the phone: no connection (or no answer yet). */
  | { state: 'offline' }
  /** Kept on the phone until the client signs in again. */
  | { state: 'signed-out' }
  /** Not sent: the server refused it, or the phone could not store it. */
  | { state: 'not-sent' };

export interface AfterAnswer {
  /** Where "Go back to the questionnaire" leads. */
  returnHref: string;
  /** The outbox item carrying the answer, to hear when it is sent later. */
  outboxId: string | null;
  delivery: AnswerDelivery;
}

export const afterAnswerHref = '/help?after=answer';
const storageKey = 'tandem.help.after-answer';

export function keepAfterAnswer(value: AfterAnswer): void {
  try {
    window.sessionStorage.setItem(storageKey, JSON.stringify(value));
  } catch {
    // Storage may be unavailable (private mode): the page then shows the national help only.
  }
}

/** What to say after an answer, when the crisis page was opened from the questionnaire. */
export function readAfterAnswer(search: string): AfterAnswer | null {
  if (new URLSearchParams(search).get('after') !== 'answer') return null;
  try {
    const value = JSON.parse(window.sessionStorage.getItem(storageKey) ?? 'null') as AfterAnswer | null;
    return value && typeof value.returnHref === 'string' && value.returnHref.startsWith('/questionnaires/') ? value : null;
  } catch {
    return null;
  }
}
