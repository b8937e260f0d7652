import type { ErrorBody, ErrorCode, ErrorDetail } from '@tandem/domain';
import { savedAtHeader } from './device-copy';

/**
 * A small wrapper around `fetch` for Tandem's JSON API. Every answer comes back as a typed result
 * (never a thrown error), carrying the API's one error body on failure. Types only are imported
 * from @tandem/domain, so the client app does not ship the zod schemas.
 */

/** An API failure. `network` means no answer came back; `message` is then empty. */
export interface ApiError {
  status: number;
  code: ErrorCode | 'network';
  /** Written by the server for the person using the app; empty when there is none. */
  message: string;
  details: ErrorDetail[];
}

export type ApiResult<T> = { ok: true; status: number; data: T } | { ok: false; status: number; error: ApiError };

type Listener = () => void;
const unauthenticatedListeners = new Set<Listener>();

/**
 * Calls `listener` whenever the API answers 401 `auth.unauthenticated`: the session has ended
 * (idle or absolute timeout, or signed out elsewhere). Returns the unsubscribe function.
 */
export function onUnauthenticated(listener: Listener): () => void {
  unauthenticatedListeners.add(listener);
  return () => {
    unauthenticatedListeners.delete(listener);
  };
}

/** 401 codes that hold a session rather than end it: locked by its app PIN, or half-way through signing in. */
export type HeldCode = 'auth.locked' | 'auth.mfa_required' | 'auth.mfa_enrolment_required';
const heldCodes: readonly string[] = ['auth.locked', 'auth.mfa_required', 'auth.mfa_enrolment_required'] satisfies HeldCode[];
const heldListeners = new Set<(code: HeldCode) => void>();

/**
 * Calls `listener` whenever the API answers 401 with a held session (decision 0035): the client
 * app then shows its lock screen or the second step. Returns the unsubscribe function.
 */
export function onSessionHeld(listener: (code: HeldCode) => void): () => void {
  heldListeners.add(listener);
  return () => {
    heldListeners.delete(listener);
  };
}

/** Tells the listeners what a 401 meant (also used by the client's outbox, which calls fetch itself). */
export function noteUnauthorised(code: string): void {
  if (code === 'auth.unauthenticated') for (const listener of unauthenticatedListeners) listener();
  if (heldCodes.includes(code)) for (const listener of heldListeners) listener(code as HeldCode);
}

/**
 * When the last answer came from the copy this phone kept (the client app's service worker
 * answers with it when the network fails; src/sw/routing.ts): when that copy was saved. Null
 * after an answer from the server. Pages show "you're offline" from it.
 */
let deviceCopySavedAt: string | null = null;
const deviceCopyListeners = new Set<Listener>();

export function lastAnswerFromDevice(): string | null {
  return deviceCopySavedAt;
}

export function onDeviceCopyChange(listener: Listener): () => void {
  deviceCopyListeners.add(listener);
  return () => {
    deviceCopyListeners.delete(listener);
  };
}

/** Notes whether an answer came from the server or from a copy kept on the phone. */
export function noteAnswerSource(response: Response): void {
  const savedAt = response.headers.get(savedAtHeader);
  if (savedAt === deviceCopySavedAt) return;
  deviceCopySavedAt = savedAt;
  for (const listener of deviceCopyListeners) listener();
}

function isErrorBody(value: unknown): value is ErrorBody {
  const error = (value as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  return typeof error?.code === 'string' && typeof error.message === 'string';
}

async function request<T>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    return { ok: false, status: 0, error: { status: 0, code: 'network', message: '', details: [] } };
  }
  noteAnswerSource(response);
  const text = await response.text().catch(() => '');
  let json: unknown = undefined;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    // A proxy's HTML error page, for example: treated as an unexpected failure below.
  }
  if (response.ok) return { ok: true, status: response.status, data: json as T };
  const error: ApiError = isErrorBody(json)
    ? { status: response.status, code: json.error.code, message: json.error.message, details: json.error.details ?? [] }
    : { status: response.status, code: 'internal.unexpected', message: '', details: [] };
  if (response.status === 401) noteUnauthorised(error.code);
  return { ok: false, status: response.status, error };
}

/** GET a JSON resource. */
export function apiGet<T>(path: string): Promise<ApiResult<T>> {
  return request<T>('GET', path);
}

/**
 * POST JSON. The body defaults to `{}`: the API accepts JSON only, even when there is nothing to
 * say (part of its CSRF defence), and the browser adds `Origin` to our own requests.
 */
export function apiPost<T>(path: string, body: unknown = {}): Promise<ApiResult<T>> {
  return request<T>('POST', path, body);
}

/** PUT JSON: replaces a whole resource (settings saved with the version the editor saw). */
export function apiPut<T>(path: string, body: unknown): Promise<ApiResult<T>> {
  return request<T>('PUT', path, body);
}

/** DELETE a resource (no body; the browser adds `Origin`, which the CSRF check reads). */
export function apiDelete<T>(path: string): Promise<ApiResult<T>> {
  return request<T>('DELETE', path);
}
