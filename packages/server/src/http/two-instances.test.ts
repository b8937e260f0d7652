import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { openDatabase, type Database } from '../db/database';
import { createMailer } from '../email/mailer';
import { makeClient, makeOrganisation, makeStaff, registerTestApp, signInAs, testPassword } from '../test/factories';
import { withDatabase } from '../test/postgres-admin';
import { createTestApp, type TestApp } from '../test/test-app';
import { testEngine } from '../test/test-database';

/*
 * Two app instances on one PostgreSQL database share everything several instances must share
 * (decision 0002; issue 11 item 5): a session made on one opens on the other, signing out on one
 * ends it on both, and sign-in throttling counts failures from both. Jobs: src/jobs/two-instances.test.ts.
 */
describe.skipIf(testEngine !== 'postgres')('two app instances on one database (PostgreSQL)', () => {
  let a: TestApp;
  let secondDb: Database;
  let b: Awaited<ReturnType<typeof buildApp>>;
  const w = {} as { client: Awaited<ReturnType<typeof makeClient>>; practitioner: Awaited<ReturnType<typeof makeStaff>> };

  beforeAll(async () => {
    a = await createTestApp();
    const name = (await sql<{ name: string }>`select current_database() as name`.execute(a.database.db)).rows[0]!.name;
    secondDb = await openDatabase({ kind: 'postgres', url: withDatabase(process.env.TEST_DATABASE_URL!, name), poolSize: 4 });
    const mailer = createMailer({ smtpUrl: a.config.smtpUrl, from: a.config.mailFrom, production: false });
    b = await buildApp({ config: a.config, database: secondDb, clock: a.clock, mailer });
    registerTestApp(b, { db: secondDb.db, clock: a.clock });
    await b.ready();
    const now = a.clock.now();
    const org = await makeOrganisation(a.database.db, now);
    w.practitioner = await makeStaff(a.database.db, now, org.id, ['practitioner']);
    w.client = await makeClient(a.database.db, now, org.id, [w.practitioner.id]);
  });
  afterAll(async () => {
    await b?.close();
    await secondDb?.close();
    await a?.close();
  });

  const origin = () => a.config.publicOrigin;
  const me = (app: typeof b, cookie: string) => app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });

  it('a session made on one instance opens on the other, and signing out on either ends it on both', async () => {
    const cookie = await signInAs(a.app, origin(), w.client.email);
    expect((await me(b, cookie)).json().actor).toMatchObject({ clientId: w.client.id });
    expect((await me(a.app, cookie)).statusCode).toBe(200);
    expect((await b.inject({ method: 'POST', url: '/api/auth/sign-out', headers: { origin: origin(), cookie } })).statusCode).toBe(204);
    expect((await me(a.app, cookie)).statusCode).toBe(401);
    expect((await me(b, cookie)).statusCode).toBe(401);
  });

  it('counts failed sign-ins from both instances toward one account’s limit', async () => {
    const attempt = (app: typeof b, password: string) =>
      app.inject({ method: 'POST', url: '/api/auth/sign-in', headers: { origin: origin() }, payload: { email: w.practitioner.email, password } });
    // Five free failures in all, alternating instances; the sixth attempt on either must wait.
    for (let i = 0; i < 5; i++) expect((await attempt(i % 2 ? b : a.app, 'not the password at all')).statusCode).toBe(401);
    const slowed = await attempt(b, testPassword);
    expect(slowed.statusCode).toBe(429);
    expect((await attempt(a.app, testPassword)).statusCode).toBe(429);
    a.clock.advance(2_000);
    // The right password now: on to the second step (staff must give a code; decision 0035).
    expect((await attempt(a.app, testPassword)).statusCode).toBe(202);
  });
});
