import type { ExerciseEntry } from '@tandem/domain';
import { describe, expect, it } from 'vitest';
import type { DeviceDraft } from './draft-store';
import { entryItem, fromServer, newestCopies, resolveItem } from './entry-save';

const entryId = '0190a0a0-0000-7000-8000-000000000001';
const server: ExerciseEntry = {
  id: entryId,
  exercise: 'goals',
  moduleId: 'understanding-depression',
  stepId: 'setting-goals',
  contentVersion: '1.0.0',
  status: 'draft',
  shared: true,
  data: { goals: [{ text: 'Walk' }] },
  revision: 4,
  submissions: 0,
  recordedAt: '2026-03-02T09:10:00.000Z',
  receivedAt: '2026-03-02T09:10:01.000Z',
  firstSubmittedAt: null,
  feedback: [],
  otherVersions: [],
};

// Decision 0033: each save says which revision it was built on, and which device made it.
describe('entry saves carry their base revision and device', () => {
  it('the server copy is built on its own revision', () => {
    expect(fromServer(server, 'me').baseRevision).toBe(4);
  });

  it('a newer copy on the device keeps the revision it was built on; an older one gives way to the server’s', () => {
    const device: DeviceDraft = { ...fromServer(server, 'me'), data: { goals: [{ text: 'Walk more' }] }, recordedAt: '2026-03-02T09:20:00.000Z', baseRevision: 2 };
    expect(newestCopies([server], [device], 'me')[0]).toMatchObject({ baseRevision: 2, data: { goals: [{ text: 'Walk more' }] } });
    expect(newestCopies([server], [{ ...device, recordedAt: '2026-03-02T09:00:00.000Z' }], 'me')[0]).toMatchObject({ baseRevision: 4 });
  });

  it('the save sends them, and the same device id each time', () => {
    const first = entryItem(fromServer(server, 'me')).body as { baseRevision?: number; deviceId: string };
    const second = entryItem({ ...fromServer(server, 'me'), baseRevision: undefined }).body as { baseRevision?: number; deviceId: string };
    expect(first.baseRevision).toBe(4);
    expect(first.deviceId).toMatch(/^[0-9a-f-]{36}$/);
    expect(second.deviceId).toBe(first.deviceId);
    // An older draft that never knew its base sends none: the server then orders by device time.
    expect(JSON.parse(JSON.stringify(second))).not.toHaveProperty('baseRevision');
  });

  it('choosing between versions is one outbox item per version, posted to the entry’s address', () => {
    expect(resolveItem(entryId, 'v1', 'me')).toMatchObject({ id: 'exercise-resolve:v1', kind: 'exercise', url: `/api/exercise-entries/${entryId}/other-versions/v1/resolve`, ownerId: 'me' });
  });
});
