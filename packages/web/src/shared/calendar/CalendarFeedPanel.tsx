import type { CalendarFeedState } from '@tandem/domain';
import { useEffect, useId, useRef, useState } from 'react';
import { apiDelete, apiPost, type ApiError } from '../api';
import { errorText } from '../error-text';
import { useT } from '../i18n/I18nProvider';
import type { CommonKey } from '../i18n/keys';
import { LoadState } from '../LoadState';
import { useApiGet } from '../use-api-get';

/** The words of the calendar-feed panel; each app has its own (the client app's are plainer). */
export type CalendarFeedWord =
  | 'intro' | 'private' | 'none' | 'activeSince' | 'lastRead' | 'neverRead' | 'make' | 'madeHeading' | 'onlyOnce' | 'addressLabel' | 'how'
  | 'copy' | 'copied' | 'copyFailed' | 'rotate' | 'rotateConfirm' | 'rotateYes' | 'stop' | 'stopConfirm' | 'stopYes' | 'cancel' | 'stopped';
/** Says one of the panel's words in the app's language; `when` fills {when}. */
export type SayCalendarWord = (word: CalendarFeedWord, values?: { when: string }) => string;

type Confirm = 'rotate' | 'stop' | null;

/** DELETE /api/me/calendar-feed: stops the feed (a second stop is not an error). */
const stopFeed = () => apiDelete<CalendarFeedState>('/api/me/calendar-feed');

/**
 * A person's private calendar feed (decision 0021): whether they have one, making one, the
 * secret address shown once (with a copy button, and a read-only box to select it by hand when
 * the clipboard is not available), making a new one (the old stops working) and stopping it. The
 * two changes are confirmed first. `formatWhen` shows a time on the person's clocks.
 */
export function CalendarFeedPanel({ say, formatWhen }: { say: SayCalendarWord; formatWhen(iso: string): string }) {
  const t = useT<CommonKey>();
  const id = useId();
  const { resource, reload, replace } = useApiGet<CalendarFeedState>('/api/me/calendar-feed');
  const [made, setMade] = useState<{ url: string; createdAt: string } | null>(null);
  const [confirm, setConfirm] = useState<Confirm>(null);
  const [copy, setCopy] = useState<'copied' | 'failed' | null>(null);
  const [stopped, setStopped] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const focusTarget = useRef<HTMLElement | null>(null);
  const [focusVersion, setFocusVersion] = useState(0);
  const address = useRef<HTMLInputElement>(null);

  // The part that appears after an action takes focus, so a screen reader hears it.
  useEffect(() => {
    if (focusVersion) focusTarget.current?.focus();
  }, [focusVersion]);
  const keepFocus = (el: HTMLElement | null) => {
    focusTarget.current = el;
  };
  const moveFocus = () => setFocusVersion((n) => n + 1);

  async function make() {
    if (busy) return;
    setBusy(true);
    setError(null);
    const result = await apiPost<{ url: string; createdAt: string }>('/api/me/calendar-feed');
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setMade(result.data);
    setConfirm(null);
    setCopy(null);
    setStopped(false);
    replace({ active: true, createdAt: result.data.createdAt, lastReadAt: null });
    moveFocus();
  }

  async function stop() {
    if (busy) return;
    setBusy(true);
    setError(null);
    const result = await stopFeed();
    setBusy(false);
    if (!result.ok) return setError(result.error);
    replace(result.data);
    setMade(null);
    setConfirm(null);
    setStopped(true);
    moveFocus();
  }

  async function copyAddress() {
    if (!made) return;
    try {
      await navigator.clipboard.writeText(made.url);
      setCopy('copied');
    } catch {
      // No clipboard here (an insecure page, a refused permission): select it for copying by hand.
      setCopy('failed');
      address.current?.focus();
      address.current?.select();
    }
  }

  function ask(what: Confirm) {
    setConfirm(what);
    moveFocus();
  }

  const state = resource.status === 'ok' ? resource.data : null;
  return (
    <div className="calendar-feed">
      <p>{say('intro')}</p>
      <p className="notice">{say('private')}</p>
      <LoadState resource={resource} onRetry={reload} />
      {stopped ? (
        <p className="notice notice-success" tabIndex={-1} ref={keepFocus}>
          {say('stopped')}
        </p>
      ) : null}
      {made ? (
        <section className="feed-address" aria-labelledby={`${id}-made`} tabIndex={-1} ref={keepFocus}>
          <h2 id={`${id}-made`}>{say('madeHeading')}</h2>
          <p>{say('onlyOnce')}</p>
          <div className="field">
            <label className="label" htmlFor={`${id}-address`}>
              {say('addressLabel')}
            </label>
            <p className="hint" id={`${id}-address-hint`}>
              {say('how')}
            </p>
            <input
              id={`${id}-address`}
              ref={address}
              className="input feed-url"
              type="text"
              readOnly
              value={made.url}
              onFocus={(event) => event.currentTarget.select()}
              aria-describedby={`${id}-address-hint`}
              translate="no"
              dir="ltr"
              spellCheck={false}
            />
          </div>
          <button type="button" className="button" onClick={() => void copyAddress()}>
            {say('copy')}
          </button>
          <p role="status" className="confirmation">
            {copy === 'copied' ? say('copied') : copy === 'failed' ? say('copyFailed') : null}
          </p>
        </section>
      ) : null}
      {state && !state.active && !made ? (
        <>
          {stopped ? null : <p>{say('none')}</p>}
          <button type="button" className="button" onClick={() => void make()} aria-busy={busy}>
            {say('make')}
          </button>
        </>
      ) : null}
      {state?.active ? (
        <>
          {state.createdAt ? (
            <ul className="plain-list">
              <li>{say('activeSince', { when: formatWhen(state.createdAt) })}</li>
              <li>{state.lastReadAt ? say('lastRead', { when: formatWhen(state.lastReadAt) }) : say('neverRead')}</li>
            </ul>
          ) : null}
          {confirm ? (
            <div className="notice notice-warning feed-confirm" tabIndex={-1} ref={keepFocus}>
              <p>{confirm === 'rotate' ? say('rotateConfirm') : say('stopConfirm')}</p>
              <div className="button-group">
                <button type="button" className="button" onClick={() => void (confirm === 'rotate' ? make() : stop())} aria-busy={busy}>
                  {confirm === 'rotate' ? say('rotateYes') : say('stopYes')}
                </button>
                <button type="button" className="button button-secondary" onClick={() => setConfirm(null)}>
                  {say('cancel')}
                </button>
              </div>
            </div>
          ) : (
            <div className="button-group">
              <button type="button" className="button button-secondary" onClick={() => ask('rotate')}>
                {say('rotate')}
              </button>
              <button type="button" className="button button-secondary" onClick={() => ask('stop')}>
                {say('stop')}
              </button>
            </div>
          )}
        </>
      ) : null}
      {error ? (
        <p role="alert" className="error-text">
          {errorText(error, t)}
        </p>
      ) : null}
    </div>
  );
}
