import { newId } from '@tandem/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeClient, makeOrganisation, makeStaff } from '../../test/factories';
import { sessionOf } from '../../test/sessions';
import { createTestApp, type TestApp } from '../../test/test-app';

/**
 * HAZ-093: feedback on a client's exercise entry is written to the client, so only their care team
 * gives it. A supervisor and an admin under break-glass read the entry but cannot answer it (found
 * by the route walk's role matrix, which caught both answering 200).
 */
let t: TestApp;
const w = {} as {
  p1: Awaited<ReturnType<typeof makeStaff>>;
  supervisor: Awaited<ReturnType<typeof makeStaff>>;
  admin: Awaited<ReturnType<typeof makeStaff>>;
  client: Awaited<ReturnType<typeof makeClient>>;
};

beforeAll(async () => {
  t = await createTestApp();
  const now = t.clock.now();
  const org = await makeOrganisation(t.database.db, now);
  w.supervisor = await makeStaff(t.database.db, now, org.id, ['supervisor']);
  w.p1 = await makeStaff(t.database.db, now, org.id, ['practitioner'], { supervisorId: w.supervisor.id });
  w.admin = await makeStaff(t.database.db, now, org.id, ['admin']);
  w.client = await makeClient(t.database.db, now, org.id, [w.p1.id]);
});
afterAll(() => t.close());

const as = (person: { email: string }) => sessionOf(t, person);

describe('feedback on an exercise entry', () => {
  it('is given by the care team only: a supervisor or a break-glass admin reads the entry but is refused, and nothing is saved', async () => {
    const client = await as(w.client);
    const id = newId(t.clock.now());
    const sent = await client.put(`/api/exercise-entries/${id}`, {
      exercise: 'goals',
      moduleId: 'understanding-depression',
      stepId: 'setting-goals',
      contentVersion: '1.0.0',
      status: 'submitted',
      shared: true,
      data: { goals: [{ text: 'Walk to the park', progress: 2 }] },
      recordedAt: t.clock.now().toISOString(),
    });
    expect(sent.statusCode).toBe(200);
    const admin = await as(w.admin);
    expect((await admin.post(`/api/clients/${w.client.id}/break-glass`, { reason: 'Feedback access test: GP asked for a contact' })).statusCode).toBeLessThan(300);

    for (const reader of [await as(w.supervisor), admin]) {
      expect((await reader.get(`/api/clients/${w.client.id}/exercise-entries`)).statusCode).toBe(200);
      const refused = await reader.post(`/api/exercise-entries/${id}/feedback`, { id: newId(t.clock.now()), revision: 1, text: 'Well done' });
      expect(refused.statusCode, refused.body).toBe(404);
      expect(refused.json().error.code).toBe('exercise.not_found');
    }
    expect(await t.database.db.selectFrom('exercise_feedback').select('id').where('entry_id', '=', id).execute()).toEqual([]);

    // The care team's identical request is answered.
    const given = await (await as(w.p1)).post(`/api/exercise-entries/${id}/feedback`, { id: newId(t.clock.now()), revision: 1, text: 'Well done' });
    expect(given.statusCode, given.body).toBe(200);
  });
});
