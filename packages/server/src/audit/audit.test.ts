import { newId } from '@tandem/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeClient, makeOrganisation, makeStaff, signInAs } from '../test/factories';
import { createTestApp, type TestApp } from '../test/test-app';

let t: TestApp;
let origin: string;
let org: Awaited<ReturnType<typeof makeOrganisation>>;
let practitioner: Awaited<ReturnType<typeof makeStaff>>;
let colleague: Awaited<ReturnType<typeof makeStaff>>;
let admin: Awaited<ReturnType<typeof makeStaff>>;
let client: Awaited<ReturnType<typeof makeClient>>;

beforeAll(async () => {
  t = await createTestApp();
  origin = t.config.publicOrigin;
  const now = t.clock.now();
  org = await makeOrganisation(t.database.db, now);
  practitioner = await makeStaff(t.database.db, now, org.id, ['practitioner']);
  colleague = await makeStaff(t.database.db, now, org.id, ['practitioner']);
  admin = await makeStaff(t.database.db, now, org.id, ['admin']);
  client = await makeClient(t.database.db, now, org.id, [practitioner.id], { nhsNumber: '9434765919' });
});
afterAll(() => t.close());

const rowsFor = (requestId: unknown) =>
  t.database.db.selectFrom('audit_event').selectAll().where('request_id', '=', String(requestId)).orderBy('seq').execute();

describe('the audit log records every read and write of client data', () => {
  it('a record read: actor, type, role, action, entity, client, organisation, time and request id', async () => {
    const cookie = await signInAs(t.app, origin, practitioner.email);
    const res = await t.app.inject({ method: 'GET', url: `/api/clients/${client.id}`, headers: { cookie } });
    expect(res.statusCode).toBe(200);
    expect(await rowsFor(res.headers['x-request-id'])).toEqual([
      expect.objectContaining({
        actor_id: practitioner.id,
        actor_type: 'staff',
        actor_role: 'practitioner',
        action: 'client.read',
        outcome: 'success',
        entity_type: 'client',
        entity_id: client.id,
        client_id: client.id,
        organisation_id: org.id,
        occurred_at: t.clock.now(),
        details: { basis: 'care_team' },
      }),
    ]);
  });

  it('a list read records the ids it returned', async () => {
    const second = await makeClient(t.database.db, t.clock.now(), org.id, [practitioner.id]);
    const cookie = await signInAs(t.app, origin, practitioner.email);
    const res = await t.app.inject({ method: 'GET', url: '/api/clients', headers: { cookie } });
    const returned = res.json().clients.map((c: { id: string }) => c.id);
    expect(returned).toEqual(expect.arrayContaining([client.id, second.id]));
    const [row] = await rowsFor(res.headers['x-request-id']);
    expect(row).toMatchObject({ action: 'client.list', outcome: 'success' });
    expect([...row!.subject_ids!].sort()).toEqual([...returned].sort());
  });

  it('a write is audited in the same transaction', async () => {
    const cookie = await signInAs(t.app, origin, practitioner.email);
    const id = newId(t.clock.now());
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/clients',
      headers: { origin, cookie },
      payload: { id, givenName: 'Kim', familyName: 'Lowe', dateOfBirth: '1979-06-30', email: 'kim.lowe@example.test' },
    });
    expect(res.statusCode).toBe(201);
    expect(await rowsFor(res.headers['x-request-id'])).toMatchObject([{ action: 'client.create', client_id: id, entity_id: id }]);
  });

  it('a refused look at a real client is audited as denied', async () => {
    const cookie = await signInAs(t.app, origin, colleague.email);
    const res = await t.app.inject({ method: 'GET', url: `/api/clients/${client.id}`, headers: { cookie } });
    expect(res.statusCode).toBe(404);
    expect(await rowsFor(res.headers['x-request-id'])).toMatchObject([
      { action: 'client.read', outcome: 'denied', actor_id: colleague.id, client_id: client.id },
    ]);
  });

  it('an admin reads clinical data only through break-glass, and both steps are audited', async () => {
    const cookie = await signInAs(t.app, origin, admin.email);
    expect((await t.app.inject({ method: 'GET', url: `/api/clients/${client.id}`, headers: { cookie } })).statusCode).toBe(404);
    const glass = await t.app.inject({
      method: 'POST',
      url: `/api/clients/${client.id}/break-glass`,
      headers: { origin, cookie },
      payload: { reason: 'Practitioner off sick; duty team needs contact details' },
    });
    expect(glass.statusCode).toBe(201);
    expect(await rowsFor(glass.headers['x-request-id'])).toMatchObject([{ action: 'client.break_glass', actor_id: admin.id, client_id: client.id }]);
    const read = await t.app.inject({ method: 'GET', url: `/api/clients/${client.id}`, headers: { cookie } });
    expect(read.statusCode).toBe(200);
    expect(read.json().access).toBe('break_glass');
    expect(read.json().allowed).toEqual({ read: true, editDetails: false, invite: false, manageCareTeam: true, manageEpisodes: false });
    expect(await rowsFor(read.headers['x-request-id'])).toMatchObject([{ action: 'client.read', details: { basis: 'break_glass' } }]);
    t.clock.advance(60 * 60_000);
    const later = await signInAs(t.app, origin, admin.email);
    expect((await t.app.inject({ method: 'GET', url: `/api/clients/${client.id}`, headers: { cookie: later } })).statusCode).toBe(404);
  });
});

describe('the audit log is append-only in the database', () => {
  it.each([
    ['UPDATE', sql`update audit_event set action = 'tampered'`],
    ['DELETE', sql`delete from audit_event`],
    ['TRUNCATE', sql`truncate audit_event`],
  ])('refuses %s', async (_name, statement) => {
    const before = await t.database.db.selectFrom('audit_event').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(before.n).toBeGreaterThan(0);
    await expect(statement.execute(t.database.db)).rejects.toThrow(/append-only/);
    const after = await t.database.db.selectFrom('audit_event').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
    expect(await t.database.db.selectFrom('audit_event').select('id').where('action', '=', 'tampered').execute()).toEqual([]);
  });
});
