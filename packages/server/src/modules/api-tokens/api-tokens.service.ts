import { createHash, randomBytes } from 'node:crypto';
import {
  apiTokenPattern,
  apiTokenRules,
  canManageAccounts,
  DomainError,
  isApiTokenScope,
  type ApiTokenScope,
  type ApiTokenSummary,
  type Clock,
  type CreateApiTokenRequestSchema,
  type CreatedApiToken,
  type CreateServiceAccountRequestSchema,
  type ServiceAccount,
  type ServiceActor,
  type StaffActor,
} from '@tandem/domain';
import type { Kysely, Selectable } from 'kysely';
import type { z } from 'zod';
import { writeAudit } from '../../audit/audit';
import type { ApiTokenTable, Schema } from '../../db/schema';
import type { ServiceContext } from '../../context';

/**
 * Service accounts and their API tokens (decision 0041): made and revoked by an admin of the
 * organisation, every change audited. A token's secret is 256 random bits, shown once; only its
 * SHA-256 is kept, so a copy of the database opens nothing.
 */

type CreateServiceAccount = z.output<typeof CreateServiceAccountRequestSchema>;
type CreateApiToken = z.output<typeof CreateApiTokenRequestSchema>;

function requireAdmin(ctx: ServiceContext): StaffActor {
  if (!canManageAccounts(ctx.actor)) throw new DomainError('auth.forbidden', 'Only admins can manage integrations.');
  return ctx.actor as StaffActor;
}

export function hashApiToken(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

function tokenState(row: Pick<Selectable<ApiTokenTable>, 'revoked_at' | 'expires_at'>, now: Date): ApiTokenSummary['state'] {
  if (row.revoked_at) return 'revoked';
  return row.expires_at.getTime() <= now.getTime() ? 'expired' : 'active';
}

function presentToken(row: Selectable<ApiTokenTable>, now: Date): ApiTokenSummary {
  return {
    id: row.id,
    hint: row.hint,
    scopes: row.scopes.filter(isApiTokenScope),
    createdAt: row.created_at.toISOString(),
    expiresAt: row.expires_at.toISOString(),
    revokedAt: row.revoked_at?.toISOString() ?? null,
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
    state: tokenState(row, now),
  };
}

/** GET /api/service-accounts: the organisation's service accounts with their tokens (never a secret). */
export async function listServiceAccounts(ctx: ServiceContext): Promise<ServiceAccount[]> {
  const admin = requireAdmin(ctx);
  const accounts = await ctx.db.selectFrom('service_account').selectAll().where('organisation_id', '=', admin.organisationId).orderBy('name').execute();
  const tokens = accounts.length
    ? await ctx.db
        .selectFrom('api_token')
        .selectAll()
        .where(
          'service_account_id',
          'in',
          accounts.map((a) => a.id),
        )
        .orderBy('created_at', 'desc')
        .execute()
    : [];
  const now = ctx.clock.now();
  return accounts.map((a) => ({
    id: a.id,
    name: a.name,
    createdAt: a.created_at.toISOString(),
    tokens: tokens.filter((t) => t.service_account_id === a.id).map((t) => presentToken(t, now)),
  }));
}

/** POST /api/service-accounts: idempotent on its id. */
export async function createServiceAccount(ctx: ServiceContext, input: CreateServiceAccount): Promise<{ account: ServiceAccount; created: boolean }> {
  const admin = requireAdmin(ctx);
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('service_account').selectAll().where('id', '=', input.id).executeTakeFirst();
    if (existing) {
      if (existing.organisation_id === admin.organisationId && existing.name === input.name) {
        return { account: { id: existing.id, name: existing.name, createdAt: existing.created_at.toISOString(), tokens: [] }, created: false };
      }
      throw new DomainError('write.id_conflict', 'A different record was already saved with this id.');
    }
    const clash = await trx.selectFrom('service_account').select('id').where('organisation_id', '=', admin.organisationId).where('name', '=', input.name).executeTakeFirst();
    if (clash) throw new DomainError('service_account.name_taken', 'Another integration already has this name.', [{ path: 'name', message: 'is already used by another integration' }]);
    await trx
      .insertInto('service_account')
      .values({ id: input.id, organisation_id: admin.organisationId, name: input.name, created_by: admin.staffId, created_at: now, received_at: now })
      .execute();
    await writeAudit(trx, ctx, { action: 'service_account.create', entityType: 'service_account', entityId: input.id });
    return { account: { id: input.id, name: input.name, createdAt: now.toISOString(), tokens: [] }, created: true };
  });
}

async function ownAccount(db: Kysely<Schema>, admin: StaffActor, serviceAccountId: string) {
  const account = await db.selectFrom('service_account').selectAll().where('id', '=', serviceAccountId).executeTakeFirst();
  // Another organisation's account is not named: it does not exist for this admin.
  if (!account || account.organisation_id !== admin.organisationId) throw new DomainError('service_account.not_found', 'There is no such integration in your organisation.');
  return account;
}

/**
 * POST /api/service-accounts/:id/tokens: a new token; the answer holds its secret, the only time
 * it is shown. A repeat of the same id cannot show the secret again, so it is refused (409).
 */
export async function createApiToken(ctx: ServiceContext, serviceAccountId: string, input: CreateApiToken): Promise<CreatedApiToken> {
  const admin = requireAdmin(ctx);
  await ownAccount(ctx.db, admin, serviceAccountId);
  const now = ctx.clock.now();
  const secret = apiTokenRules.prefix + randomBytes(apiTokenRules.secretBytes).toString('base64url');
  const row = {
    id: input.id,
    service_account_id: serviceAccountId,
    token_hash: hashApiToken(secret),
    hint: secret.slice(apiTokenRules.prefix.length, apiTokenRules.prefix.length + apiTokenRules.hintLength),
    scopes: [...input.scopes],
    created_by: admin.staffId,
    created_at: now,
    received_at: now,
    expires_at: new Date(now.getTime() + input.days * 86_400_000),
    revoked_at: null,
    revoked_by: null,
    last_used_at: null,
  };
  return ctx.db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('api_token').select('id').where('id', '=', input.id).executeTakeFirst();
    if (existing) throw new DomainError('write.id_conflict', 'This token was already made; its secret was shown once and cannot be shown again.');
    await trx.insertInto('api_token').values(row).execute();
    await writeAudit(trx, ctx, {
      action: 'api_token.create',
      entityType: 'api_token',
      entityId: input.id,
      details: { serviceAccountId, scopes: input.scopes.join(' '), days: input.days },
    });
    return { ...presentToken(row, now), secret };
  });
}

/** DELETE /api/service-accounts/:id/tokens/:tokenId: revokes at once; revoking again changes nothing. */
export async function revokeApiToken(ctx: ServiceContext, serviceAccountId: string, tokenId: string): Promise<ApiTokenSummary> {
  const admin = requireAdmin(ctx);
  await ownAccount(ctx.db, admin, serviceAccountId);
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const token = await trx.selectFrom('api_token').selectAll().where('id', '=', tokenId).where('service_account_id', '=', serviceAccountId).executeTakeFirst();
    if (!token) throw new DomainError('service_account.not_found', 'There is no such token for this integration.');
    if (token.revoked_at) return presentToken(token, now);
    const revoked = await trx.updateTable('api_token').set({ revoked_at: now, revoked_by: admin.staffId }).where('id', '=', tokenId).returningAll().executeTakeFirstOrThrow();
    await writeAudit(trx, ctx, { action: 'api_token.revoke', entityType: 'api_token', entityId: tokenId, details: { serviceAccountId } });
    return presentToken(revoked, now);
  });
}

/**
 * The service actor a bearer token stands for, or null when the secret is malformed, unknown,
 * revoked or expired. The lookup is by the secret's hash (a unique index), so timing reveals
 * nothing of a secret.
 */
export async function resolveApiToken(db: Kysely<Schema>, clock: Clock, secret: string): Promise<ServiceActor | null> {
  if (!apiTokenPattern.test(secret)) return null;
  const now = clock.now();
  const row = await db
    .selectFrom('api_token')
    .innerJoin('service_account', 'service_account.id', 'api_token.service_account_id')
    .select(['api_token.id', 'api_token.scopes', 'api_token.expires_at', 'api_token.revoked_at', 'api_token.last_used_at', 'service_account.id as serviceAccountId', 'service_account.organisation_id'])
    .where('api_token.token_hash', '=', hashApiToken(secret))
    .executeTakeFirst();
  if (!row || row.revoked_at || row.expires_at.getTime() <= now.getTime()) return null;
  if (!row.last_used_at || now.getTime() - row.last_used_at.getTime() >= apiTokenRules.lastUsedResolutionMs) {
    await db.updateTable('api_token').set({ last_used_at: now }).where('id', '=', row.id).execute();
  }
  return {
    type: 'service',
    serviceAccountId: row.serviceAccountId,
    organisationId: row.organisation_id,
    tokenId: row.id,
    scopes: row.scopes.filter(isApiTokenScope),
  };
}

export type { ApiTokenScope };
