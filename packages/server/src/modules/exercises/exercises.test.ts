import { newId } from '@tandem/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeClient, makeOrganisation, makeStaff } from '../../test/factories';
import { sessionOf } from '../../test/sessions';
import { createTestApp, type TestApp } from '../../test/test-app';

// The test clock starts on Monday 2026-03-02 at 09:00 UTC (London, GMT).
let t: TestApp;
const w = {} as {
  org: { id: string; siteId: string };
  admin: Awaited<ReturnType<typeof makeStaff>>;
  p1: Awaited<ReturnType<typeof makeStaff>>;
  p2: Awaited<ReturnType<typeof makeStaff>>;
  client: Awaited<ReturnType<typeof makeClient>>;
  other: Awaited<ReturnType<typeof makeClient>>;
};

beforeAll(async () => {
  t = await createTestApp();
  const now = t.clock.now();
  w.org = await makeOrganisation(t.database.db, now);
  w.admin = await makeStaff(t.database.db, now, w.org.id, ['admin']);
  w.p1 = await makeStaff(t.database.db, now, w.org.id, ['practitioner']);
  w.p2 = await makeStaff(t.database.db, now, w.org.id, ['practitioner']);
  w.client = await makeClient(t.database.db, now, w.org.id, [w.p1.id]);
  w.other = await makeClient(t.database.db, now, w.org.id, [w.p2.id]);
});
afterAll(() => t.close());

const as = (person: { email: string }) => sessionOf(t, person);

const minutesFromStart = (m: number) => new Date(Date.UTC(2026, 2, 2, 9, 0) + m * 60_000).toISOString();
const thought = {
  situation: 'A friend did not reply',
  feelings: [{ name: 'Sad', intensity: 80 }],
  automaticThought: 'Nobody wants to talk to me',
  evidenceFor: '',
  evidenceAgainst: 'She replied last week',
  balancedThought: 'She may be busy',
  feelingsAfter: [{ name: 'Sad', intensity: 50 }],
};
const save = (data: object, at: number, over: object = {}) => ({
  exercise: 'thought-record',
  moduleId: 'thinking-differently',
  stepId: 'the-thought-record',
  contentVersion: '1.0.0',
  status: 'draft',
  shared: true,
  data,
  recordedAt: minutesFromStart(at),
  // One phone makes these saves (two devices: two-devices.test.ts).
  deviceId: '0190a0a0-0000-7000-8000-0000000000aa',
  ...over,
});

describe('exercise entries', () => {
  it('save as drafts in the order the phone made them: a late replay of an older draft never overwrites a newer one', async () => {
    const client = await as(w.client);
    const id = newId(t.clock.now());
    const first = await client.put(`/api/exercise-entries/${id}`, save({ situation: 'At work' }, -10));
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ applied: true, entry: { id, status: 'draft', revision: 1, data: { situation: 'At work' }, contentVersion: '1.0.0', submissions: 0 } });
    const newer = await client.put(`/api/exercise-entries/${id}`, save({ situation: 'At work, in a meeting' }, -5));
    expect(newer.json()).toMatchObject({ applied: true, entry: { revision: 2 } });
    // The first save, sent again (the outbox retried it): nothing changes.
    const replay = await client.put(`/api/exercise-entries/${id}`, save({ situation: 'At work' }, -10));
    expect(replay.statusCode).toBe(200);
    expect(replay.json()).toMatchObject({ applied: false, entry: { revision: 2, data: { situation: 'At work, in a meeting' } } });
    expect((await client.put(`/api/exercise-entries/${id}`, save({ situation: 'At work, in a meeting' }, -5))).json().applied).toBe(false);

    // Someone else cannot write to it, and does not see it.
    const other = await as(w.other);
    expect((await other.put(`/api/exercise-entries/${id}`, save({ situation: 'Mine' }, 0))).json().error.code).toBe('write.id_conflict');
    expect((await other.get('/api/exercise-entries')).json().entries).toEqual([]);
    expect((await client.get('/api/exercise-entries')).json().entries.map((e: { id: string }) => e.id)).toContain(id);
  });

  it('refuses a submission with parts missing, or a draft too big, pointing at the field; the last good save is kept', async () => {
    const client = await as(w.client);
    const id = newId(t.clock.now());
    expect((await client.put(`/api/exercise-entries/${id}`, save({ situation: 'On the bus' }, -20))).statusCode).toBe(200);
    const incomplete = await client.put(`/api/exercise-entries/${id}`, save({ situation: 'On the bus' }, -19, { status: 'submitted' }));
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.json().error.code).toBe('exercise.invalid_entry');
    expect(incomplete.json().error.details).toContainEqual({ path: 'body/data/automaticThought', message: expect.any(String) });
    const tooLong = await client.put(`/api/exercise-entries/${id}`, save({ situation: 'a'.repeat(1001) }, -18));
    expect(tooLong.json().error.details).toEqual([{ path: 'body/data/situation', message: 'must be at most 1000 characters' }]);
    // Unknown fields are refused too, so a draft cannot grow past its form.
    const huge = await client.put(`/api/exercise-entries/${id}`, save({ situation: 'ok', padding: 'x'.repeat(50_000) }, -18));
    expect(huge.json().error.details).toEqual([{ path: 'body/data', message: 'must be at most 48 KB' }]);
    const future = await client.put(`/api/exercise-entries/${id}`, save({ situation: 'Later' }, 60 * 24));
    expect(future.json().error.details).toEqual([{ path: 'body/recordedAt', message: 'is in the future' }]);
    const kept = (await client.get('/api/exercise-entries')).json().entries.find((e: { id: string }) => e.id === id);
    expect(kept).toMatchObject({ revision: 1, data: { situation: 'On the bus' } });
  });

  it('a submitted entry is shared with the care team; reopened, they keep seeing what was sent; private, only that it exists; feedback reaches the client', async () => {
    const client = await as(w.client);
    const p1 = await as(w.p1);
    const id = newId(t.clock.now());
    const sent = await client.put(`/api/exercise-entries/${id}`, save(thought, -30, { status: 'submitted' }));
    expect(sent.json()).toMatchObject({ applied: true, entry: { status: 'submitted', submissions: 1, revision: 1 } });
    const seen = () => p1.get(`/api/clients/${w.client.id}/exercise-entries`).then((r) => r.json().entries.find((e: { id: string }) => e.id === id));
    expect(await seen()).toMatchObject({ private: false, data: { balancedThought: 'She may be busy' }, revision: 1, contentVersion: '1.0.0' });

    // Reopened as a draft: the care team still sees the sent text, not the draft.
    expect((await client.put(`/api/exercise-entries/${id}`, save({ ...thought, balancedThought: 'Still thinking' }, -25))).json().entry).toMatchObject({ status: 'draft', revision: 2 });
    expect((await seen()).data.balancedThought).toBe('She may be busy');

    // Feedback about revision 1; stale after the client sends again.
    const feedback = await p1.post(`/api/exercise-entries/${id}/feedback`, { id: newId(t.clock.now()), revision: 1, text: 'Well done for spotting that thought.' });
    expect(feedback.statusCode).toBe(200);
    expect(feedback.json()).toMatchObject({ revision: 1, text: 'Well done for spotting that thought.', staffName: expect.any(String) });
    expect((await client.get('/api/exercise-entries')).json().entries.find((e: { id: string }) => e.id === id).feedback).toHaveLength(1);
    expect((await client.put(`/api/exercise-entries/${id}`, save({ ...thought, balancedThought: 'She is probably busy' }, -20, { status: 'submitted' }))).json().entry).toMatchObject({ revision: 3, submissions: 2 });
    const stale = await p1.post(`/api/exercise-entries/${id}/feedback`, { id: newId(t.clock.now()), revision: 1, text: 'Late' });
    expect(stale.json().error.code).toBe('write.stale_version');
    // A practitioner outside the care team cannot, and the answer is the same as for no entry.
    const outsider = await (await as(w.p2)).post(`/api/exercise-entries/${id}/feedback`, { id: newId(t.clock.now()), revision: 3, text: 'Hi' });
    expect(outsider.statusCode).toBe(404);
    expect((await (await as(w.p2)).get(`/api/clients/${w.client.id}/exercise-entries`)).statusCode).toBe(404);

    // Made private: the care team sees only that it exists, and cannot answer it.
    expect((await client.put(`/api/exercise-entries/${id}`, save({ ...thought, balancedThought: 'She is probably busy' }, -15, { status: 'submitted', shared: false }))).statusCode).toBe(200);
    expect(await seen()).toMatchObject({ private: true, data: null, feedback: [] });
    expect((await p1.post(`/api/exercise-entries/${id}/feedback`, { id: newId(t.clock.now()), revision: 4, text: 'Hi' })).json().error.code).toBe('exercise.private');

    const audit = await t.database.db.selectFrom('audit_event').select('action').where('client_id', '=', w.client.id).where('action', 'like', 'exercise%').execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['exercise_entry.submit', 'exercise_entry.save_draft', 'exercise_entry.list', 'exercise_feedback.give']));
  });

  it('drafts never reach the care team', async () => {
    const client = await as(w.client);
    const id = newId(t.clock.now());
    expect((await client.put(`/api/exercise-entries/${id}`, save({ situation: 'Just a draft' }, -40))).statusCode).toBe(200);
    const list = (await (await as(w.p1)).get(`/api/clients/${w.client.id}/exercise-entries`)).json().entries;
    expect(list.map((e: { id: string }) => e.id)).not.toContain(id);
  });
});

describe('feedback templates', () => {
  it('a practitioner keeps their own; organisation-wide wording is for admins; nobody sees another’s own', async () => {
    const p1 = await as(w.p1);
    const mine = { id: newId(t.clock.now()), title: 'Good effort', text: 'Thank you for doing this. It is a real step.', shared: false };
    expect((await p1.post('/api/feedback-templates', mine)).json()).toMatchObject({ title: 'Good effort', shared: false, ownerStaffId: w.p1.id });
    expect((await p1.post('/api/feedback-templates', mine)).statusCode).toBe(200);
    expect((await p1.post('/api/feedback-templates', { ...mine, text: 'Changed' })).json().error.code).toBe('write.id_conflict');
    expect((await p1.post('/api/feedback-templates', { ...mine, id: newId(t.clock.now()), shared: true })).statusCode).toBe(403);
    const orgWide = { id: newId(t.clock.now()), title: 'Thought record', text: 'You found a balanced thought.', shared: true };
    expect((await (await as(w.admin)).post('/api/feedback-templates', orgWide)).statusCode).toBe(200);
    expect((await p1.get('/api/feedback-templates')).json().templates.map((x: { title: string }) => x.title)).toEqual(['Good effort', 'Thought record']);
    expect((await (await as(w.p2)).get('/api/feedback-templates')).json().templates.map((x: { title: string }) => x.title)).toEqual(['Thought record']);
    expect((await (await as(w.client)).get('/api/feedback-templates')).statusCode).toBe(403);
  });
});
