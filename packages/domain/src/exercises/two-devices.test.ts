import { describe, expect, it } from 'vitest';
import { decideEntrySave, sameJson, type EntrySaveDecision, type IncomingEntrySave, type StoredEntryVersion } from './two-devices';

const phone = '0190a0a0-0000-7000-8000-000000000001';
const laptop = '0190a0a0-0000-7000-8000-000000000002';
const at = (minute: number) => new Date(Date.UTC(2026, 2, 2, 9, minute));
const stored: StoredEntryVersion = { revision: 4, recordedAt: at(10), deviceId: laptop, data: { goals: [{ text: 'Walk' }] }, shared: true };
const words = { goals: [{ text: 'Walk every day' }] };

describe('decideEntrySave (decision 0033)', () => {
  const cases: [string, Partial<IncomingEntrySave>, EntrySaveDecision][] = [
    // The same words: never a conflict; device time orders them (boundary: equal time is not newer).
    ['same words, newer (a submit of the shown draft)', { data: stored.data, recordedAt: at(11), baseRevision: 1 }, 'apply'],
    ['same words, same time (a retried send)', { data: stored.data, recordedAt: at(10), baseRevision: 3 }, 'ignore'],
    ['same words, older', { data: stored.data, recordedAt: at(9), baseRevision: 1 }, 'ignore'],
    ['same words, keys in another order', { data: { goals: [{ text: 'Walk', extra: undefined }] }, recordedAt: at(9), baseRevision: 1 }, 'ignore'],
    ['same words, private now', { data: stored.data, shared: false, recordedAt: at(11), baseRevision: 3 }, 'apply-keep-stored'],
    // Built on the stored revision (boundary: base = stored revision is not a conflict, base = stored − 1 is).
    ['built on the stored revision, newer', { baseRevision: 4, recordedAt: at(11) }, 'apply'],
    ['built on the stored revision, this clock behind', { baseRevision: 4, recordedAt: at(9) }, 'apply'],
    ['one revision behind, another device, newer', { baseRevision: 3, recordedAt: at(11) }, 'apply-keep-stored'],
    ['one revision behind, another device, older', { baseRevision: 3, recordedAt: at(9) }, 'keep-incoming'],
    ['one revision behind, another device, same time', { baseRevision: 3, recordedAt: at(10) }, 'keep-incoming'],
    ['new on this device (base 0), another device saved it first', { baseRevision: 0, recordedAt: at(11) }, 'apply-keep-stored'],
    // The device's own earlier save (its answer had not come back yet).
    ['behind, same device, newer', { baseRevision: 1, deviceId: laptop, recordedAt: at(11) }, 'apply'],
    ['behind, same device, older', { baseRevision: 1, deviceId: laptop, recordedAt: at(9) }, 'ignore'],
    // Older app versions queued saves with no base and no device.
    ['no base, newer', { baseRevision: undefined, deviceId: undefined, recordedAt: at(11) }, 'apply'],
    ['no base, older, other words', { baseRevision: undefined, deviceId: undefined, recordedAt: at(9) }, 'keep-incoming'],
    ['no base, same time, other words', { baseRevision: undefined, deviceId: undefined, recordedAt: at(10) }, 'keep-incoming'],
  ];
  it.each(cases)('%s → %s', (_name, change, expected) => {
    const save: IncomingEntrySave = { baseRevision: 3, recordedAt: at(11), deviceId: phone, data: words, shared: true, ...change };
    expect(decideEntrySave(stored, save)).toBe(expected);
  });

  it('a stored entry with no device never matches a save with no device', () => {
    expect(decideEntrySave({ ...stored, deviceId: null }, { baseRevision: 1, recordedAt: at(9), deviceId: undefined, data: words, shared: true })).toBe('keep-incoming');
  });
});

describe('sameJson', () => {
  it.each([
    [{ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 }, true],
    [{ a: 1 }, { a: 1, b: undefined }, true],
    [{ a: 1 }, { a: '1' }, false],
    [[1, 2], [2, 1], false],
    [{ a: null }, { a: {} }, false],
    [{ a: [] }, { a: {} }, false],
    ['x', 'x', true],
  ])('%j vs %j → %s', (a, b, expected) => {
    expect(sameJson(a, b)).toBe(expected);
  });
});
