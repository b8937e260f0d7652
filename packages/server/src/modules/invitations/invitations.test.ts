import { newId } from '@tandem/domain';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { makeOrganisation, makeStaff, signInAs, finishSecondStep } from '../../test/factories';
import { startSmtpPeer } from '../../test/smtp-peer';
import { createTestApp, type TestApp } from '../../test/test-app';

let smtp: Awaited<ReturnType<typeof startSmtpPeer>>;
let t: TestApp;
let origin: string;
let org: Awaited<ReturnType<typeof makeOrganisation>>;
let practitioner: Awaited<ReturnType<typeof makeStaff>>;
let admin: Awaited<ReturnType<typeof makeStaff>>;

beforeAll(async () => {
  smtp = await startSmtpPeer();
  t = await createTestApp({ env: { SMTP_URL: smtp.url, MAIL_FROM: 'Tandem <tandem@example.test>' } });
  origin = t.config.publicOrigin;
  org = await makeOrganisation(t.database.db, t.clock.now(), 'Riverside Talking Therapies');
  practitioner = await makeStaff(t.database.db, t.clock.now(), org.id, ['practitioner']);
  admin = await makeStaff(t.database.db, t.clock.now(), org.id, ['admin']);
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

// A fresh session each time: some tests move the clock past a staff session's idle limit.
const asPractitioner = () => signInAs(t.app, origin, practitioner.email);

const post = (url: string, payload: unknown, cookie?: string) =>
  t.app.inject({ method: 'POST', url, headers: { origin, ...(cookie ? { cookie } : {}) }, payload: payload as object });

async function registerAndInvite(dateOfBirth = '1988-11-03') {
  const id = newId(t.clock.now());
  const email = `client-${id.slice(-8)}@example.test`;
  const created = await post('/api/clients', { id, givenName: 'Sam', familyName: 'Okafor', dateOfBirth, email }, await asPractitioner());
  expect(created.statusCode).toBe(201);
  const invited = await post(`/api/clients/${id}/invitation`, {}, await asPractitioner());
  expect(invited.statusCode).toBe(202);
  expect(await t.runJobs()).toBe(1);
  const mail = smtp.received.find((m) => m.to.includes(email));
  expect(mail).toBeDefined();
  const token = /\/invite#([A-Za-z0-9_-]{43})/.exec(mail!.text)?.[1];
  expect(token).toBeDefined();
  return { id, email, token: token!, mail: mail! };
}

describe('client invitation by email, with date-of-birth confirmation', () => {
  it('emails a single-use link over real SMTP, keeps only the token hash, and erases the body once sent', async () => {
    const { id, token, mail } = await registerAndInvite();
    expect(mail.from).toBe('tandem@example.test');
    expect(mail.text).toContain('Riverside Talking Therapies has invited you to use Tandem');
    expect(mail.text).toContain(`${origin}/invite#${token}`);
    expect(mail.text).not.toContain('Okafor');
    expect(mail.text).not.toContain('Sam');
    const stored = await t.database.db.selectFrom('invitation').innerJoin('account', 'account.id', 'invitation.account_id').select(['token_hash']).where('account.client_id', '=', id).execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.token_hash).not.toContain(token);
    const email = await t.database.db.selectFrom('email_message').selectAll().where('to_address', '=', mail.to[0]!).executeTakeFirstOrThrow();
    expect(email).toMatchObject({ status: 'sent', body_text: null });
  });

  it('shows what the invitation is for, without personal details', async () => {
    const { token } = await registerAndInvite();
    const res = await post('/api/invitations/inspect', { token });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ kind: 'client', organisationName: 'Riverside Talking Therapies', needsDateOfBirth: true, expiresAt: '2026-03-09T09:00:00.000Z' });
  });

  it('refuses a wrong date of birth (audited), then accepts the right one and signs the client in', async () => {
    const { id, token, email } = await registerAndInvite('1988-11-03');
    const wrong = await post('/api/invitations/accept', { token, password: 'a long enough passphrase', dateOfBirth: '1988-03-11' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe('invitation.date_of_birth_mismatch');
    const audited = await t.database.db.selectFrom('audit_event').selectAll().where('client_id', '=', id).where('action', '=', 'invitation.accept').execute();
    expect(audited).toMatchObject([{ outcome: 'failed', actor_type: 'anonymous' }]);
    const account = await t.database.db.selectFrom('account').select(['status', 'password_hash']).where('client_id', '=', id).executeTakeFirstOrThrow();
    expect(account).toEqual({ status: 'invited', password_hash: null });

    const ok = await post('/api/invitations/accept', { token, password: 'a long enough passphrase', dateOfBirth: '1988-11-03' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().actor).toMatchObject({ type: 'client', clientId: id });
    const cookie = `tandem_session=${ok.cookies.find((c) => c.name === 'tandem_session')!.value}`;
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).statusCode).toBe(200);

    const again = await post('/api/invitations/accept', { token, password: 'a long enough passphrase', dateOfBirth: '1988-11-03' });
    expect(again.statusCode).toBe(410);
    expect(again.json().error.code).toBe('invitation.used');
    const signIn = await post('/api/auth/sign-in', { email, password: 'a long enough passphrase' });
    expect(signIn.statusCode).toBe(200);
  });

  it('cancels the invitation after five wrong dates of birth', async () => {
    const { token } = await registerAndInvite('1970-01-01');
    for (let i = 1; i <= 4; i++) {
      const res = await post('/api/invitations/accept', { token, password: 'a long enough passphrase', dateOfBirth: `1970-01-0${i + 1}` });
      expect(res.json().error.code).toBe('invitation.date_of_birth_mismatch');
    }
    const fifth = await post('/api/invitations/accept', { token, password: 'a long enough passphrase', dateOfBirth: '1970-01-09' });
    expect(fifth.json().error.code).toBe('invitation.expired');
    const right = await post('/api/invitations/accept', { token, password: 'a long enough passphrase', dateOfBirth: '1970-01-01' });
    expect(right.json().error.code).toBe('invitation.expired');
  });

  it.each([
    ['a tampered token', (token: string) => `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`, 400, 'invitation.invalid'],
    ['a malformed token', () => 'short', 400, 'request.invalid'],
  ])('refuses %s', async (_name, mutate, status, code) => {
    const { token } = await registerAndInvite();
    const res = await post('/api/invitations/accept', { token: mutate(token), password: 'a long enough passphrase', dateOfBirth: '1988-11-03' });
    expect(res.statusCode).toBe(status);
    expect(res.json().error.code).toBe(code);
  });

  it('refuses an expired link', async () => {
    const { token } = await registerAndInvite();
    t.clock.advance(7 * 24 * 3600_000);
    const res = await post('/api/invitations/accept', { token, password: 'a long enough passphrase', dateOfBirth: '1988-11-03' });
    expect(res.statusCode).toBe(410);
    expect(res.json().error.code).toBe('invitation.expired');
  });

  it('refuses a short password without using up the link', async () => {
    const { token } = await registerAndInvite();
    const res = await post('/api/invitations/accept', { token, password: 'too short', dateOfBirth: '1988-11-03' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([{ path: 'body/password', message: 'must be at least 15 characters' }]);
    expect((await post('/api/invitations/inspect', { token })).statusCode).toBe(200);
  });

  it('refuses a password that is easy to guess, says why, and keeps the link usable (NIST SP 800-63B-4 §3.1.1.2)', async () => {
    const { token, email } = await registerAndInvite();
    const local = email.split('@')[0]!;
    for (const [password, why] of [
      ['passwordpassword', /list of passwords people use a lot/],
      ['1qaz2wsx3edc4rfv', /list of passwords people use a lot/],
      ['zzzzzzzzzzzzzzzz', /repeats the same few characters/],
      ['abcdefghijklmnopq', /run of letters, numbers or keys/],
      ['Sam Okafor Okafor!', /mostly your name, your email/],
      [`${local} ${local}`, /mostly your name, your email/],
      ['tandem tandem 2026', /mostly your name, your email or the name of this service/],
    ] as const) {
      const res = await post('/api/invitations/accept', { token, password, dateOfBirth: '1988-11-03' });
      expect(res.statusCode, password).toBe(400);
      expect(res.json().error.details[0]).toEqual({ path: 'body/password', message: expect.stringMatching(why) });
    }
    expect((await post('/api/invitations/inspect', { token })).statusCode).toBe(200);
    // A few words that mean something to the person: accepted.
    expect((await post('/api/invitations/accept', { token, password: 'Sam walks the dog by the canal', dateOfBirth: '1988-11-03' })).statusCode).toBe(200);
  });

  it('a new invitation replaces the old one', async () => {
    const { id, token } = await registerAndInvite();
    await post(`/api/clients/${id}/invitation`, {}, await asPractitioner());
    const res = await post('/api/invitations/inspect', { token });
    expect(res.json().error.code).toBe('invitation.expired');
  });

  it('retries an email the SMTP server refuses, and sends it later', async () => {
    smtp.state.fail = true;
    onTestFinished(() => {
      smtp.state.fail = false;
    });
    const id = newId(t.clock.now());
    const email = `retry-${id.slice(-8)}@example.test`;
    await post('/api/clients', { id, givenName: 'Jo', familyName: 'Brook', dateOfBirth: '1999-09-09', email }, await asPractitioner());
    expect((await post(`/api/clients/${id}/invitation`, {}, await asPractitioner())).statusCode).toBe(202);
    await t.runJobs();
    expect(smtp.received.some((m) => m.to.includes(email))).toBe(false);
    smtp.state.fail = false;
    t.clock.advance(30_000);
    await t.runJobs();
    expect(smtp.received.filter((m) => m.to.includes(email))).toHaveLength(1);
  });
});

describe('staff invitation by an admin', () => {
  it('creates the account and emails a staff link; the new member sets a password without a date of birth', async () => {
    const adminCookie = await signInAs(t.app, origin, admin.email);
    const id = newId(t.clock.now());
    const res = await post('/api/staff', { id, email: 'new.pwp@example.test', displayName: 'Priya Shah', roles: ['practitioner'] }, adminCookie);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ id, accountStatus: 'invited', roles: ['practitioner'] });
    await t.runJobs();
    const mail = smtp.received.find((m) => m.to.includes('new.pwp@example.test'))!;
    const token = /\/staff\/invite#([A-Za-z0-9_-]{43})/.exec(mail.text)![1]!;
    expect((await post('/api/invitations/inspect', { token })).json().needsDateOfBirth).toBe(false);
    const accepted = await post('/api/invitations/accept', { token, password: 'another long passphrase' });
    // Signed in half-way: staff set up two-step sign-in before anything else (decision 0035).
    expect(accepted.statusCode).toBe(202);
    expect(accepted.json()).toMatchObject({ next: 'enrol' });
  });

  it('refuses a practitioner inviting staff, and writes nothing', async () => {
    const id = newId(t.clock.now());
    const res = await post('/api/staff', { id, email: 'sneaky@example.test', displayName: 'X', roles: ['admin'] }, await asPractitioner());
    expect(res.statusCode).toBe(403);
    expect(await t.database.db.selectFrom('staff').select('id').where('id', '=', id).executeTakeFirst()).toBeUndefined();
  });

  it('refuses an email another account already uses, and writes nothing', async () => {
    const adminCookie = await signInAs(t.app, origin, admin.email);
    const id = newId(t.clock.now());
    const res = await post('/api/staff', { id, email: practitioner.email, displayName: 'Dup', roles: ['practitioner'] }, adminCookie);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('account.email_taken');
    expect(await t.database.db.selectFrom('staff').select('id').where('id', '=', id).executeTakeFirst()).toBeUndefined();
  });
});

describe('without SMTP', () => {
  it('in production, refuses to start an invitation and writes nothing', async () => {
    const prod = await createTestApp({ env: { NODE_ENV: 'production', DATABASE_URL: 'postgres://unused/unused', PUBLIC_ORIGIN: 'https://tandem.example' } });
    try {
      const o = await makeOrganisation(prod.database.db, prod.clock.now());
      const p = await makeStaff(prod.database.db, prod.clock.now(), o.id, ['practitioner']);
      const signIn = await prod.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        headers: { origin: 'https://tandem.example' },
        payload: { email: p.email, password: 'correct horse battery staple' },
      });
      expect(signIn.cookies[0]).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Lax' });
      const cookie = await finishSecondStep(prod.app, 'https://tandem.example', p.email, signIn);
      const id = newId(prod.clock.now());
      await prod.app.inject({
        method: 'POST',
        url: '/api/clients',
        headers: { origin: 'https://tandem.example', cookie },
        payload: { id, givenName: 'A', familyName: 'B', dateOfBirth: '1990-01-01', email: 'a.b@example.test' },
      });
      const res = await prod.app.inject({ method: 'POST', url: `/api/clients/${id}/invitation`, headers: { origin: 'https://tandem.example', cookie } });
      expect(res.statusCode).toBe(503);
      expect(res.json().error.code).toBe('invitation.email_unavailable');
      expect(await prod.database.db.selectFrom('invitation').selectAll().execute()).toEqual([]);
      expect(await prod.database.db.selectFrom('email_message').selectAll().execute()).toEqual([]);
    } finally {
      await prod.close();
    }
  });

  it('in development, keeps the mail for the dev outbox page and logs where it is, not the link', async () => {
    const dev = await createTestApp({ env: { NODE_ENV: 'development' } });
    try {
      const o = await makeOrganisation(dev.database.db, dev.clock.now());
      const a = await makeStaff(dev.database.db, dev.clock.now(), o.id, ['admin']);
      const cookie = await signInAs(dev.app, dev.config.publicOrigin, a.email);
      await dev.app.inject({
        method: 'POST',
        url: '/api/staff',
        headers: { origin: dev.config.publicOrigin, cookie },
        payload: { id: newId(dev.clock.now()), email: 'dev.person@example.test', displayName: 'Dev Person', roles: ['practitioner'] },
      });
      await dev.runJobs();
      const page = await dev.app.inject({ method: 'GET', url: '/dev/outbox' });
      expect(page.statusCode).toBe(200);
      const token = /\/staff\/invite#([A-Za-z0-9_-]{43})/.exec(page.body)?.[1];
      expect(token).toBeDefined();
      expect(page.headers['content-security-policy']).toContain("script-src 'self'");
      expect(dev.logs()).toContain('/dev/outbox');
      expect(dev.logs()).not.toContain(token!);
    } finally {
      await dev.close();
    }
  });
});
