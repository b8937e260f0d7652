/**
 * The rule for an exercise entry edited on two devices (decision 0033). An entry is the only
 * client record edited in place; every other client write is create-only. A save says which
 * revision its edit started from (`baseRevision`) and which device made it (`deviceId`, a random id
 * the phone keeps). The later save by the phone's clock becomes the current entry, as before; what
 * is new is that the other side of a real conflict is kept as an "other version" for the client to
 * choose from, never dropped in silence.
 */

/** What the server holds as the current entry. */
export interface StoredEntryVersion {
  revision: number;
  recordedAt: Date;
  /** Null when the save that wrote it named no device (older app versions). */
  deviceId: string | null;
  data: unknown;
  shared: boolean;
}

/** A save arriving for an entry. */
export interface IncomingEntrySave {
  /** The revision the edit started from; undefined when the app did not say (older queued saves). */
  baseRevision: number | undefined;
  recordedAt: Date;
  deviceId: string | undefined;
  data: unknown;
  shared: boolean;
}

/**
 * - `apply`: the save becomes the current entry; nothing else to keep.
 * - `apply-keep-stored`: the save becomes current; the stored text is kept as another version.
 * - `keep-incoming`: the stored entry stays current; the save is kept as another version.
 * - `ignore`: nothing to keep — the same words again, or an older save of this same device.
 */
export type EntrySaveDecision = 'apply' | 'apply-keep-stored' | 'keep-incoming' | 'ignore';

/** Deep equality of JSON values, ignoring key order (jsonb does not keep it). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  }
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/**
 * Decides what a save of an existing entry does (a first save simply creates it).
 *
 * 1. The same words and the same private/shared choice: no conflict — the newer by device time
 *    applies (a submit of the shown draft, a retried send); an older one changes nothing.
 * 2. Built on the current revision (`baseRevision` ≥ stored): a plain next edit — applies, even
 *    when a phone's clock is behind the device that wrote the stored text.
 * 3. The stored text came from this same device: the device's own earlier save (its edit began
 *    before that save's answer came back) — the newer applies, an older one is superseded.
 * 4. Otherwise the stored text was written elsewhere and this edit never saw it — or, for an
 *    older queued save with no `baseRevision`, we cannot tell: the newer by device time becomes
 *    current and the other is kept. An older save with no `baseRevision` from another device is
 *    kept too (before this rule it was dropped in silence).
 */
export function decideEntrySave(stored: StoredEntryVersion, save: IncomingEntrySave): EntrySaveDecision {
  const newer = save.recordedAt.getTime() > stored.recordedAt.getTime();
  if (stored.shared === save.shared && sameJson(stored.data, save.data)) return newer ? 'apply' : 'ignore';
  if (save.baseRevision !== undefined && save.baseRevision >= stored.revision) return 'apply';
  const sameDevice = save.deviceId !== undefined && stored.deviceId === save.deviceId;
  if (sameDevice) return newer ? 'apply' : 'ignore';
  // An older queued save with no base, arriving after a newer one: as before, the newer wins
  // when the save is newer (we cannot tell it saw the stored text); an older one is kept.
  if (save.baseRevision === undefined) return newer ? 'apply' : 'keep-incoming';
  return newer ? 'apply-keep-stored' : 'keep-incoming';
}
