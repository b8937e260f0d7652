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
import { startPushReceiver } from '../test/push-receiver';
import { startSmtpPeer } from '../test/smtp-peer';
import { createTestApp, type TestApp } from '../test/test-app';
import { testEngine } from '../test/test-database';
import { createJobHandlers } from './handlers';
import { runDueJobs } from './jobs';

/*
 * Sent once (issue 10 item 4): two app instances on one PostgreSQL database, each with its own
 * connection pool, mailer and worker, draining the scheduled-work table at the same moment on the
 * same injected clock. Every reminder reaches its client exactly once, over a real SMTP exchange or,
 * for clients with notifications on their phone, a real Web Push exchange — and so do mood prompts.
 * PostgreSQL only: the embedded engine is one process by design (decision 0002).
 */
describe.skipIf(testEngine !== 'postgres')('scheduled sends with two app instances (PostgreSQL)', () => {
  let a: TestApp;
  let second: Database;
  let smtp: Awaited<ReturnType<typeof startSmtpPeer>>;
  let receiver: Awaited<ReturnType<typeof startPushReceiver>>;
  const clients: Awaited<ReturnType<typeof makeClient>>[] = [];
  /** The push endpoint's path of each client with notifications on (the odd ones). */
  const phones = new Map<string, string>();

  beforeAll(async () => {
    smtp = await startSmtpPeer();
    receiver = await startPushReceiver();
    a = await createTestApp({ env: { SMTP_URL: smtp.url, MAIL_FROM: 'Tandem <tandem@example.test>', PUSH_SERVICE_ORIGINS: receiver.origin } });
    const name = (await sql<{ name: string }>`select current_database() as name`.execute(a.database.db)).rows[0]!.name;
    second = await openDatabase({ kind: 'postgres', url: withDatabase(process.env.TEST_DATABASE_URL!, name), poolSize: 4 });
    const now = a.clock.now();
    const org = await makeOrganisation(a.database.db, now);
    const practitioner = await makeStaff(a.database.db, now, org.id, ['practitioner']);
    for (let i = 0; i < 8; i++) {
      const client = await makeClient(a.database.db, now, org.id, [practitioner.id]);
      clients.push(client);
      const session = await sessionOf(a, client);
      const push = i % 2 === 1;
      const consent = await session.post(`/api/clients/${client.id}/consent`, {
        id: newId(a.clock.now()),
        wordingVersion: consentWordingVersion,
        choices: { blendedTreatment: true, messagingUnderstood: true, channels: { email: true, sms: false, push }, research: false },
      });
      expect(consent.statusCode, consent.body).toBe(201);
      if (push) {
        const device = receiver.subscription();
        expect((await session.put(`/api/me/push-subscriptions/${newId(a.clock.now())}`, device)).statusCode).toBe(200);
        phones.set(client.email, new URL(device.endpoint).pathname);
      }
      const episodeId = await openEpisode(a, practitioner, client.id);
      // Tomorrow, one every hour from 10:00: each reminder is due 24 hours before.
      await bookAppointment(a, practitioner, episodeId, `2026-03-03T${String(10 + i).padStart(2, '0')}:00:00Z`);
    }
  });
  afterAll(async () => {
    await second?.close();
    await a?.close();
    await smtp?.close();
    await receiver?.close();
  });

  it('every reminder and prompt is sent exactly once while both instances work the table at the same moment', async () => {
    const worker = (db: Database['db'], workerId: string) => {
      const mailer = createMailer({ smtpUrl: smtp.url, from: a.config.mailFrom, production: false });
      const handlers = createJobHandlers({ mailer, log: a.app.log, publicOrigin: a.config.publicOrigin, push: { subject: pushSubject(a.config), extraOrigins: [receiver.origin] } });
      return () => runDueJobs({ db, clock: a.clock, handlers, workerId });
    };
    const instanceA = worker(a.database.db, 'instance-a');
    const instanceB = worker(second.db, 'instance-b');
    // The clock moves on (past the 14:00 mood prompt, then past every reminder's time); each time
    // both instances drain what is due, twice each, at once.
    let ran = 0;
    for (const instant of ['2026-03-02T14:30:00Z', '2026-03-02T18:00:00Z']) {
      a.clock.set(instant);
      ran += (await Promise.all([instanceA(), instanceB(), instanceA(), instanceB()])).reduce((sum, n) => sum + n, 0);
      expect(await Promise.all([instanceA(), instanceB()])).toEqual([0, 0]);
    }
    expect(ran).toBe(8 + 4 + 8 + 8); // reminders, emails, pushes (4 reminders, 4 prompts), prompts

    // Reminders: by email to those without notifications on, by push to the others; once each.
    const emailed = clients.filter((c) => !phones.has(c.email)).map((c) => c.email);
    expect(smtp.received.map((mail) => mail.to[0]).sort()).toEqual(emailed.sort());
    const bodies = (body: string) => receiver.received.filter((p) => (p.payload as { body: string }).body === body).map((p) => p.path).sort();
    expect(bodies('You have an appointment soon. Open Tandem to see when.')).toEqual([...phones.values()].sort());
    // The 14:00 mood prompt: on each phone once (by email only the day's first, 09:00, already past).
    expect(bodies('How are you feeling? Open Tandem when you have a moment.')).toEqual([...phones.values()].sort());
    expect(receiver.refused).toEqual([]);
    // Each job ran once, whichever instance claimed it.
    const jobs = await a.database.db
      .selectFrom('scheduled_job')
      .select(['kind', 'status', 'attempts'])
      .where('kind', 'in', ['appointment.reminder', 'email.send', 'push.send', 'mood.prompt'])
      .where('status', '!=', 'pending')
      .execute();
    expect(jobs).toHaveLength(8 + 4 + 8 + 8); // reminders, emails, pushes, prompts
    expect(jobs.every((j) => j.status === 'done' && j.attempts === 1)).toBe(true);
  });
});
