import type { ExerciseEntry, ExerciseId } from '@tandem/domain';
import type { FormProblem } from '../../shared/ErrorSummary';
import type { Translate } from '../../shared/i18n/i18n';
import type { ClientKey } from '../../shared/i18n/keys';
import type { OutboxItem } from '../outbox/outbox';
import { deviceId, type DeviceDraft } from './draft-store';
import { fieldLabelKey, forServer } from './exercise-forms';

export const entryItemId = (entryId: string) => `exercise:${entryId}`;

/**
 * The outbox item that saves an entry (PUT, keyed by the entry: a newer save replaces the one
 * waiting). Its `recordedAt` is the time of this save, so the server keeps the newest text even
 * when an older save arrives late.
 */
export function entryItem(d: DeviceDraft): Omit<OutboxItem, 'seq' | 'attempts' | 'state' | 'ownerId'> {
  const { exercise, moduleId, stepId, contentVersion, status, shared, recordedAt, baseRevision } = d;
  return {
    id: entryItemId(d.entryId),
    kind: 'exercise',
    method: 'PUT',
    url: `/api/exercise-entries/${d.entryId}`,
    body: { exercise, moduleId, stepId, contentVersion, status, shared, data: forServer(exercise, d.data), recordedAt, baseRevision, deviceId: deviceId() },
    createdAt: recordedAt,
  };
}

/**
 * The outbox item that tells the server the client has chosen between two versions of an entry
 * (decision 0033). Sent after any save waiting before it, so "Use this version instead" is saved
 * first.
 */
export function resolveItem(entryId: string, versionId: string, ownerId: string): Omit<OutboxItem, 'seq' | 'attempts' | 'state'> {
  return {
    id: `exercise-resolve:${versionId}`,
    kind: 'exercise',
    url: `/api/exercise-entries/${entryId}/other-versions/${versionId}/resolve`,
    body: {},
    ownerId,
    createdAt: new Date().toISOString(),
  };
}

/** The server's copy of an entry, in the device's shape. */
export function fromServer(e: ExerciseEntry, ownerId: string): DeviceDraft {
  return {
    entryId: e.id,
    ownerId,
    exercise: e.exercise,
    moduleId: e.moduleId,
    stepId: e.stepId,
    contentVersion: e.contentVersion,
    status: e.status,
    shared: e.shared,
    data: e.data,
    recordedAt: e.recordedAt,
    baseRevision: e.revision,
  };
}

/** For each entry, the newer of the device's and the server's copy; newest entry first. */
export function newestCopies(server: readonly ExerciseEntry[], device: readonly DeviceDraft[], ownerId: string): DeviceDraft[] {
  const byId = new Map(server.map((e) => [e.id, fromServer(e, ownerId)]));
  for (const d of device) {
    const known = byId.get(d.entryId);
    if (!known || d.recordedAt > known.recordedAt) byId.set(d.entryId, d);
  }
  return [...byId.values()].sort((a, b) => b.recordedAt.localeCompare(a.recordedAt));
}

/** The server's field problems (`body/data/goals/0/text`) as messages tied to the form's fields. */
export function problemsFrom(details: readonly { path: string; message: string }[], exercise: ExerciseId, base: string, t: Translate<ClientKey>): FormProblem[] {
  return details.map((d) => {
    const parts = d.path.split('/').slice(2);
    const key = [...parts].reverse().find((p) => !/^\d+$/.test(p)) ?? '';
    const row = parts.find((p) => /^\d+$/.test(p));
    const name = key ? t(fieldLabelKey(exercise, key)) : t('client.exercise.thisEntry');
    const label = row === undefined ? name : t('client.exercise.error.inRow', { label: name, n: Number(row) + 1 });
    const kind = /at most/.test(d.message) ? 'tooLong' : /empty|at least|required|expected/i.test(d.message) ? 'required' : 'check';
    return { message: t(`client.exercise.error.${kind}`, { label }), fieldId: parts.length ? `${base}-${parts.join('-')}` : undefined };
  });
}
