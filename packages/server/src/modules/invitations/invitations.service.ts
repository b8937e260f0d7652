import {
  DomainError,
  invitationMaxDateOfBirthAttempts,
  newId,
  type AcceptInvitationRequest,
  type InvitationInfo,
} from '@tandem/domain';
import type { Transaction } from 'kysely';
import { writeAudit } from '../../audit/audit';
import type { Schema } from '../../db/schema';
import type { AnonymousContext, ServiceContext } from '../../context';
import { queueEmail } from '../../email/email';
import { findAccountByEmail, revokeAccountSessions } from '../auth/auth.repo';
import { completeFirstFactor, type FirstFactorResult } from '../auth/auth.service';
import { checkNewPassword } from '../auth/password-check';
import { hashPassword, hashToken, newSecretToken } from '../auth/secrets';
import {
  findAccountFor,
  findInvitationByTokenHash,
  markInvitationUsed,
  recordDateOfBirthFailure,
  revokeOpenInvitations,
} from './invitations.repo';

export interface NewInvitation {
  kind: 'client' | 'staff';
  organisationId: string;
  email: string;
  clientId: string | null;
  staffId: string | null;
  expiresAt: Date;
  /** The staff member's name, for the email greeting (clients are not named in email). */
  greetingName?: string;
}

function invitationLink(publicOrigin: string, kind: 'client' | 'staff', token: string): string {
  // The token travels in the fragment: browsers never send it to a server, a proxy log or a referrer.
  return `${publicOrigin}${kind === 'staff' ? '/staff/invite' : '/invite'}#${token}`;
}

function invitationEmail(kind: 'client' | 'staff', organisationName: string, link: string, expiresAt: Date) {
  const until = expiresAt.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });
  const intro =
    kind === 'client'
      ? `${organisationName} has invited you to use Tandem alongside your sessions.`
      : `${organisationName} has invited you to Tandem as a member of staff.`;
  return {
    subject: 'Your invitation to Tandem',
    text: [
      'Hello,',
      '',
      intro,
      '',
      'To set up your account, open this link:',
      link,
      '',
      `The link works once and stops working on ${until}.`,
      kind === 'client' ? 'You will be asked for your date of birth, to check it is you.' : '',
      '',
      'If you were not expecting this email, you can ignore it.',
    ]
      .filter((line, i, all) => !(line === '' && all[i - 1] === ''))
      .join('\n'),
  };
}

/**
 * Creates (or re-sends) an invitation: the account in state "invited", a single-use expiring
 * token (only its hash is stored), and the email — all in one transaction. Earlier open
 * invitations for the account stop working.
 */
export async function createInvitation(ctx: ServiceContext, invite: NewInvitation, inTransaction?: Transaction<Schema>): Promise<void> {
  assertCanSendInvitations(ctx);
  const now = ctx.clock.now();
  const token = newSecretToken();
  const run = async (trx: Transaction<Schema>) => {
    const org = await trx.selectFrom('organisation').select('name').where('id', '=', invite.organisationId).executeTakeFirstOrThrow();
    let account = await findAccountFor(trx, invite);
    const holder = await findAccountByEmail(trx, invite.email);
    if (holder && holder.id !== account?.id) {
      throw new DomainError('account.email_taken', 'Another account already uses this email address.');
    }
    if (!account) {
      const id = newId(now);
      await trx
        .insertInto('account')
        .values({
          id,
          organisation_id: invite.organisationId,
          actor_type: invite.kind,
          staff_id: invite.staffId,
          client_id: invite.clientId,
          email: invite.email,
          password_hash: null,
          status: 'invited',
          created_at: now,
          updated_at: now,
          activated_at: null,
        })
        .execute();
      account = { id, email: invite.email, status: 'invited' };
    } else if (account.email !== invite.email) {
      await trx.updateTable('account').set({ email: invite.email, updated_at: now }).where('id', '=', account.id).execute();
    }
    await revokeOpenInvitations(trx, account.id, now);
    const invitationId = newId(now);
    await trx
      .insertInto('invitation')
      .values({
        id: invitationId,
        organisation_id: invite.organisationId,
        account_id: account.id,
        kind: invite.kind,
        token_hash: hashToken(token),
        created_by: ctx.actor.type === 'staff' ? ctx.actor.staffId : null,
        created_at: now,
        expires_at: invite.expiresAt,
        used_at: null,
        revoked_at: null,
      })
      .execute();
    const email = invitationEmail(invite.kind, org.name, invitationLink(ctx.config.publicOrigin, invite.kind, token), invite.expiresAt);
    await queueEmail(trx, ctx.clock, { organisationId: invite.organisationId, to: invite.email, ...email });
    await writeAudit(trx, ctx, {
      action: 'invitation.create',
      entityType: 'invitation',
      entityId: invitationId,
      clientId: invite.clientId,
      details: { kind: invite.kind },
    });
  };
  if (inTransaction) await run(inTransaction);
  else await ctx.db.transaction().execute(run);
}

/** Refuses before any write when invitations cannot be emailed (production without SMTP). */
export function assertCanSendInvitations(ctx: ServiceContext): void {
  if (ctx.mailer.mode === 'unavailable') {
    throw new DomainError('invitation.email_unavailable', 'Invitations cannot be sent: no email server is set up (SMTP_URL).');
  }
}

type InvitationRow = NonNullable<Awaited<ReturnType<typeof findInvitationByTokenHash>>>;

/** Finds an invitation that can still be used, or says clearly why it cannot. */
async function usableInvitation(ctx: AnonymousContext, token: string): Promise<InvitationRow> {
  const row = await findInvitationByTokenHash(ctx.db, hashToken(token));
  if (!row) throw new DomainError('invitation.invalid', 'This invitation link is not right. Check you copied all of it, or ask for a new one.');
  if (row.usedAt || row.accountStatus === 'active') {
    throw new DomainError('invitation.used', 'This invitation has already been used. You can sign in instead.');
  }
  if (row.revokedAt || row.expiresAt <= ctx.clock.now()) {
    throw new DomainError('invitation.expired', 'This invitation no longer works. Ask for a new one.');
  }
  return row;
}

/** What the invitation page shows before the person sets a password. */
export async function inspectInvitation(ctx: AnonymousContext, token: string): Promise<InvitationInfo> {
  const row = await usableInvitation(ctx, token);
  return {
    kind: row.kind,
    organisationName: row.organisationName,
    needsDateOfBirth: row.kind === 'client',
    expiresAt: row.expiresAt.toISOString(),
  };
}

/**
 * Accepts an invitation: sets the password and signs the person in. A client must also give
 * their date of birth, which must match the record — so a mistyped email address cannot hand a
 * stranger someone's record. After too many wrong dates the invitation is cancelled.
 */
export async function acceptInvitation(
  ctx: AnonymousContext,
  input: AcceptInvitationRequest,
): Promise<FirstFactorResult> {
  const row = await usableInvitation(ctx, input.token);
  const now = ctx.clock.now();
  if (row.kind === 'client') {
    if (!input.dateOfBirth) {
      throw new DomainError('request.invalid', 'Enter your date of birth.', [{ path: 'body/dateOfBirth', message: 'is required' }]);
    }
    if (input.dateOfBirth !== row.dateOfBirth) {
      const failure = await ctx.db.transaction().execute(async (trx) => {
        const result = await recordDateOfBirthFailure(trx, row.id, now, invitationMaxDateOfBirthAttempts);
        await writeAudit(trx, ctx, {
          action: 'invitation.accept',
          outcome: 'failed',
          entityType: 'invitation',
          entityId: row.id,
          organisationId: row.organisationId,
          clientId: row.clientId,
          details: { reason: 'date_of_birth_mismatch', attempts: result.date_of_birth_failures },
        });
        return result;
      });
      if (failure.revoked_at) {
        throw new DomainError('invitation.expired', 'This invitation no longer works after several tries. Ask your practitioner for a new one.');
      }
      throw new DomainError('invitation.date_of_birth_mismatch', 'That date of birth does not match our records. Check it and try again.');
    }
  }
  checkNewPassword(input.password, { email: row.email, names: [row.givenName, row.familyName, ...(row.staffName ?? '').split(/\s+/)].filter((n): n is string => !!n) });
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction().execute(async (trx) => {
    if (!(await markInvitationUsed(trx, row.id, now))) {
      throw new DomainError('invitation.used', 'This invitation has already been used. You can sign in instead.');
    }
    await trx
      .updateTable('account')
      .set({ password_hash: passwordHash, status: 'active', activated_at: now, updated_at: now })
      .where('id', '=', row.accountId)
      .execute();
    await revokeAccountSessions(trx, row.accountId, now);
    await writeAudit(trx, ctx, {
      action: 'invitation.accept',
      entityType: 'invitation',
      entityId: row.id,
      organisationId: row.organisationId,
      clientId: row.clientId,
    });
    // Staff go on to set up two-step sign-in before anything else (decision 0035).
    return completeFirstFactor(trx, ctx, { accountId: row.accountId, actorType: row.actorType, clientId: row.clientId }, false, 'invitation');
  });
}
