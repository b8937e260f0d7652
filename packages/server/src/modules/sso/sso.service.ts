import { decideSsoSignIn, providerMfaCounts, ssoAttemptRules, type SsoIdentity, type SsoRefusal } from '@tandem/domain';
import type { AnonymousContext } from '../../context';
import { writeAudit } from '../../audit/audit';
import { findSessionByTokenHash, revokeSession } from '../auth/auth.repo';
import { completeFirstFactor } from '../auth/auth.service';
import { hashToken, newSecretToken } from '../auth/secrets';
import { ProviderAnswerError, type OidcClient } from './oidc-client';
import { deleteExpiredAttempts, findAccountForSso, findLinkedAccountId, insertAttempt, insertLink, takeAttempt, touchLink } from './sso.repo';

export type SsoOutcome =
  | { outcome: 'signed-in'; token: string; stage: 'full' | 'mfa' | 'enrol' }
  | { outcome: 'refused'; reason: SsoRefusal; providerError?: string };

/**
 * Starts a sign-in at the provider: fresh state, nonce and PKCE verifier in a database row, keyed
 * by the hash of a random value that only this browser gets (in a short-lived cookie). Answers the
 * provider's address to send the browser to and that value.
 */
export async function startSsoSignIn(ctx: AnonymousContext, client: OidcClient): Promise<{ url: URL; attemptKey: string }> {
  const checks = client.newChecks();
  // Ask the provider first: if it cannot be reached, no row is left behind.
  const url = await client.authorisationUrl(checks);
  const attemptKey = newSecretToken();
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await deleteExpiredAttempts(trx, now);
    await insertAttempt(trx, { keyHash: hashToken(attemptKey), ...checks, now, expiresAt: new Date(now.getTime() + ssoAttemptRules.lifetimeMs) });
  });
  return { url, attemptKey };
}

/**
 * Finishes a sign-in when the provider sends the browser back. The attempt is taken out of the
 * table first, so it works once; it must belong to this browser (its cookie) and be under 10
 * minutes old. Then the provider's answer is checked (openid-client), the account is found by a
 * verified email and must be an active staff account whose link, if any, names the same subject
 * (decideSsoSignIn). SSO never makes an account. A session starts through the same
 * `completeFirstFactor` as a password, so staff still give their second step unless the provider
 * did one this deployment trusts. Refusals on an account are audited.
 */
export async function finishSsoSignIn(
  ctx: AnonymousContext,
  client: OidcClient,
  input: { attemptKey: string | undefined; callbackUrl: URL; previousToken: string | undefined; trustsProviderMfa: boolean },
): Promise<SsoOutcome> {
  const now = ctx.clock.now();
  const attempt = input.attemptKey ? await takeAttempt(ctx.db, hashToken(input.attemptKey)) : undefined;
  if (!attempt || attempt.expires_at.getTime() <= now.getTime()) return { outcome: 'refused', reason: 'expired' };
  if (input.callbackUrl.searchParams.has('error')) return { outcome: 'refused', reason: 'failed' };

  let identity: SsoIdentity;
  try {
    identity = await client.identify(input.callbackUrl, { state: attempt.state, nonce: attempt.nonce, codeVerifier: attempt.code_verifier });
  } catch (error) {
    if (error instanceof ProviderAnswerError) return { outcome: 'refused', reason: 'failed', providerError: error.code };
    throw error;
  }

  return ctx.db.transaction().execute(async (trx): Promise<SsoOutcome> => {
    const account = identity.email ? await findAccountForSso(trx, identity.email, identity.issuer) : undefined;
    const linkedAccountId = await findLinkedAccountId(trx, identity.issuer, identity.subject);
    const decision = decideSsoSignIn(
      identity,
      account
        ? {
            actorType: account.actor_type,
            status: account.status,
            linkedSubject: account.linked_subject,
            subjectLinkedElsewhere: linkedAccountId !== null && linkedAccountId !== account.id,
          }
        : null,
    );
    if (decision.outcome === 'refuse') {
      // A refused sign-in on a real account is audited as the password's are, with how and why.
      const refusal = { action: 'auth.sign_in', outcome: 'failed', details: { method: 'oidc', reason: decision.reason } } as const;
      if (account) await writeAudit(trx, ctx, { ...refusal, entityType: 'account', entityId: account.id, organisationId: account.organisation_id, clientId: account.client_id });
      return { outcome: 'refused', reason: decision.reason };
    }
    const found = account!;
    if (decision.link) {
      await insertLink(trx, { issuer: identity.issuer, subject: identity.subject, accountId: found.id, now });
      await writeAudit(trx, ctx, {
        action: 'auth.oidc_linked',
        entityType: 'account',
        entityId: found.id,
        organisationId: found.organisation_id,
        details: { issuer: identity.issuer },
      });
    } else {
      await touchLink(trx, identity.issuer, identity.subject, now);
    }
    if (input.previousToken) {
      const previous = await findSessionByTokenHash(trx, hashToken(input.previousToken));
      if (previous) await revokeSession(trx, previous.sessionId, now);
    }
    const started = await completeFirstFactor(trx, ctx, { accountId: found.id, actorType: found.actor_type, clientId: found.client_id }, false, 'oidc', {
      providerMfa: providerMfaCounts(input.trustsProviderMfa, identity.amr),
    });
    return { outcome: 'signed-in', token: started.token, stage: started.stage };
  });
}
