import { z } from 'zod';
import { apiTokenRules, apiTokenScopes } from '../identity/api-token';
import { IdSchema } from '../ids';

/** Schemas of service accounts and their API tokens (decision 0041). */

export const ApiTokenScopeSchema = z.enum(apiTokenScopes).meta({ id: 'ApiTokenScope' });

/** POST /api/service-accounts — a named system of the admin's organisation. */
export const CreateServiceAccountRequestSchema = z
  .strictObject({
    id: IdSchema,
    name: z.string().trim().min(1, 'must not be empty').max(80, 'must be 80 characters or fewer'),
  })
  .meta({ id: 'CreateServiceAccountRequest' });
export type CreateServiceAccountRequest = z.input<typeof CreateServiceAccountRequestSchema>;

export const ServiceAccountParamsSchema = z.strictObject({ serviceAccountId: IdSchema });
export const ApiTokenParamsSchema = z.strictObject({ serviceAccountId: IdSchema, tokenId: IdSchema });

/** POST /api/service-accounts/:serviceAccountId/tokens — a new token; its secret is shown once. */
export const CreateApiTokenRequestSchema = z
  .strictObject({
    id: IdSchema,
    scopes: z
      .array(ApiTokenScopeSchema)
      .min(1, 'choose at least one thing the token may do')
      .refine((s) => new Set(s).size === s.length, 'must not name a scope twice'),
    days: z.number().int().min(1, 'must be at least 1 day').max(apiTokenRules.maxDays, `must be ${apiTokenRules.maxDays} days or fewer`).default(apiTokenRules.defaultDays),
  })
  .meta({ id: 'CreateApiTokenRequest' });
export type CreateApiTokenRequest = z.input<typeof CreateApiTokenRequestSchema>;

export const ApiTokenSummarySchema = z
  .object({
    id: IdSchema,
    /** The secret's first characters after `tandem_`, to tell tokens apart. */
    hint: z.string(),
    scopes: z.array(ApiTokenScopeSchema),
    createdAt: z.iso.datetime(),
    expiresAt: z.iso.datetime(),
    revokedAt: z.iso.datetime().nullable(),
    lastUsedAt: z.iso.datetime().nullable(),
    state: z.enum(['active', 'expired', 'revoked']),
  })
  .meta({ id: 'ApiTokenSummary' });
export type ApiTokenSummary = z.infer<typeof ApiTokenSummarySchema>;

export const ServiceAccountSchema = z
  .object({
    id: IdSchema,
    name: z.string(),
    createdAt: z.iso.datetime(),
    tokens: z.array(ApiTokenSummarySchema),
  })
  .meta({ id: 'ServiceAccount' });
export type ServiceAccount = z.infer<typeof ServiceAccountSchema>;

export const ServiceAccountListSchema = z.object({ serviceAccounts: z.array(ServiceAccountSchema) }).meta({ id: 'ServiceAccountList' });
export type ServiceAccountList = z.infer<typeof ServiceAccountListSchema>;

/** 201: the new token with its secret — the only time the secret is shown. */
export const CreatedApiTokenSchema = ApiTokenSummarySchema.extend({ secret: z.string() }).meta({ id: 'CreatedApiToken' });
export type CreatedApiToken = z.infer<typeof CreatedApiTokenSchema>;
