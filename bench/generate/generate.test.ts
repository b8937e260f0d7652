import { exerciseForms, HomeworkItemListSchema, type ExerciseId } from '@tandem/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs } from '../../packages/server/src/test/factories';
import { createTestApp, type TestApp } from '../../packages/server/src/test/test-app';
import { generateOrganisation, type GeneratedOrganisation } from './generate';

const day = 86_400_000;
let t: TestApp;
let generated: GeneratedOrganisation;
const phases = new Set<string>();

beforeAll(async () => {
  t = await createTestApp();
  generated = await generateOrganisation(t.database.db, { clients: 70, now: t.clock.now(), seed: 7, onProgress: (_done, _total, phase) => phases.add(phase) });
}, 120_000);
afterAll(() => t.close());

const count = async (query: string) => Number((await sql.raw<{ n: number }>(query).execute(t.database.db)).rows[0]!.n);

describe('the generated organisation', () => {
  it('has a caseload of clients, each with an active account, an episode and a year at most of check-ins', async () => {
    // Caseloads of 60: the second practitioner has the last ten clients.
    expect(generated.practitioners).toHaveLength(2);
    expect(generated.benchPractitioner.clientIds).toHaveLength(10);
    expect(generated.counts).toMatchObject({ client: 70, episode: 70, staff: 3, supervision: 1 });
    expect(generated.counts.check_in).toBeGreaterThan(70 * 10);
    expect([...phases]).toEqual(['staff', 'clients', 'analyse']);
    expect(await count(`select count(*) as n from client c join account a on a.client_id = c.id and a.status = 'active'`)).toBe(70);
    expect(await count(`select count(distinct client_id) as n from episode`)).toBe(70);
    expect(await count(`select count(*) as n from episode where status = 'active'`)).toBeGreaterThan(35);
    expect(await count(`select count(distinct client_id) as n from check_in`)).toBe(70);
    const range = await t.database.db.selectFrom('check_in').select((eb) => [eb.fn.min('recorded_at').as('first'), eb.fn.max('recorded_at').as('last')]).executeTakeFirstOrThrow();
    expect(new Date(range.first).getTime()).toBeGreaterThanOrEqual(t.clock.now().getTime() - 366 * day);
    expect(new Date(range.last).getTime()).toBeLessThanOrEqual(t.clock.now().getTime());
  });

  it('stores questionnaires whose totals are the sums of their items, PHQ-9 with 9 items and GAD-7 with 7', async () => {
    expect(generated.counts.questionnaire_response).toBeGreaterThan(70);
    const mismatched = await count(`
      select count(*) as n from questionnaire_response r
      where r.total <> (select sum(value) from questionnaire_answer a where a.response_id = r.id)
         or (select count(*) from questionnaire_answer a where a.response_id = r.id) <> case r.instrument when 'phq9' then 9 else 7 end
         or r.total > case r.instrument when 'phq9' then 27 else 21 end`);
    expect(mismatched).toBe(0);
    expect(await count(`select count(*) as n from questionnaire_answer where value not between 0 and 3`)).toBe(0);
  });

  it('writes exercise entries and homework in the shapes the app validates', async () => {
    const entries = await t.database.db.selectFrom('exercise_entry_submission as s').innerJoin('exercise_entry as e', 'e.id', 's.entry_id').select(['e.exercise', 's.data']).execute();
    expect(entries.length).toBeGreaterThan(0);
    for (const entry of entries) expect(exerciseForms[entry.exercise as ExerciseId].submitted.safeParse(entry.data).error).toBeUndefined();
    const homework = await t.database.db.selectFrom('homework').select('items').execute();
    expect(homework.length).toBeGreaterThan(0);
    for (const h of homework) expect(HomeworkItemListSchema.safeParse(h.items).error).toBeUndefined();
  });

  it('gives the same people, moods and answers for the same seed', async () => {
    const again = await generateOrganisation(t.database.db, { clients: 70, now: t.clock.now(), seed: 7 });
    const moods = (organisationId: string) =>
      t.database.db.selectFrom('check_in').select(['mood', 'recorded_at']).where('organisation_id', '=', organisationId).orderBy('recorded_at').orderBy('mood').execute();
    expect(await moods(again.organisationId)).toEqual(await moods(generated.organisationId));
    expect(again.counts).toEqual(generated.counts);
    expect(again.totpSecret).toBe(generated.totpSecret);
  });

  it('lets the bench practitioner and supervisor sign in (password and code) and read the worklist, the client record and the brief', async () => {
    const cookie = await signInAs(t.app, t.config.publicOrigin, generated.benchPractitioner.email, { password: generated.password });
    const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });
    const worklist = await get('/api/worklist');
    expect(worklist.statusCode).toBe(200);
    const lines = worklist.json().lines as { reasons: unknown[] }[];
    expect(lines).toHaveLength(10);
    expect(lines.some((l) => l.reasons.length > 0)).toBe(true);
    const supervisor = await signInAs(t.app, t.config.publicOrigin, generated.benchSupervisor.email, { password: generated.password });
    expect((await t.app.inject({ method: 'GET', url: '/api/worklist', headers: { cookie: supervisor } })).json().lines).toHaveLength(70);

    const { clientId } = generated.benchClient;
    const brief = await get(`/api/clients/${clientId}/brief`);
    expect(brief.statusCode).toBe(200);
    expect(brief.json()).not.toBeNull();
    const episode = await t.database.db.selectFrom('episode').select('id').where('client_id', '=', clientId).executeTakeFirstOrThrow();
    for (const url of [
      '/api/clients',
      ...['', '/check-ins', '/episodes', '/exercise-entries', '/messages', '/programme', '/questionnaire-responses', '/risk-alerts', '/consent'].map((p) => `/api/clients/${clientId}${p}`),
      ...['/appointments', '/homework', '/measures', '/plan', '/plan/history'].map((p) => `/api/episodes/${episode.id}${p}`),
    ]) {
      const res = await get(url);
      expect({ url, status: res.statusCode }).toEqual({ url, status: 200 });
      expect(res.body.length).toBeGreaterThan(2);
    }
  });

  it('lets the bench client sign in and read their home, plan, homework, messages and programme', async () => {
    const cookie = await signInAs(t.app, t.config.publicOrigin, generated.benchClient.email, { password: generated.password });
    for (const url of ['/api/me', '/api/check-ins', '/api/me/plan', '/api/me/homework', '/api/me/messages', '/api/me/programme', '/api/questionnaires/due', '/api/exercise-entries']) {
      const res = await t.app.inject({ method: 'GET', url, headers: { cookie } });
      expect({ url, status: res.statusCode }).toEqual({ url, status: 200 });
      expect(res.body.length).toBeGreaterThan(2);
    }
  });
});
