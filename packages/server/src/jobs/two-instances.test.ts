import { consentWordingVersion, newId } from '@tandem/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../db/database';
import { createMailer } from '../email/mailer';
import { bookAppointment, openEpisode } from '../modules/calendar/test-support';
import { pushSubject } from '../modules/push/push.sender';
import { makeClient, makeOrganisation, makeStaff } from '../test/factories';
import { withDatabase } from '../test/postgres-admin';
import { sessionOf } from '../test/sessions';
import { startSmtpPeer } from '../test/smtp-peer';
import { createTestApp, type TestApp } from '../test/test-app';
import { testEngine } from '../test/test-database';
import { createJobHandlers } from './handlers';
import { runDueJobs } from './jobs';

/*
 * Sent once (issue 10 item 4): two app instances on one PostgreSQL database, each with its own
 * connection pool, mailer and worker, draining the scheduled-work table at the same moment on the
 * same injected clock. Every reminder reaches its client exactly once, over a real SMTP exchange.
 * PostgreSQL only: the embedded engine is one process by design (decision 0002).
 */
describe.skipIf(testEngine !== 'postgres')('scheduled sends with two app instances (PostgreSQL)', () => {
  let a: TestApp;
  let second: Database;
  let smtp: Awaited<ReturnType<typeof startSmtpPeer>>;
  const clients: Awaited<ReturnType<typeof makeClient>>[] = [];

  beforeAll(async () => {
    smtp = await startSmtpPeer();
    a = await createTestApp({ env: { SMTP_URL: smtp.url, MAIL_FROM: 'Tandem <tandem@example.test>' } });
    const name = (await sql<{ name: string }>`select current_database() as name`.execute(a.database.db)).rows[0]!.name;
    second = await openDatabase({ kind: 'postgres', url: withDatabase(process.env.TEST_DATABASE_URL!, name), poolSize: 4 });
    const now = a.clock.now();
    const org = await makeOrganisation(a.database.db, now);
    const practitioner = await makeStaff(a.database.db, now, org.id, ['practitioner']);
    for (let i = 0; i < 8; i++) {
      const client = await makeClient(a.database.db, now, org.id, [practitioner.id]);
      clients.push(client);
      const consent = await (await sessionOf(a, client)).post(`/api/clients/${client.id}/consent`, {
        id: newId(a.clock.now()),
        wordingVersion: consentWordingVersion,
        choices: { blendedTreatment: true, messagingUnderstood: true, channels: { email: true, sms: false, push: false }, research: false },
      });
      expect(consent.statusCode, consent.body).toBe(201);
      const episodeId = await openEpisode(a, practitioner, client.id);
      // Tomorrow, one every hour from 10:00: each reminder is due 24 hours before.
      await bookAppointment(a, practitioner, episodeId, `2026-03-03T${String(10 + i).padStart(2, '0')}:00:00Z`);
    }
  });
  afterAll(async () => {
    await second?.close();
    await a?.close();
    await smtp?.close();
  });

  it('every reminder is emailed exactly once while both instances work the table at the same moment', async () => {
    const worker = (db: Database['db'], workerId: string) => {
      const mailer = createMailer({ smtpUrl: smtp.url, from: a.config.mailFrom, production: false });
      const handlers = createJobHandlers({ mailer, log: a.app.log, publicOrigin: a.config.publicOrigin, push: { subject: pushSubject(a.config), extraOrigins: [] } });
      return () => runDueJobs({ db, clock: a.clock, handlers, workerId });
    };
    const instanceA = worker(a.database.db, 'instance-a');
    const instanceB = worker(second.db, 'instance-b');
    // The clock moves past every reminder's time; both instances drain what is due, twice each, at once.
    a.clock.set('2026-03-02T18:00:00Z');
    const ran = await Promise.all([instanceA(), instanceB(), instanceA(), instanceB()]);
    expect(ran.reduce((sum, n) => sum + n, 0)).toBeGreaterThanOrEqual(16); // 8 reminders and 8 emails
    expect(await Promise.all([instanceA(), instanceB()])).toEqual([0, 0]);

    const to = smtp.received.map((mail) => mail.to[0]).sort();
    expect(to).toEqual(clients.map((c) => c.email).sort());
    // Each job ran once, whichever instance claimed it.
    const jobs = await a.database.db.selectFrom('scheduled_job').select(['kind', 'status', 'attempts', 'locked_by']).where('kind', 'in', ['appointment.reminder', 'email.send']).execute();
    expect(jobs).toHaveLength(16);
    expect(jobs.every((j) => j.status === 'done' && j.attempts === 1)).toBe(true);
  });
});
