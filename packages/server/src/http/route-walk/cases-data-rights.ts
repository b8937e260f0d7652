import { newId } from '@tandem/domain';
import { expect } from 'vitest';
import type { RouteCase } from './world';
import { t, w } from './world';

/**
 * Subject access, restriction and erasure (decision 0042). Removal requests are made on c1Spare
 * (p1's other client, no account), so the restriction never changes what the other cases do with c1.
 */
const restrictBody = { requestedOn: '2026-03-01', reason: 'The client asked us to remove their data.' };

/** Lifts any active restriction on c1Spare directly, so each caller's request finds none. */
async function unrestricted() {
  await t.database.db
    .updateTable('processing_restriction')
    .set({ lifted_at: t.clock.now(), lifted_by: w.admin.id, lift_reason: 'route walk' })
    .where('client_id', '=', w.c1Spare.id)
    .where('lifted_at', 'is', null)
    .execute();
}

/** Makes sure c1Spare has an active restriction to lift. */
async function restricted() {
  await unrestricted();
  const now = t.clock.now();
  await t.database.db
    .insertInto('processing_restriction')
    .values({ id: newId(now), client_id: w.c1Spare.id, organisation_id: w.a.id, requested_at: now, restricted_at: now, restricted_by: w.admin.id, reason: 'route walk' })
    .execute();
}

export const dataRightsCases: Record<string, RouteCase> = {
  'GET /api/me/data': {
    who: 'clientSelf',
    own: () => [{ as: w.c1, method: 'GET', url: '/api/me/data', check: (res) => expect(res.json().sections[0].rows[0].email).toBe(w.c1.email) }],
  },
  'GET /api/me/data.html': {
    who: 'clientSelf',
    own: () => [{ as: w.c1, method: 'GET', url: '/api/me/data.html', check: (res) => expect(res.body).toContain(w.c1.email) }],
  },
  'POST /api/data-rights/find': {
    who: 'dataRightsAdmin',
    own: () => [{ as: w.admin, method: 'POST', url: '/api/data-rights/find', payload: { query: w.c1Spare.email }, check: (res) => expect(res.json().client.id).toBe(w.c1Spare.id) }],
  },
  'GET /api/clients/:clientId/data-rights': {
    who: 'dataRightsRead',
    own: () => [{ as: w.p1, method: 'GET', url: `/api/clients/${w.c1.id}/data-rights` }],
  },
  'POST /api/clients/:clientId/processing-restriction': {
    who: 'dataRightsAdmin',
    own: async () => {
      await unrestricted();
      return [{ as: w.admin, method: 'POST', url: `/api/clients/${w.c1Spare.id}/processing-restriction`, payload: restrictBody }];
    },
  },
  'POST /api/clients/:clientId/processing-restriction/lift': {
    who: 'dataRightsAdmin',
    own: async () => {
      await restricted();
      return [{ as: w.admin, method: 'POST', url: `/api/clients/${w.c1Spare.id}/processing-restriction/lift`, payload: { reason: 'The client agreed to carry on.' } }];
    },
  },
  'POST /api/clients/:clientId/erasure': {
    who: 'dataRightsAdmin',
    // c1Spare's record was made today, well inside the retention period, so an admin's erasure is
    // refused by the retention rule (409): the walk checks that only admins of the organisation get that far.
    own: () => [
      {
        as: w.admin,
        method: 'POST',
        url: `/api/clients/${w.c1Spare.id}/erasure`,
        payload: { requestedOn: '2026-03-01', reason: 'The client asked.', confirmFamilyName: w.c1Spare.familyName },
        okStatuses: [409],
        check: (res) => expect(res.json().error.code).toBe('data_rights.must_keep'),
      },
    ],
  },
};
