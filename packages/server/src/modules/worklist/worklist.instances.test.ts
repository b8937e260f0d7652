import { newId } from '@tandem/domain';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { openDatabase, type Database } from '../../db/database';
import { createMailer } from '../../email/mailer';
import { makeClient, makeOrganisation, makeStaff, registerTestApp, signInAs } from '../../test/factories';
import { withDatabase } from '../../test/postgres-admin';
import { createTestApp, type TestApp } from '../../test/test-app';
import { testEngine } from '../../test/test-database';
import { openStream, settle } from './test-support';

/*
 * Two app instances on one PostgreSQL database (as behind a load balancer): a write through
 * instance A reaches an event stream open on instance B, through LISTEN/NOTIFY. PostgreSQL only:
 * the embedded engine is one process by design (decision 0002).
 */
describe.skipIf(testEngine !== 'postgres')('the worklist’s events across two app instances (PostgreSQL)', () => {
  let a: TestApp;
  let second: Database;
  let b: FastifyInstance;
  let baseB: string;
  const w = {} as {
    p1: Awaited<ReturnType<typeof makeStaff>>;
    p2: Awaited<ReturnType<typeof makeStaff>>;
    c1: Awaited<ReturnType<typeof makeClient>>;
  };

  beforeAll(async () => {
    a = await createTestApp();
    const name = (await sql<{ name: string }>`select current_database() as name`.execute(a.database.db)).rows[0]!.name;
    second = await openDatabase({ kind: 'postgres', url: withDatabase(process.env.TEST_DATABASE_URL!, name), poolSize: 3 });
    const mailer = createMailer({ smtpUrl: undefined, from: a.config.mailFrom, production: false });
    b = await buildApp({ config: a.config, database: second, clock: a.clock, mailer, programme: [] });
    registerTestApp(b, { db: second.db, clock: a.clock });
    baseB = await b.listen({ host: '127.0.0.1', port: 0 });
    const now = a.clock.now();
    const org = await makeOrganisation(a.database.db, now);
    w.p1 = await makeStaff(a.database.db, now, org.id, ['practitioner']);
    w.p2 = await makeStaff(a.database.db, now, org.id, ['practitioner']);
    // Risk alerts need someone to route to at the end of the path.
    await makeStaff(a.database.db, now, org.id, ['admin']);
    w.c1 = await makeClient(a.database.db, now, org.id, [w.p1.id]);
  });
  afterAll(async () => {
    await b?.close();
    await second?.close();
    await a?.close();
  });

  const helpThroughA = async () => {
    const cookie = await signInAs(a.app, a.config.publicOrigin, w.c1.email);
    const res = await a.app.inject({ method: 'POST', url: '/api/help-requests', headers: { cookie, origin: a.config.publicOrigin }, payload: { id: newId(a.clock.now()), recordedAt: a.clock.now().toISOString() } });
    expect(res.statusCode, res.body).toBe(201);
  };

  it('a write through instance A reaches a stream on instance B; a staff member without access gets nothing', async () => {
    const mine = await openStream(`${baseB}/api/worklist/events`, await signInAs(b, a.config.publicOrigin, w.p1.email));
    const theirs = await openStream(`${baseB}/api/worklist/events`, await signInAs(b, a.config.publicOrigin, w.p2.email));
    try {
      await mine.next((e) => e.event === 'ready');
      await theirs.next((e) => e.event === 'ready');
      const heard = mine.next((e) => e.event === 'client-changed', 5000);
      await helpThroughA();
      expect((await heard).data).toBe(JSON.stringify({ clientId: w.c1.id }));
      await settle(500);
      expect(theirs.events.filter((e) => e.event === 'client-changed')).toEqual([]);
    } finally {
      mine.close();
      theirs.close();
    }
  });

  it('a rolled-back write notifies nobody', async () => {
    const mine = await openStream(`${baseB}/api/worklist/events`, await signInAs(b, a.config.publicOrigin, w.p1.email));
    try {
      await mine.next((e) => e.event === 'ready');
      await a.database.db
        .transaction()
        .execute(async (trx) => {
          await sql`select pg_notify('tandem_client_changed', ${w.c1.id})`.execute(trx);
          throw new Error('roll back');
        })
        .catch(() => {});
      await settle(500);
      expect(mine.events.filter((e) => e.event === 'client-changed')).toEqual([]);
    } finally {
      mine.close();
    }
  });

  it('instance B’s listener reconnects after its connection is cut, and tells open streams to fetch again', async () => {
    const mine = await openStream(`${baseB}/api/worklist/events`, await signInAs(b, a.config.publicOrigin, w.p1.email));
    try {
      await mine.next((e) => e.event === 'ready');
      const resync = mine.next((e) => e.event === 'resync', 8000);
      await sql`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and query ilike 'listen %'`.execute(a.database.db);
      await resync;
      const heard = mine.next((e) => e.event === 'client-changed', 5000);
      await helpThroughA();
      expect((await heard).data).toBe(JSON.stringify({ clientId: w.c1.id }));
    } finally {
      mine.close();
    }
  });
});
