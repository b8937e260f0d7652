import type { ApiError } from './api';
import type { Translate } from './i18n/i18n';
import type { CommonKey } from './i18n/keys';

/**
 * What to tell the person about a failed request: the server's own message (written for them),
 * or our words when no answer came back or the answer had no message.
 */
export function errorText(error: ApiError, t: Translate<CommonKey>): string {
  if (error.code === 'network') return t('common.error.network');
  return error.message || t('common.error.unexpected');
}

/** The API's field path for a body field, e.g. `body/password`. */
export function bodyPath(field: string): string {
  return `body/${field}`;
}
