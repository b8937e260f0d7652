import { randomInt } from 'node:crypto';
import {
  DomainError,
  appPinRules,
  newId,
  recoveryCodeRules,
  secondStepRules,
  signInThrottle,
  totpRules,
  twoStepRequired,
  type Actor,
  type Clock,
  type TotpEnrolment,
  type TwoStepStatus,
} from '@tandem/domain';
import type { Kysely, Transaction } from 'kysely';
import { generateSecret, generateURI, verify as verifyTotp } from 'otplib';
import QRCode from 'qrcode';
import { writeAudit } from '../../audit/audit';
import type { ServiceContext } from '../../context';
import type { Schema } from '../../db/schema';
import { assertNotThrottled, startSession, type PartialSession, type SignedIn } from './auth.service';
import { clearThrottle, recordThrottleFailure, revokeSession } from './auth.repo';
import { hashPassword, verifyPassword } from './secrets';

/** What a step before sign-in needs: no actor yet, but a half-way session. */
export interface StepContext {
  db: Kysely<Schema>;
  clock: Clock;
  requestId: string;
}

type Db = Kysely<Schema> | Transaction<Schema>;

/** Wrong codes count against the account on their own key, beside the password's (secondStepRules). */
function codeThrottleKey(accountId: string) {
  return { account: `code:${accountId}` };
}

/**
 * Checks a 6-number code against the secret, one step either side of the server's clock, never
 * accepting a step at or before the last accepted one (replay). Answers the step that matched.
 */
async function matchTotp(secret: string, code: string, now: Date, lastUsedStep: number | null): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const result = await verifyTotp({
    secret,
    token: code,
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: totpRules.toleranceSteps * totpRules.periodSeconds,
    ...(lastUsedStep !== null ? { afterTimeStep: lastUsedStep } : {}),
  });
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}

/** Marks a step used, unless another request used it (or a later one) first. */
async function useStep(db: Db, accountId: string, step: number): Promise<boolean> {
  const updated = await db
    .updateTable('account_totp')
    .set({ last_used_step: step })
    .where('account_id', '=', accountId)
    .where((eb) => eb.or([eb('last_used_step', 'is', null), eb('last_used_step', '<', step)]))
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}

function newRecoveryCode(): string {
  const { alphabet, length } = recoveryCodeRules;
  return Array.from({ length }, () => alphabet[randomInt(alphabet.length)]).join('');
}

/** Shown as two groups of five, easier to copy: "k7m2p-x9rt4". Any spacing or dashes are accepted back. */
function showRecoveryCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** A fresh set of recovery codes replaces any earlier set. Answers the codes, shown once. */
async function replaceRecoveryCodes(trx: Transaction<Schema>, accountId: string, now: Date, hashes: string[]): Promise<void> {
  await trx.deleteFrom('account_recovery_code').where('account_id', '=', accountId).execute();
  await trx
    .insertInto('account_recovery_code')
    .values(hashes.map((code_hash) => ({ id: newId(now), account_id: accountId, code_hash, used_at: null, created_at: now })))
    .execute();
}

async function makeRecoveryCodes(): Promise<{ codes: string[]; hashes: string[] }> {
  const codes = Array.from({ length: recoveryCodeRules.count }, newRecoveryCode);
  const hashes = await Promise.all(codes.map((c) => hashPassword(c)));
  return { codes: codes.map(showRecoveryCode), hashes };
}

/** Which unused recovery code of the account this is, if any (argon2id, so checked outside a transaction). */
async function findRecoveryCode(db: Db, accountId: string, code: string): Promise<string | null> {
  const rows = await db.selectFrom('account_recovery_code').select(['id', 'code_hash']).where('account_id', '=', accountId).where('used_at', 'is', null).execute();
  for (const row of rows) if (await verifyPassword(row.code_hash, code)) return row.id;
  return null;
}

async function readTotp(db: Db, accountId: string) {
  return db.selectFrom('account_totp').selectAll().where('account_id', '=', accountId).executeTakeFirst();
}

/**
 * A wrong code or PIN: counted on the half-way session and on the account, committed before the
 * refusal (so a rollback cannot undo the count). Too many on one session ends it.
 */
async function recordWrongAttempt(ctx: StepContext, partial: PartialSession, kind: 'code' | 'pin'): Promise<never> {
  const now = ctx.clock.now();
  const max = kind === 'code' ? secondStepRules.maxFailures : appPinRules.maxFailures;
  const failures = (kind === 'code' ? partial.secondStepFailures : partial.pinFailures) + 1;
  const ended = failures >= max;
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('auth_session')
      .set(kind === 'code' ? { second_step_failures: failures } : { pin_failures: failures })
      .where('id', '=', partial.sessionId)
      .execute();
    if (ended) await revokeSession(trx, partial.sessionId, now);
    if (kind === 'code') {
      const key = codeThrottleKey(partial.accountId).account;
      await recordThrottleFailure(trx, key, now, new Date(now.getTime() - signInThrottle.windowMs));
    }
    await writeAudit(trx, { ...ctx, actor: null }, {
      action: kind === 'code' ? 'auth.second_step' : 'auth.unlock',
      outcome: 'failed',
      entityType: 'account',
      entityId: partial.accountId,
      organisationId: partial.organisationId,
      clientId: partial.clientId,
      details: { failures, sessionEnded: ended },
    });
  });
  if (ended) {
    throw new DomainError('auth.unauthenticated', kind === 'code' ? 'That code did not work too many times. Please sign in again.' : 'That PIN did not work too many times. Please sign in again with your password.');
  }
  throw kind === 'code'
    ? new DomainError('auth.wrong_code', 'That code did not work. Check the code in your app and try again.')
    : new DomainError('auth.wrong_pin', 'That PIN did not work. Please try again.');
}

/**
 * POST /api/auth/mfa/verify: the second step of signing in. A 6-number code from the app, or one
 * recovery code (used up by this). Right: the half-way session ends and a signed-in one starts
 * (a new token). Wrong: counted; five on one session end it.
 */
export async function verifySecondStep(ctx: StepContext, partial: PartialSession, code: string): Promise<{ token: string; signedIn: SignedIn; recoveryCodesLeft: number | null }> {
  if (partial.stage !== 'mfa') throw new DomainError('auth.forbidden', 'There is no code to enter now.');
  await assertNotThrottled(ctx, codeThrottleKey(partial.accountId));
  const now = ctx.clock.now();
  const totp = await readTotp(ctx.db, partial.accountId);
  if (!totp?.confirmed_at) throw new DomainError('auth.mfa_not_enrolled', 'Two-step sign-in is not set up for this account.');
  const step = await matchTotp(totp.secret, code, now, totp.last_used_step);
  const recoveryId = step === null ? await findRecoveryCode(ctx.db, partial.accountId, code) : null;
  if (step === null && recoveryId === null) return recordWrongAttempt(ctx, partial, 'code');

  const result = await ctx.db.transaction().execute(async (trx) => {
    if (step !== null && !(await useStep(trx, partial.accountId, step))) return null;
    if (recoveryId !== null) {
      const used = await trx.updateTable('account_recovery_code').set({ used_at: now }).where('id', '=', recoveryId).where('used_at', 'is', null).executeTakeFirst();
      if (Number(used.numUpdatedRows) !== 1) return null;
    }
    await revokeSession(trx, partial.sessionId, now);
    await clearThrottle(trx, codeThrottleKey(partial.accountId).account);
    const account = { accountId: partial.accountId, actorType: partial.actorType, clientId: partial.clientId };
    const started = await startSession(trx, ctx, account, partial.remember, { method: 'password', secondStep: step !== null ? 'totp' : 'recovery_code' });
    const left =
      recoveryId !== null
        ? Number((await trx.selectFrom('account_recovery_code').select((eb) => eb.fn.countAll().as('n')).where('account_id', '=', partial.accountId).where('used_at', 'is', null).executeTakeFirstOrThrow()).n)
        : null;
    return { ...started, recoveryCodesLeft: left };
  });
  // Another request used this very code a moment ago: a replay, refused like a wrong code.
  if (!result) return recordWrongAttempt(ctx, partial, 'code');
  return result;
}

/** Who is setting up two-step sign-in: a signed-in person, or staff half-way through signing in. */
export type Enroller = { accountId: string; organisationId: string; clientId: string | null; partial: PartialSession | null };

export function enrollerOf(signedIn: SignedIn | null, partial: PartialSession | null): Enroller {
  if (signedIn) {
    const actor = signedIn.actor;
    if (actor.type !== 'staff' && actor.type !== 'client') throw new DomainError('auth.forbidden', 'Only a person can set up two-step sign-in.');
    return { accountId: actor.accountId, organisationId: actor.organisationId, clientId: actor.type === 'client' ? actor.clientId : null, partial: null };
  }
  if (partial?.stage === 'enrol') return { accountId: partial.accountId, organisationId: partial.organisationId, clientId: partial.clientId, partial };
  throw new DomainError('auth.unauthenticated', 'Please sign in.');
}

/** The QR code as rows of '1' (dark) and '0' (light), drawn by the page (no image, no script). */
function qrRows(text: string): string[] {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const size = qr.modules.size;
  return Array.from({ length: size }, (_, y) => Array.from({ length: size }, (_, x) => (qr.modules.get(x, y) ? '1' : '0')).join(''));
}

/**
 * POST /api/auth/mfa/enrolment: a new secret for an authenticator app. It counts only once the
 * person enters a code from the app (confirmEnrolment). Someone who already has two-step sign-in
 * keeps it: to move to a new phone, a client turns it off and on again; staff ask an admin to reset it.
 */
export async function startEnrolment(ctx: StepContext, who: Enroller): Promise<TotpEnrolment> {
  const now = ctx.clock.now();
  const existing = await readTotp(ctx.db, who.accountId);
  if (existing?.confirmed_at) throw new DomainError('auth.mfa_already_enrolled', 'Two-step sign-in is already set up for this account.');
  const account = await ctx.db.selectFrom('account').select('email').where('id', '=', who.accountId).executeTakeFirstOrThrow();
  const secret = generateSecret({ length: totpRules.secretBytes });
  const uri = generateURI({ issuer: 'Tandem', label: account.email, secret, digits: totpRules.digits, period: totpRules.periodSeconds });
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('account_totp')
      .values({ account_id: who.accountId, secret, confirmed_at: null, last_used_step: null, created_at: now })
      .onConflict((oc) => oc.column('account_id').doUpdateSet({ secret, last_used_step: null, created_at: now }).where('account_totp.confirmed_at', 'is', null))
      .execute();
    await writeAudit(trx, { ...ctx, actor: null }, { action: 'auth.mfa_enrolment_started', entityType: 'account', entityId: who.accountId, organisationId: who.organisationId, clientId: who.clientId });
  });
  return { secret, uri, qr: qrRows(uri) };
}

/**
 * POST /api/auth/mfa/enrolment/confirm: the code from the app proves it holds the secret. Two-step
 * sign-in is then on, and a set of recovery codes is made and shown once. Staff who were half-way
 * through signing in are now signed in (a new token).
 */
export async function confirmEnrolment(
  ctx: StepContext,
  who: Enroller,
  code: string,
): Promise<{ recoveryCodes: string[]; started: { token: string; signedIn: SignedIn } | null }> {
  const now = ctx.clock.now();
  const totp = await readTotp(ctx.db, who.accountId);
  if (!totp || totp.confirmed_at) throw new DomainError('auth.mfa_not_enrolled', 'There is no set-up waiting for a code. Please start again.');
  const step = await matchTotp(totp.secret, code, now, null);
  if (step === null) {
    if (who.partial) return recordWrongAttempt(ctx, who.partial, 'code');
    throw new DomainError('auth.wrong_code', 'That code did not work. Check the app shows Tandem, and try the newest code.');
  }
  const { codes, hashes } = await makeRecoveryCodes();
  const started = await ctx.db.transaction().execute(async (trx) => {
    const confirmed = await trx
      .updateTable('account_totp')
      .set({ confirmed_at: now, last_used_step: step })
      .where('account_id', '=', who.accountId)
      .where('secret', '=', totp.secret)
      .where('confirmed_at', 'is', null)
      .executeTakeFirst();
    if (Number(confirmed.numUpdatedRows) !== 1) throw new DomainError('auth.mfa_not_enrolled', 'The set-up changed meanwhile. Please start again.');
    await replaceRecoveryCodes(trx, who.accountId, now, hashes);
    await writeAudit(trx, { ...ctx, actor: null }, { action: 'auth.mfa_enrolled', entityType: 'account', entityId: who.accountId, organisationId: who.organisationId, clientId: who.clientId });
    if (!who.partial) return null;
    await revokeSession(trx, who.partial.sessionId, now);
    const account = { accountId: who.accountId, actorType: who.partial.actorType, clientId: who.clientId };
    return startSession(trx, ctx, account, who.partial.remember, { method: 'password', secondStep: 'totp' });
  });
  return { recoveryCodes: codes, started };
}

function personOf(actor: Actor): { accountId: string; clientId: string | null; type: 'staff' | 'client' } {
  if (actor.type !== 'staff' && actor.type !== 'client') throw new DomainError('auth.forbidden', 'Only a person has two-step sign-in.');
  return { accountId: actor.accountId, clientId: actor.type === 'client' ? actor.clientId : null, type: actor.type };
}

/** GET /api/auth/mfa: the signed-in person's own two-step state. */
export async function twoStepStatus(ctx: ServiceContext): Promise<TwoStepStatus> {
  const person = personOf(ctx.actor);
  const totp = await readTotp(ctx.db, person.accountId);
  const left = await ctx.db
    .selectFrom('account_recovery_code')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('account_id', '=', person.accountId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  const enrolled = Boolean(totp?.confirmed_at);
  return { enrolled, required: twoStepRequired(person.type), enrolledAt: totp?.confirmed_at?.toISOString() ?? null, recoveryCodesLeft: enrolled ? Number(left.n) : 0 };
}

/** A code from the app, for changes to two-step sign-in itself (so a borrowed session cannot make them). */
async function requireCurrentCode(ctx: ServiceContext, accountId: string, code: string): Promise<void> {
  await assertNotThrottled(ctx, codeThrottleKey(accountId));
  const totp = await readTotp(ctx.db, accountId);
  if (!totp?.confirmed_at) throw new DomainError('auth.mfa_not_enrolled', 'Two-step sign-in is not set up for this account.');
  const step = await matchTotp(totp.secret, code, ctx.clock.now(), totp.last_used_step);
  if (step !== null && (await useStep(ctx.db, accountId, step))) return;
  const now = ctx.clock.now();
  await recordThrottleFailure(ctx.db, codeThrottleKey(accountId).account, now, new Date(now.getTime() - signInThrottle.windowMs));
  throw new DomainError('auth.wrong_code', 'That code did not work. Check the code in your app and try again.');
}

/** POST /api/auth/mfa/recovery-codes: a new set (the old set stops working), shown once. */
export async function renewRecoveryCodes(ctx: ServiceContext, code: string): Promise<string[]> {
  const person = personOf(ctx.actor);
  await requireCurrentCode(ctx, person.accountId, code);
  const { codes, hashes } = await makeRecoveryCodes();
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await replaceRecoveryCodes(trx, person.accountId, now, hashes);
    await writeAudit(trx, ctx, { action: 'auth.recovery_codes_renewed', entityType: 'account', entityId: person.accountId, clientId: person.clientId });
  });
  return codes;
}

/** POST /api/auth/mfa/turn-off: a client stops using two-step sign-in. Staff cannot: it is required. */
export async function turnOffTwoStep(ctx: ServiceContext, code: string): Promise<void> {
  const person = personOf(ctx.actor);
  if (twoStepRequired(person.type)) throw new DomainError('auth.mfa_required_for_staff', 'Staff must use two-step sign-in. An admin can reset it if you have a new phone.');
  await requireCurrentCode(ctx, person.accountId, code);
  await ctx.db.transaction().execute(async (trx) => {
    await removeTwoStep(trx, person.accountId);
    await writeAudit(trx, ctx, { action: 'auth.mfa_turned_off', entityType: 'account', entityId: person.accountId, clientId: person.clientId });
  });
}

async function removeTwoStep(trx: Transaction<Schema>, accountId: string): Promise<void> {
  await trx.deleteFrom('account_recovery_code').where('account_id', '=', accountId).execute();
  await trx.deleteFrom('account_totp').where('account_id', '=', accountId).execute();
}

/**
 * POST /api/staff/:staffId/mfa-reset: an admin clears another staff member's two-step sign-in
 * (a lost phone). All their sessions end; their next sign-in sets it up again. Admins cannot reset
 * their own (that would let a stolen admin password remove the second step). Audited.
 */
export async function resetStaffTwoStep(ctx: ServiceContext, staffId: string): Promise<{ sessionsEnded: number }> {
  const actor = ctx.actor;
  if (actor.type !== 'staff' || !actor.roles.includes('admin')) throw new DomainError('auth.forbidden', 'Only admins can reset two-step sign-in.');
  const target = await ctx.db
    .selectFrom('account')
    .select(['id', 'organisation_id'])
    .where('staff_id', '=', staffId)
    .executeTakeFirst();
  if (!target || target.organisation_id !== actor.organisationId) throw new DomainError('staff.not_found', 'There is no such member of staff in your organisation.');
  if (target.id === actor.accountId) throw new DomainError('auth.forbidden', 'Another admin must reset your own two-step sign-in.');
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    await removeTwoStep(trx, target.id);
    const ended = await trx.updateTable('auth_session').set({ revoked_at: now }).where('account_id', '=', target.id).where('revoked_at', 'is', null).executeTakeFirst();
    const sessionsEnded = Number(ended.numUpdatedRows);
    await writeAudit(trx, ctx, { action: 'auth.mfa_reset', entityType: 'staff', entityId: staffId, details: { sessionsEnded } });
    return { sessionsEnded };
  });
}

function requireRememberedClient(ctx: ServiceContext, session: { remember: boolean }) {
  if (ctx.actor.type !== 'client') throw new DomainError('auth.forbidden', 'An app PIN is for the client app.');
  if (!session.remember) throw new DomainError('auth.pin_needs_remembered_device', 'A PIN is only for a phone that stays signed in. Sign in with "Remember this device" first.');
  return ctx.actor;
}

/** PUT /api/auth/pin: a PIN for this remembered phone (this session only). */
export async function setAppPin(ctx: ServiceContext, session: { sessionId: string; remember: boolean }, pin: string): Promise<void> {
  const actor = requireRememberedClient(ctx, session);
  const pinHash = await hashPassword(pin);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('auth_session').set({ pin_hash: pinHash, pin_failures: 0 }).where('id', '=', session.sessionId).execute();
    await writeAudit(trx, ctx, { action: 'auth.pin_set', entityType: 'account', entityId: actor.accountId, clientId: actor.clientId });
  });
}

/** DELETE /api/auth/pin. */
export async function removeAppPin(ctx: ServiceContext, session: { sessionId: string; remember: boolean }): Promise<void> {
  const actor = requireRememberedClient(ctx, session);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('auth_session').set({ pin_hash: null, pin_failures: 0 }).where('id', '=', session.sessionId).execute();
    await writeAudit(trx, ctx, { action: 'auth.pin_removed', entityType: 'account', entityId: actor.accountId, clientId: actor.clientId });
  });
}

/**
 * POST /api/auth/pin/unlock: the PIN opens the app again. It is checked whenever this session has
 * a PIN — locked by the server (5 minutes unused) or by the app itself (hidden for a while) — so an
 * app that locked before the server did cannot be opened without it. Five wrong PINs end the session.
 */
export async function unlockWithPin(ctx: StepContext, sessionId: string, pin: string): Promise<void> {
  const row = await ctx.db
    .selectFrom('auth_session as s')
    .innerJoin('account as a', 'a.id', 's.account_id')
    .select(['s.id', 's.stage', 's.remember', 's.pin_hash', 's.pin_failures', 's.second_step_failures', 's.absolute_expires_at', 'a.id as accountId', 'a.actor_type', 'a.client_id', 'a.organisation_id'])
    .where('s.id', '=', sessionId)
    .executeTakeFirstOrThrow();
  if (row.stage !== 'full' || !row.pin_hash) throw new DomainError('auth.forbidden', 'This app has no PIN to enter.');
  const partial: PartialSession = {
    sessionId: row.id,
    stage: 'locked',
    accountId: row.accountId,
    actorType: row.actor_type,
    clientId: row.client_id,
    organisationId: row.organisation_id,
    remember: row.remember,
    secondStepFailures: row.second_step_failures,
    pinHash: row.pin_hash,
    pinFailures: row.pin_failures,
    absoluteExpiresAt: row.absolute_expires_at,
  };
  if (!(await verifyPassword(row.pin_hash, pin))) await recordWrongAttempt(ctx, partial, 'pin');
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('auth_session').set({ last_seen_at: now, pin_failures: 0 }).where('id', '=', row.id).execute();
    await writeAudit(trx, { ...ctx, actor: null }, { action: 'auth.unlock', entityType: 'account', entityId: row.accountId, organisationId: row.organisation_id, clientId: row.client_id });
  });
}
