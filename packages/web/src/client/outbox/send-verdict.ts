/**
 * What the outbox does with the server's answer to one item:
 * - delivered: 2xx — the item is done;
 * - wait-for-sign-in: 401 — whatever the code (session ended, app locked by its PIN, half-way
 *   through signing in), the item stays waiting, untouched, and goes after sign-in or unlock;
 * - try-later: 5xx or 429 — the item stays waiting and is tried again;
 * - refused: any other 4xx — the server will not take it; kept and shown, never dropped.
 */
export type SendVerdict = 'delivered' | 'wait-for-sign-in' | 'try-later' | 'refused';

export function sendVerdict(status: number): SendVerdict {
  if (status >= 200 && status < 300) return 'delivered';
  if (status === 401) return 'wait-for-sign-in';
  if (status >= 500 || status === 429) return 'try-later';
  return 'refused';
}
