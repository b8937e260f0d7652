import { useState, type FormEvent } from 'react';
import { apiPut } from '../../shared/api';
import { errorText } from '../../shared/error-text';
import { useT } from '../../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../../shared/i18n/keys';

/** A zod issue's path as the dotted field name the forms use ('rules.increase'). */
export function fieldOf(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

/** A whole number typed into a text box, or NaN (so the schema refuses it) when it is not one. */
export function wholeNumber(text: string): number {
  return /^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN;
}

/** What a form's check found: the fields it refuses (dotted names), or the value to save. */
export type SettingsCheck = { invalid: string[]; value?: undefined } | { invalid: []; value: unknown };

/**
 * The submit of a versioned settings form (the risk policy, the care settings): it checks with the
 * domain schema, then PUTs `{ [name]: value, version }` to `path`. The version is the one the
 * editor loaded, so a second admin's save made meanwhile is refused (`write.stale_version`), not
 * overwritten: `onStale` then reloads, and the admin makes their change again on what is there.
 */
export function useSettingsForm<S>({ path, name, version, check, onSaved, onStale }: {
  path: string;
  name: 'policy' | 'settings';
  version: number;
  check(): SettingsCheck;
  onSaved(state: S): void;
  onStale(): void;
}) {
  const t = useT<PractitionerKey>();
  const [busy, setBusy] = useState(false);
  const [invalid, setInvalid] = useState<ReadonlySet<string>>(() => new Set());
  const [formError, setFormError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setAttempt((n) => n + 1);
    const checked = check();
    setInvalid(new Set(checked.invalid));
    setFormError(null);
    if (checked.value === undefined) return;
    setBusy(true);
    const result = await apiPut<S>(path, { [name]: checked.value, version });
    setBusy(false);
    if (result.ok) return onSaved(result.data);
    if (result.error.code === 'write.stale_version') return onStale();
    const prefix = `body/${name}/`;
    const fields = result.error.details.filter((d) => d.path.startsWith(prefix)).map((d) => d.path.slice(prefix.length).replace(/\//g, '.'));
    setInvalid(new Set(fields));
    if (!fields.length) setFormError(errorText(result.error, t));
  }

  return { busy, invalid, formError, attempt, submit };
}
