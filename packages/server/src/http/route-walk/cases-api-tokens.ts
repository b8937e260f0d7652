import { newId } from '@tandem/domain';
import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { hashApiToken } from '../../modules/api-tokens/api-tokens.service';
import { t, w, type RouteCase } from './world';

/**
 * Service accounts and their API tokens (decision 0041): an admin of Organisation A manages A's;
 * Organisation B's admin sees and changes only B's, and reaches A's by id not at all.
 */

let sequence = 0;
const uniqueName = () => `Walk system ${++sequence} ${newId(t.clock.now()).slice(-6)}`;

/** A service account of `organisationId`, made by `staffId`. */
async function serviceAccount(organisationId: string, staffId: string): Promise<string> {
  const now = t.clock.now();
  const id = newId(now);
  await t.database.db.insertInto('service_account').values({ id, organisation_id: organisationId, name: uniqueName(), created_by: staffId, created_at: now, received_at: now }).execute();
  return id;
}

/** A live token of the service account. */
async function apiToken(serviceAccountId: string, staffId: string): Promise<string> {
  const now = t.clock.now();
  const id = newId(now);
  await t.database.db
    .insertInto('api_token')
    .values({
      id,
      service_account_id: serviceAccountId,
      token_hash: hashApiToken(`tandem_${randomBytes(32).toString('base64url')}`),
      hint: 'walkxx',
      scopes: ['fhir:read'],
      created_by: staffId,
      created_at: now,
      received_at: now,
      expires_at: new Date(now.getTime() + 86_400_000),
    })
    .execute();
  return id;
}

export const apiTokenCases: Record<string, RouteCase> = {
  'GET /api/service-accounts': {
    who: 'orgAdmin',
    own: async () => {
      const id = await serviceAccount(w.a.id, w.admin.id);
      return [{ as: w.admin, method: 'GET', url: '/api/service-accounts', check: (res) => expect(JSON.stringify(res.json())).toContain(id) }];
    },
    foreign: async () => {
      const id = await serviceAccount(w.a.id, w.admin.id);
      return [{ as: w.adminB, method: 'GET', url: '/api/service-accounts', check: (res) => expect(JSON.stringify(res.json())).not.toContain(id) }];
    },
  },
  'POST /api/service-accounts': {
    who: 'orgAdmin',
    own: () => [{ as: w.admin, method: 'POST', url: '/api/service-accounts', payload: { id: newId(t.clock.now()), name: uniqueName() } }],
    foreign: async () => {
      // Organisation A's account id again, from Organisation B's admin: a different write, refused.
      const id = await serviceAccount(w.a.id, w.admin.id);
      return [{ as: w.adminB, method: 'POST', url: '/api/service-accounts', payload: { id, name: uniqueName() }, refusedWith: [409] }];
    },
  },
  'POST /api/service-accounts/:serviceAccountId/tokens': {
    who: 'integrationAdmin',
    own: async () => [
      { as: w.admin, method: 'POST', url: `/api/service-accounts/${await serviceAccount(w.a.id, w.admin.id)}/tokens`, payload: { id: newId(t.clock.now()), scopes: ['fhir:read'] } },
    ],
    foreign: { none: 'every caller of the table is sent the owner’s request on Organisation A’s account; B’s admin is among them' },
  },
  'DELETE /api/service-accounts/:serviceAccountId/tokens/:tokenId': {
    who: 'integrationAdmin',
    own: async () => {
      const account = await serviceAccount(w.a.id, w.admin.id);
      return [{ as: w.admin, method: 'DELETE', url: `/api/service-accounts/${account}/tokens/${await apiToken(account, w.admin.id)}` }];
    },
    foreign: async () => {
      // A token of Organisation A named under Organisation B's own account.
      const mine = await serviceAccount(w.b.id, w.adminB.id);
      const theirs = await apiToken(await serviceAccount(w.a.id, w.admin.id), w.admin.id);
      return [{ as: w.adminB, method: 'DELETE', url: `/api/service-accounts/${mine}/tokens/${theirs}` }];
    },
  },
};
