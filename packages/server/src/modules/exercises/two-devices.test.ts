import { newId } from '@tandem/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeClient, makeOrganisation, makeStaff } from '../../test/factories';
import { sessionOf } from '../../test/sessions';
import { createTestApp, type TestApp } from '../../test/test-app';

// Decision 0033: an entry edited on two devices never loses either version silently.
// The test clock starts on Monday 2026-03-02 at 09:00 UTC.
let t: TestApp;
const w = {} as { client: Awaited<ReturnType<typeof makeClient>>; other: Awaited<ReturnType<typeof makeClient>>; p1: Awaited<ReturnType<typeof makeStaff>> };

beforeAll(async () => {
  t = await createTestApp();
  const now = t.clock.now();
  const org = await makeOrganisation(t.database.db, now);
  w.p1 = await makeStaff(t.database.db, now, org.id, ['practitioner']);
  w.client = await makeClient(t.database.db, now, org.id, [w.p1.id]);
  w.other = await makeClient(t.database.db, now, org.id, [w.p1.id]);
});
afterAll(() => t.close());

const phone = '0190a0a0-0000-7000-8000-000000000001';
const laptop = '0190a0a0-0000-7000-8000-000000000002';
const at = (m: number) => new Date(Date.UTC(2026, 2, 2, 9, 0) + m * 60_000).toISOString();
const goals = (text: string) => ({ goals: [{ text, progress: 2 }] });
const save = (text: string, minute: number, deviceId: string | undefined, baseRevision: number | undefined, over: object = {}) => ({
  exercise: 'goals',
  moduleId: 'getting-started',
  stepId: 'your-goals',
  contentVersion: '1.0.0',
  status: 'draft',
  shared: true,
  data: goals(text),
  recordedAt: at(minute),
  ...(deviceId ? { deviceId } : {}),
  ...(baseRevision === undefined ? {} : { baseRevision }),
  ...over,
});
type Other = { id: string; data: { goals: { text: string }[] }; recordedAt: string; status: string; shared: boolean };
const texts = (others: Other[]) => others.map((o) => o.data.goals[0]!.text);

async function startEntry() {
  const client = await sessionOf(t, w.client);
  const id = newId(t.clock.now());
  const first = await client.put(`/api/exercise-entries/${id}`, save('Walk', -60, phone, 0));
  expect(first.json()).toMatchObject({ applied: true, entry: { revision: 1, otherVersions: [] } });
  const read = async () => (await client.get('/api/exercise-entries')).json().entries.find((e: { id: string }) => e.id === id);
  return { client, id, read };
}

describe('an entry edited on two devices', () => {
  it('both edits from the same revision: the later by device time is current, the earlier is kept, and a retried send keeps nothing more', async () => {
    const { client, id, read } = await startEntry();
    // The phone edits revision 1 at 09:10; the laptop, which also had revision 1, at 09:20.
    expect((await client.put(`/api/exercise-entries/${id}`, save('Walk every day', -50, phone, 1))).json()).toMatchObject({ applied: true, entry: { revision: 2, otherVersions: [] } });
    const laptopSave = await client.put(`/api/exercise-entries/${id}`, save('Call my sister', -40, laptop, 1));
    expect(laptopSave.json()).toMatchObject({ applied: true, entry: { revision: 3, data: goals('Call my sister') } });
    expect(texts(laptopSave.json().entry.otherVersions)).toEqual(['Walk every day']);
    expect(laptopSave.json().entry.otherVersions[0]).toMatchObject({ recordedAt: at(-50), status: 'draft', shared: true });

    // Either send again (its answer was lost): nothing more is kept, nothing changes.
    expect((await client.put(`/api/exercise-entries/${id}`, save('Call my sister', -40, laptop, 1))).json()).toMatchObject({ applied: false, entry: { revision: 3 } });
    expect((await client.put(`/api/exercise-entries/${id}`, save('Walk every day', -50, phone, 1))).json()).toMatchObject({ applied: false, entry: { revision: 3 } });
    const entry = await read();
    expect(entry).toMatchObject({ revision: 3, data: goals('Call my sister') });
    expect(texts(entry.otherVersions)).toEqual(['Walk every day']);

    const audit = await t.database.db.selectFrom('audit_event').select('action').where('entity_id', '=', id).where('action', '=', 'exercise_entry.keep_other_version').execute();
    expect(audit).toHaveLength(1);
  });

  it('the earlier by device time arriving second is kept as the other version, and the current entry is unchanged', async () => {
    const { client, id, read } = await startEntry();
    expect((await client.put(`/api/exercise-entries/${id}`, save('Laptop words', -40, laptop, 1))).json()).toMatchObject({ applied: true, entry: { revision: 2 } });
    // The phone's edit was made at 09:10 but sent (from the outbox) after the laptop's.
    const late = await client.put(`/api/exercise-entries/${id}`, save('Phone words', -50, phone, 1));
    expect(late.json()).toMatchObject({ applied: false, entry: { revision: 2, data: goals('Laptop words') } });
    expect(texts(late.json().entry.otherVersions)).toEqual(['Phone words']);
    // The phone goes on typing (still from revision 1): now the phone's words are the later ones.
    const more = await client.put(`/api/exercise-entries/${id}`, save('Phone words, more', -30, phone, 1));
    expect(more.json()).toMatchObject({ applied: true, entry: { revision: 3, data: goals('Phone words, more') } });
    expect(texts(more.json().entry.otherVersions)).toEqual(['Phone words', 'Laptop words']);
    // …and its next save is its own history, not a conflict.
    expect(texts((await client.put(`/api/exercise-entries/${id}`, save('Phone words, most', -25, phone, 1))).json().entry.otherVersions)).toEqual(['Phone words', 'Laptop words']);
    expect((await read()).revision).toBe(4);
  });

  it('one device saving in turn, and a device that saw the other’s edit, make no other version', async () => {
    const { client, id, read } = await startEntry();
    expect((await client.put(`/api/exercise-entries/${id}`, save('Walk twice', -50, phone, 1))).json().applied).toBe(true);
    // The phone's earlier save had not answered yet when this edit began (base 1): its own history.
    expect((await client.put(`/api/exercise-entries/${id}`, save('Walk twice a day', -45, phone, 1))).json().applied).toBe(true);
    // The laptop opened revision 3 and edits it.
    expect((await client.put(`/api/exercise-entries/${id}`, save('Walk three times', -40, laptop, 3))).json()).toMatchObject({ applied: true, entry: { revision: 4, otherVersions: [] } });
    // The same words from a device that had not seen them: no conflict (a submit of what is shown).
    expect((await client.put(`/api/exercise-entries/${id}`, save('Walk three times', -35, phone, 1, { status: 'submitted' }))).json()).toMatchObject({ applied: true, entry: { revision: 5, status: 'submitted', otherVersions: [] } });
    expect((await read()).otherVersions).toEqual([]);
  });

  it('a save queued by an older app (no base revision): newer applies as before; an older one with other words is kept, not dropped', async () => {
    const { client, id, read } = await startEntry();
    expect((await client.put(`/api/exercise-entries/${id}`, save('Newer', -40, undefined, undefined))).json()).toMatchObject({ applied: true, entry: { revision: 2, otherVersions: [] } });
    expect((await client.put(`/api/exercise-entries/${id}`, save('Newer', -45, undefined, undefined))).json()).toMatchObject({ applied: false, entry: { otherVersions: [] } });
    const older = await client.put(`/api/exercise-entries/${id}`, save('Older replay', -50, undefined, undefined));
    expect(older.json()).toMatchObject({ applied: false, entry: { revision: 2, data: goals('Newer') } });
    expect(texts((await read()).otherVersions)).toEqual(['Older replay']);
  });

  it('resolving: "use this version" saves it as current, then resolves; "keep the one shown" only resolves; idempotent; own entry only', async () => {
    const { client, id } = await startEntry();
    await client.put(`/api/exercise-entries/${id}`, save('A from the phone', -50, phone, 1));
    await client.put(`/api/exercise-entries/${id}`, save('B from the laptop', -40, laptop, 1));
    await client.put(`/api/exercise-entries/${id}`, save('C from the phone', -30, phone, 1));
    const both = (await client.get('/api/exercise-entries')).json().entries.find((e: { id: string }) => e.id === id);
    expect(both.data).toEqual(goals('C from the phone'));
    const [a, b] = both.otherVersions as Other[];
    expect(texts([a!, b!])).toEqual(['A from the phone', 'B from the laptop']);

    // Someone else, with a real entry id and version id: not found; nothing changes.
    const other = await sessionOf(t, w.other);
    const url = (v: string) => `/api/exercise-entries/${id}/other-versions/${v}/resolve`;
    expect((await other.post(url(b!.id), {})).statusCode).toBe(404);
    expect((await (await sessionOf(t, w.p1)).post(url(b!.id), {})).statusCode).toBe(403);
    // A version of another entry, through this entry's address: not found.
    const second = await startEntry();
    expect((await client.post(`/api/exercise-entries/${second.id}/other-versions/${b!.id}/resolve`, {})).statusCode).toBe(404);

    // "Use this version instead" on the laptop's: the client's normal save from the shown revision…
    const used = await client.put(`/api/exercise-entries/${id}`, save('B from the laptop', -20, phone, 4));
    expect(used.json()).toMatchObject({ applied: true, entry: { revision: 5, data: goals('B from the laptop') } });
    // …then resolved (the owner's identical request succeeds), twice: the same answer.
    const resolved = await client.post(url(b!.id), {});
    expect(resolved.statusCode).toBe(200);
    expect(texts(resolved.json().otherVersions)).toEqual(['A from the phone']);
    expect(texts((await client.post(url(b!.id), {})).json().otherVersions)).toEqual(['A from the phone']);
    // "Keep the one shown" on the other: resolved, the entry unchanged.
    const kept = await client.post(url(a!.id), {});
    expect(kept.json()).toMatchObject({ revision: 5, data: goals('B from the laptop'), otherVersions: [] });
    // A retried send of an already resolved version is not offered again.
    await client.put(`/api/exercise-entries/${id}`, save('A from the phone', -50, phone, 1));
    expect((await client.get('/api/exercise-entries')).json().entries.find((e: { id: string }) => e.id === id).otherVersions).toEqual([]);

    const rows = await t.database.db.selectFrom('exercise_entry_other_version').select(['resolved_at']).where('entry_id', '=', id).execute();
    expect(rows.map((r) => r.resolved_at !== null)).toEqual([true, true]);
    const audit = await t.database.db.selectFrom('audit_event').select('action').where('entity_id', '=', id).where('action', '=', 'exercise_entry.resolve_other_version').execute();
    expect(audit).toHaveLength(2);
  });
});
