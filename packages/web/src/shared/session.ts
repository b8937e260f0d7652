import type { Me } from '@tandem/domain';
import { useCallback, useEffect, useState } from 'react';
import { apiGet, apiPost, onUnauthenticated, type ApiError } from './api';

/**
 * Who is signed in. `ended` marks a session that ended while the app was open (a 401 from any API
 * call), so the sign-in page can say why the person is seeing it again.
 */
export type SessionState =
  | { status: 'loading' }
  | { status: 'unavailable'; error: ApiError }
  | { status: 'signed-out'; ended: boolean; secondStep?: 'mfa' | 'enrol' }
  | { status: 'signed-in'; me: Me };

export interface Session {
  state: SessionState;
  /** Asks the server again who is signed in (after "Try again"). */
  refresh(): Promise<void>;
  /** After a successful sign-in or invitation: the server's answer is who is now signed in. */
  signedIn(me: Me): void;
  /**
   * Signs out on the server — this session, or with `everywhere` every session of the account and
   * every device's notifications; returns the error when that failed (the person is then still
   * signed in).
   */
  signOut(everywhere?: boolean): Promise<ApiError | null>;
}

async function readSession(): Promise<SessionState> {
  const result = await apiGet<Me>('/api/me');
  if (result.ok) return { status: 'signed-in', me: result.data };
  // A half-way sign-in (password right, code not yet given): the page shows that step again.
  if (result.status === 401 && result.error.code === 'auth.mfa_required') return { status: 'signed-out', ended: false, secondStep: 'mfa' };
  if (result.status === 401 && result.error.code === 'auth.mfa_enrolment_required') return { status: 'signed-out', ended: false, secondStep: 'enrol' };
  if (result.status === 401) return { status: 'signed-out', ended: false };
  return { status: 'unavailable', error: result.error };
}

/** Reads GET /api/me once, then follows sign-in, sign-out and sessions ending. */
export function useSession(): Session {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  useEffect(() => {
    let live = true;
    void readSession().then((next) => {
      if (live) setState(next);
    });
    return () => {
      live = false;
    };
  }, []);

  const refresh = useCallback(async () => setState(await readSession()), []);

  useEffect(
    () =>
      onUnauthenticated(() =>
        setState((current) => (current.status === 'signed-in' ? { status: 'signed-out', ended: true } : current)),
      ),
    [],
  );

  const signedIn = useCallback((me: Me) => setState({ status: 'signed-in', me }), []);

  const signOut = useCallback(async (everywhere = false) => {
    const result = await apiPost<unknown>(everywhere ? '/api/auth/sign-out-everywhere' : '/api/auth/sign-out');
    // 401: the session had already ended, so the person is signed out either way.
    if (result.ok || result.status === 401) {
      setState({ status: 'signed-out', ended: false });
      return null;
    }
    return result.error;
  }, []);

  return { state, refresh, signedIn, signOut };
}
