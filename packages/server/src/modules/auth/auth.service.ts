import {
  DomainError,
  newId,
  newSessionTimes,
  sessionIsLive,
  sessionTouchIntervalMs,
  signInDelayMs,
  signInThrottle,
  touchedIdleExpiry,
  appPinRules,
  secondStepRules,
  twoStepRequired,
  type Actor,
  type Clock,
  type Me,
  type SignInRequest,
} from '@tandem/domain';
import type { Kysely, Transaction } from 'kysely';
import { writeAudit } from '../../audit/audit';
import type { Schema } from '../../db/schema';
import type { AnonymousContext, ServiceContext } from '../../context';
import {
  clearThrottle,
  findAccountByEmail,
  findSessionByTokenHash,
  insertSession,
  readThrottles,
  recordThrottleFailure,
  revokeSession,
  touchSession,
  type SessionRow,
} from './auth.repo';
import { hashToken, newSecretToken, verifyPassword } from './secrets';
import { clientCareStatus } from '../episodes/care-status';

export interface SessionInfo {
  sessionId: string;
  remember: boolean;
  idleExpiresAt: Date;
  absoluteExpiresAt: Date;
  /** Whether this (remembered, client) session has an app PIN. */
  pinSet: boolean;
}

/**
 * A session that is not (or not now) signed in: the password was right and a code is due (`mfa`),
 * staff must set up an authenticator app first (`enrol`), or a remembered phone with an app PIN
 * has been unused for a while (`locked`). Only the routes of that step accept it (decision 0035).
 */
export interface PartialSession {
  sessionId: string;
  stage: 'mfa' | 'enrol' | 'locked';
  accountId: string;
  actorType: 'staff' | 'client';
  clientId: string | null;
  organisationId: string;
  remember: boolean;
  secondStepFailures: number;
  pinHash: string | null;
  pinFailures: number;
  absoluteExpiresAt: Date;
}

export type SessionLookup = { signedIn: SignedIn; partial?: undefined } | { partial: PartialSession; signedIn?: undefined };

export interface SignedIn {
  actor: Actor;
  session: SessionInfo;
  profile: { displayName: string; organisationName: string; timeZone: string };
}

function toSignedIn(row: SessionRow): SignedIn | null {
  const session = {
    sessionId: row.sessionId,
    remember: row.remember,
    idleExpiresAt: row.idleExpiresAt,
    absoluteExpiresAt: row.absoluteExpiresAt,
    pinSet: row.pinHash !== null,
  };
  if (row.actorType === 'staff' && row.staffId && row.roles) {
    return {
      actor: { type: 'staff', accountId: row.accountId, staffId: row.staffId, organisationId: row.organisationId, roles: row.roles },
      session,
      profile: { displayName: row.staffName ?? '', organisationName: row.organisationName, timeZone: row.staffTimeZone ?? 'Europe/London' },
    };
  }
  if (row.actorType === 'client' && row.clientId) {
    return {
      actor: { type: 'client', accountId: row.accountId, clientId: row.clientId, organisationId: row.organisationId },
      session,
      profile: {
        displayName: `${row.clientGivenName ?? ''} ${row.clientFamilyName ?? ''}`.trim(),
        organisationName: row.organisationName,
        timeZone: row.clientTimeZone ?? 'Europe/London',
      },
    };
  }
  return null;
}

/**
 * Who is behind a session token: a signed-in person, a session half-way through signing in or
 * locked by its app PIN, or null when the token is unknown, revoked, expired (idle or absolute) or
 * its account is disabled. Activity moves the idle deadline, at most once a minute.
 */
export async function resolveSession(db: Kysely<Schema>, clock: Clock, token: string, options: { touch?: boolean } = {}): Promise<SessionLookup | null> {
  const row = await findSessionByTokenHash(db, hashToken(token));
  if (!row || row.revokedAt || row.accountStatus !== 'active') return null;
  const now = clock.now();
  if (!sessionIsLive({ idleExpiresAt: row.idleExpiresAt, absoluteExpiresAt: row.absoluteExpiresAt }, now)) return null;
  const locked = row.stage === 'full' && row.pinHash !== null && now.getTime() - row.lastSeenAt.getTime() >= appPinRules.lockAfterMs;
  if (row.stage !== 'full' || locked) {
    return {
      partial: {
        sessionId: row.sessionId,
        stage: locked ? 'locked' : (row.stage as 'mfa' | 'enrol'),
        accountId: row.accountId,
        actorType: row.actorType,
        clientId: row.clientId,
        organisationId: row.organisationId,
        remember: row.remember,
        secondStepFailures: row.secondStepFailures,
        pinHash: row.pinHash,
        pinFailures: row.pinFailures,
        absoluteExpiresAt: row.absoluteExpiresAt,
      },
    };
  }
  const signedIn = toSignedIn(row);
  if (!signedIn) return null;
  // A route that must not keep an idle session alive (the worklist's event stream) reads without touching.
  if (options.touch !== false && now.getTime() - row.lastSeenAt.getTime() >= sessionTouchIntervalMs) {
    const idleExpiresAt = touchedIdleExpiry(signedIn.actor.type, row.remember, row.absoluteExpiresAt, now);
    await touchSession(db, row.sessionId, now, idleExpiresAt);
    signedIn.session.idleExpiresAt = idleExpiresAt;
  }
  return { signedIn };
}

function throttleKeys(email: string, address: string) {
  return { account: `email:${hashToken(email)}`, address: `addr:${hashToken(address)}` };
}

/**
 * Refuses with a wait time while any of the keys has failed too often lately (signInThrottle):
 * an account's key after `freeFailures`, a network address's after `addressFreeFailures`.
 */
export async function assertNotThrottled(ctx: { db: Kysely<Schema>; clock: Clock }, keys: { account: string; address?: string }) {
  const now = ctx.clock.now();
  const windowStart = now.getTime() - signInThrottle.windowMs;
  let waitMs = 0;
  for (const row of await readThrottles(ctx.db, [keys.account, ...(keys.address ? [keys.address] : [])])) {
    if (row.last_failure_at.getTime() < windowStart) continue;
    const free = row.key === keys.address ? signInThrottle.addressFreeFailures : signInThrottle.freeFailures;
    const allowedAt = row.last_failure_at.getTime() + signInDelayMs(row.failures, free);
    waitMs = Math.max(waitMs, allowedAt - now.getTime());
  }
  if (waitMs > 0) {
    const seconds = Math.ceil(waitMs / 1000);
    throw new DomainError('auth.too_many_attempts', `Too many attempts. Please wait ${seconds} seconds and try again.`, [
      { path: 'retryAfterSeconds', message: String(seconds) },
    ]);
  }
}

/**
 * Signs in with email and password. A wrong password, an unknown email and an account that is not
 * active all get the same answer after the same work. Failures count against the account and the
 * network address; a success clears the account's count. A new session is made on every sign-in.
 */
export async function signIn(
  ctx: AnonymousContext,
  input: SignInRequest & { remember: boolean },
  previousToken: string | undefined,
): Promise<FirstFactorResult> {
  const keys = throttleKeys(input.email, ctx.address);
  await assertNotThrottled(ctx, keys);
  const account = await findAccountByEmail(ctx.db, input.email);
  const passwordOk = await verifyPassword(account?.password_hash ?? null, input.password);
  const now = ctx.clock.now();

  if (!account || !passwordOk || account.status !== 'active') {
    await ctx.db.transaction().execute(async (trx) => {
      const windowStart = new Date(now.getTime() - signInThrottle.windowMs);
      await recordThrottleFailure(trx, keys.account, now, windowStart);
      await recordThrottleFailure(trx, keys.address, now, windowStart);
      if (account) {
        await writeAudit(trx, ctx, {
          action: 'auth.sign_in',
          outcome: 'failed',
          entityType: 'account',
          entityId: account.id,
          organisationId: account.organisation_id,
          clientId: account.client_id,
        });
      }
    });
    throw new DomainError('auth.invalid_credentials', 'The email or password is not right.');
  }

  const result = await ctx.db.transaction().execute(async (trx) => {
    await clearThrottle(trx, keys.account);
    if (previousToken) {
      const previous = await findSessionByTokenHash(trx, hashToken(previousToken));
      if (previous) await revokeSession(trx, previous.sessionId, now);
    }
    return completeFirstFactor(trx, ctx, { accountId: account.id, actorType: account.actor_type, clientId: account.client_id }, input.remember, 'password');
  });
  return result;
}

export type SessionAccount = { accountId: string; actorType: 'staff' | 'client'; clientId: string | null };

/** A new session: signed in, or waiting for the second step (`next`) until `expiresAt`. */
export type FirstFactorResult =
  | { token: string; stage: 'full'; signedIn: SignedIn }
  | { token: string; stage: 'mfa' | 'enrol'; expiresAt: Date; organisationId: string };

/**
 * After the first factor (a password, an invitation link with a new password, or the
 * organisation's OpenID Connect provider): a new session, inside the caller's transaction. It is
 * signed in at once unless a second step is due — a code for anyone who has set up an
 * authenticator app, or setting one up for staff who have not (staff must; decision 0035).
 * `providerMfa`: the organisation's provider has already done a second step that Tandem is
 * configured to trust.
 */
export async function completeFirstFactor(
  trx: Transaction<Schema>,
  ctx: { clock: Clock; requestId: string },
  account: SessionAccount,
  remember: boolean,
  method: 'password' | 'invitation' | 'oidc',
  options: { providerMfa?: boolean } = {},
): Promise<FirstFactorResult> {
  const totp = await trx.selectFrom('account_totp').select('confirmed_at').where('account_id', '=', account.accountId).executeTakeFirst();
  const enrolled = Boolean(totp?.confirmed_at);
  const stage = options.providerMfa ? 'full' : enrolled ? 'mfa' : twoStepRequired(account.actorType) ? 'enrol' : 'full';
  if (stage === 'full') {
    const secondStep = options.providerMfa ? 'provider' : null;
    return { stage, ...(await startSession(trx, ctx, account, remember, { method, secondStep })) };
  }
  const now = ctx.clock.now();
  const token = newSecretToken();
  const expiresAt = new Date(now.getTime() + secondStepRules.lifetimeMs);
  await insertSession(trx, { id: newId(now), tokenHash: hashToken(token), accountId: account.accountId, remember, now, idleExpiresAt: expiresAt, absoluteExpiresAt: expiresAt, stage });
  const row = await trx.selectFrom('account').select('organisation_id').where('id', '=', account.accountId).executeTakeFirstOrThrow();
  await writeAudit(trx, { ...ctx, actor: null }, {
    action: 'auth.first_factor',
    entityType: 'account',
    entityId: account.accountId,
    organisationId: row.organisation_id,
    clientId: account.clientId,
    details: { method, next: stage },
  });
  return { token, stage, expiresAt, organisationId: row.organisation_id };
}

/**
 * Starts a signed-in session for an account inside the caller's transaction and audits the
 * sign-in: how the person proved who they are (`method`) and the second step they took.
 */
export async function startSession(
  trx: Transaction<Schema>,
  ctx: { clock: Clock; requestId: string },
  account: SessionAccount,
  remember: boolean,
  how: { method: 'password' | 'invitation' | 'oidc'; secondStep: 'totp' | 'recovery_code' | 'provider' | null },
): Promise<{ token: string; signedIn: SignedIn }> {
  const now = ctx.clock.now();
  const token = newSecretToken();
  const times = newSessionTimes(account.actorType, remember, now);
  await insertSession(trx, { id: newId(now), tokenHash: hashToken(token), accountId: account.accountId, remember, now, ...times, stage: 'full' });
  const row = await findSessionByTokenHash(trx, hashToken(token));
  const signedIn = row ? toSignedIn(row) : null;
  if (!signedIn) throw new Error('The new session could not be read back');
  await writeAudit(trx, { ...ctx, actor: signedIn.actor }, {
    action: 'auth.sign_in',
    entityType: 'account',
    entityId: account.accountId,
    clientId: account.clientId,
    details: how,
  });
  return { token, signedIn };
}

/** Ends the current session, signed in or half-way (a person may give up at the second step). */
export async function signOut(
  ctx: { db: Kysely<Schema>; clock: Clock; requestId: string; actor: Actor | null },
  session: { sessionId: string; accountId: string; clientId: string | null; organisationId: string },
): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await revokeSession(trx, session.sessionId, ctx.clock.now());
    await writeAudit(trx, ctx, {
      action: 'auth.sign_out',
      entityType: 'account',
      entityId: session.accountId,
      organisationId: session.organisationId,
      clientId: session.clientId,
    });
  });
}

/**
 * Signs the person out on every device: every session of the account ends (this one too), and
 * every device's notifications stop, so a phone left somewhere shows nothing more (issue 11 item 3).
 * Answers how many sessions and devices were ended.
 */
export async function signOutEverywhere(ctx: ServiceContext): Promise<{ sessions: number; devices: number }> {
  const actor = ctx.actor;
  if (actor.type !== 'client' && actor.type !== 'staff') throw new DomainError('auth.forbidden', 'Only a person can sign out.');
  return ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock.now();
    const sessions = await trx.updateTable('auth_session').set({ revoked_at: now }).where('account_id', '=', actor.accountId).where('revoked_at', 'is', null).executeTakeFirst();
    const devices = await trx.deleteFrom('push_subscription').where('account_id', '=', actor.accountId).executeTakeFirst();
    const counts = { sessions: Number(sessions.numUpdatedRows), devices: Number(devices.numDeletedRows) };
    await writeAudit(trx, ctx, {
      action: 'auth.sign_out_everywhere',
      entityType: 'account',
      entityId: actor.accountId,
      clientId: actor.type === 'client' ? actor.clientId : null,
      details: counts,
    });
    return counts;
  });
}

/** GET /api/me. A client reading their own profile is a read of client data, so it is audited. */
export async function readMe(ctx: ServiceContext, signedIn: SignedIn): Promise<Me> {
  if (ctx.actor.type === 'client') {
    await writeAudit(ctx.db, ctx, { action: 'profile.read', entityType: 'client', entityId: ctx.actor.clientId, clientId: ctx.actor.clientId });
  }
  return presentMe(ctx.db, signedIn);
}

/** What GET /api/me (and sign-in, and invitation acceptance) return. */
export async function presentMe(db: Kysely<Schema>, signedIn: SignedIn): Promise<Me> {
  const care = signedIn.actor.type === 'client' ? { status: await clientCareStatus(db, signedIn.actor.clientId) } : null;
  return { ...describeSignedIn(signedIn), care };
}

function describeSignedIn(signedIn: SignedIn): Omit<Me, 'care'> {
  const { actor, session, profile } = signedIn;
  const roles = actor.type === 'staff' ? actor.roles : [];
  return {
    actor: {
      type: actor.type,
      accountId: 'accountId' in actor ? actor.accountId : '',
      displayName: profile.displayName,
      organisationId: actor.organisationId ?? '',
      organisationName: profile.organisationName,
      roles,
      staffId: actor.type === 'staff' ? actor.staffId : null,
      clientId: actor.type === 'client' ? actor.clientId : null,
      timeZone: profile.timeZone,
    },
    session: {
      idleExpiresAt: session.idleExpiresAt.toISOString(),
      absoluteExpiresAt: session.absoluteExpiresAt.toISOString(),
      remember: session.remember,
      pinSet: session.pinSet,
    },
    allowed: {
      registerClients: roles.includes('practitioner'),
      manageAccounts: roles.includes('admin'),
      breakGlass: roles.includes('admin'),
    },
  };
}
