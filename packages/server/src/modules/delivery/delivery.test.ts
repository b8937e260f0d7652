import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queueEmail } from '../../email/email';
import { makeOrganisation, makeStaff } from '../../test/factories';
import { sessionOf } from '../../test/sessions';
import { startSmtpPeer } from '../../test/smtp-peer';
import { createTestApp, type TestApp } from '../../test/test-app';

// Email through a real SMTP server on loopback that can be told to refuse mail.
let t: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtpPeer>>;
const w = {} as { org: string; admin: Awaited<ReturnType<typeof makeStaff>>; practitioner: Awaited<ReturnType<typeof makeStaff>>; otherAdmin: Awaited<ReturnType<typeof makeStaff>> };

beforeAll(async () => {
  smtp = await startSmtpPeer();
  t = await createTestApp({ env: { SMTP_URL: smtp.url, MAIL_FROM: 'Tandem <tandem@example.test>' } });
  const now = t.clock.now();
  const org = await makeOrganisation(t.database.db, now);
  w.org = org.id;
  w.admin = await makeStaff(t.database.db, now, org.id, ['admin']);
  w.practitioner = await makeStaff(t.database.db, now, org.id, ['practitioner']);
  const other = await makeOrganisation(t.database.db, now);
  w.otherAdmin = await makeStaff(t.database.db, now, other.id, ['admin']);
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

const send = (to: string, subject: string) =>
  t.database.db.transaction().execute((trx) => queueEmail(trx, t.clock, { organisationId: w.org, to, subject, text: 'Open Tandem.' }));

type Log = { items: { id: string; subject: string; to: string; state: string; attempts: number; maxAttempts: number | null; lastError: string | null; nextTryAt: string | null; sentAt: string | null }[] };
const log = async (person: { email: string }) => (await (await sessionOf(t, person)).get('/api/organisation/delivery-log')).json() as Log;

describe('the delivery log', () => {
  it('shows each email as sent, retrying with its reason and next try, or given up after its limit; addresses masked', async () => {
    const sent = await send('sam.patel@example.org', 'A reminder from Tandem');
    await t.runJobs();
    smtp.state.fail = true;
    const refused = await send('jo.king@example.org', 'Your Tandem appointment');
    await t.runJobs();

    let items = (await log(w.admin)).items;
    expect(items.find((i) => i.id === sent)).toMatchObject({ subject: 'A reminder from Tandem', to: 's•••@example.org', state: 'sent', attempts: 1, lastError: null });
    const retrying = items.find((i) => i.id === refused)!;
    expect(retrying).toMatchObject({ to: 'j•••@example.org', state: 'retrying', attempts: 1, maxAttempts: 8, sentAt: null });
    expect(retrying.lastError).toContain('451');
    expect(retrying.nextTryAt).toBe(new Date(t.clock.now().getTime() + 30_000).toISOString());
    expect(JSON.stringify(items)).not.toContain('Open Tandem.');

    // Backoff doubles to the limit of 8 attempts, then it gives up.
    for (let i = 0; i < 8; i++) {
      t.clock.advance(60 * 60_000);
      await t.runJobs();
    }
    items = (await log(w.admin)).items;
    expect(items.find((i) => i.id === refused)).toMatchObject({ state: 'gave-up', attempts: 8, nextTryAt: null });

    // The server answers again: a new email goes.
    smtp.state.fail = false;
    const later = await send('sam.patel@example.org', 'A reminder from Tandem');
    await t.runJobs();
    expect((await log(w.admin)).items.find((i) => i.id === later)).toMatchObject({ state: 'sent' });
  });

  it('is for admins, of their own organisation only', async () => {
    expect((await (await sessionOf(t, w.practitioner)).get('/api/organisation/delivery-log')).statusCode).toBe(403);
    const other = await log(w.otherAdmin);
    expect(other.items).toEqual([]);
    expect((await log(w.admin)).items.length).toBeGreaterThan(0);
  });
});
