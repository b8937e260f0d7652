import { newId } from '@tandem/domain';
import { expect } from 'vitest';
import type { RouteCase } from './world';
import { settingVersion, c1AgendaItem, c1Homework, c1Message, c1Push, c2Push, crisisPage, p1Notification, p1QuickReply, pastAppointment, pushSubscription, send, t, w, walkAgendaItem, walkHomework, walkMessage } from './world';

/** Pulse, the programme, homework, agenda, messages, the worklist, notifications, push. */
export const clientAppCases: Record<string, RouteCase> = {
  'GET /api/pulse': { who: 'staffSelf', own: () => [{ as: w.p1, method: 'GET', url: '/api/pulse' }], foreign: () => [{ as: w.c1, method: 'GET', url: '/api/pulse' }] },
  'PUT /api/pulse': {
    who: 'staffSelf',
    own: () => [{ as: w.p1, method: 'PUT', url: '/api/pulse', payload: { value: 4, burden: 2, comment: null } }],
  },
  'POST /api/pulse/dismiss': { who: 'staffSelf', own: () => [{ as: w.p2, method: 'POST', url: '/api/pulse/dismiss', payload: {} }], foreign: () => [{ as: w.c1, method: 'POST', url: '/api/pulse/dismiss', payload: {} }] },
  'GET /api/pulse/summary': {
    who: 'serviceFigures',
    // Aggregate only: counts, never who answered.
    own: () => [{ as: w.admin, method: 'GET', url: '/api/pulse/summary', check: (res) => expect(res.body).not.toContain(w.p1.id) }],
    foreign: async () => {
      const inB = (await t.database.db.selectFrom('practitioner_pulse').select('id').where('organisation_id', '=', w.b.id).where('dismissed', '=', false).execute()).length;
      return [
        // Only the reader's own organisation's answers.
        { as: w.adminB, method: 'GET', url: '/api/pulse/summary', check: (res) => expect(res.json().responses).toBe(inB) },
      ];
    },
  },
  'GET /api/programme': { who: 'public', own: () => [{ as: null, method: 'GET', url: '/api/programme' }], foreign: { none: 'published content, the same for everyone: no client data' } },
  'GET /api/programme/modules/:moduleId/steps/:stepId': {
    who: 'public',
    own: () => [{ as: null, method: 'GET', url: '/api/programme/modules/understanding-depression/steps/what-depression-is' }],
    foreign: { none: 'published content, the same for everyone: no client data' },
  },
  'GET /api/me/programme': {
    who: 'clientSelf',
    own: () => [{ as: w.c1, method: 'GET', url: '/api/me/programme' }],
  },
  'PUT /api/me/programme/steps/:moduleId/:stepId': {
    who: 'clientSelf',
    own: () => [{ as: w.c1, method: 'PUT', url: '/api/me/programme/steps/understanding-depression/what-depression-is', payload: { contentVersion: '1.0.0', recordedAt: '2026-03-02T08:45:00Z' } }],
  },
  'GET /api/clients/:clientId/programme': {
    who: 'readRecord',
    own: () => [{ as: w.p1, method: 'GET', url: `/api/clients/${w.c1.id}/programme` }],
  },
  'POST /api/sites': {
    who: 'orgAdmin',
    own: () => [{ as: w.admin, method: 'POST', url: '/api/sites', payload: { id: newId(t.clock.now()), name: 'Second site', timeZone: 'Europe/London' } }],
  },
  'GET /api/crisis-page': { who: 'public', own: () => [{ as: null, method: 'GET', url: '/api/crisis-page' }], foreign: { none: 'no client data: national and organisation contacts only' } },
  'PUT /api/organisation/crisis-page': {
    who: 'orgAdmin',
    own: async (by) => [{ as: w.admin, method: 'PUT', url: '/api/organisation/crisis-page', payload: { ...crisisPage(), version: await settingVersion('crisis_page_version', by) } }],
  },
  'POST /api/episodes/:episodeId/homework': {
    who: 'careTeam',
    own: () => [{ as: w.p1, method: 'POST', url: `/api/episodes/${w.e1}/homework`, payload: walkHomework() }],
    foreign: () => [
      { as: w.p1, method: 'POST', url: `/api/episodes/${w.e2}/homework`, payload: walkHomework() },
    ],
  },
  'GET /api/episodes/:episodeId/homework': {
    who: 'readCase',
    own: () => [{ as: w.p1, method: 'GET', url: `/api/episodes/${w.e1}/homework` }],
  },
  'POST /api/homework/:homeworkId/cancel': {
    who: 'careTeam',
    own: async () => [{ as: w.p1, method: 'POST', url: `/api/homework/${await c1Homework()}/cancel`, payload: { reason: 'Route walk' } }],
    foreign: async () => {
      const real = await c1Homework();
      return [
        { as: w.p2, method: 'POST', url: `/api/homework/${real}/cancel`, payload: { reason: 'Route walk' } },
        { as: w.pb, method: 'POST', url: `/api/homework/${real}/cancel`, payload: { reason: 'Route walk' } },
        { as: w.c1, method: 'POST', url: `/api/homework/${real}/cancel`, payload: { reason: 'Route walk' } },
      ];
    },
  },
  'GET /api/me/homework': {
    who: 'clientSelf',
    own: () => [{ as: w.c1, method: 'GET', url: '/api/me/homework' }],
    foreign: async () => {
      const real = await c1Homework();
      return [
        { as: w.c2, method: 'GET', url: '/api/me/homework', check: (res) => expect(JSON.stringify(res.json())).not.toContain(real) },
      ];
    },
  },
  'POST /api/me/agenda-items': {
    who: 'clientSelf',
    own: () => [{ as: w.c1, method: 'POST', url: '/api/me/agenda-items', payload: walkAgendaItem() }],
    foreign: async () => {
      // c1's real item: another client cannot overwrite it by its id.
      const real = walkAgendaItem();
      expect((await send({ as: w.c1, method: 'POST', url: '/api/me/agenda-items', payload: real })).statusCode).toBe(201);
      return [
        { as: w.c2, method: 'POST', url: '/api/me/agenda-items', payload: { ...real, text: 'Mine' }, refusedWith: [409] },
      ];
    },
  },
  'GET /api/me/agenda-items': {
    who: 'clientSelf',
    own: () => [{ as: w.c1, method: 'GET', url: '/api/me/agenda-items' }],
    foreign: async () => {
      const real = await c1AgendaItem();
      return [
        { as: w.c2, method: 'GET', url: '/api/me/agenda-items', check: (res) => expect(JSON.stringify(res.json())).not.toContain(real) },
      ];
    },
  },
  'POST /api/me/agenda-items/:agendaItemId/remove': {
    who: 'ownRecord',
    own: async () => [{ as: w.c1, method: 'POST', url: `/api/me/agenda-items/${await c1AgendaItem()}/remove`, payload: {} }],
    foreign: async () => {
      const real = await c1AgendaItem();
      return [
        { as: w.c2, method: 'POST', url: `/api/me/agenda-items/${real}/remove`, payload: {} },
        { as: w.p1, method: 'POST', url: `/api/me/agenda-items/${real}/remove`, payload: {} },
      ];
    },
  },
  'GET /api/clients/:clientId/agenda-items': {
    who: 'readRecord',
    own: () => [{ as: w.p1, method: 'GET', url: `/api/clients/${w.c1.id}/agenda-items` }],
  },
  'POST /api/agenda-items/:agendaItemId/discussed': {
    who: 'careTeam',
    own: async () => [{ as: w.p1, method: 'POST', url: `/api/agenda-items/${await c1AgendaItem()}/discussed`, payload: { appointmentId: w.a1 } }],
    foreign: async () => {
      const real = await c1AgendaItem();
      return [
        { as: w.p2, method: 'POST', url: `/api/agenda-items/${real}/discussed`, payload: { appointmentId: w.a1 } },
        { as: w.pb, method: 'POST', url: `/api/agenda-items/${real}/discussed`, payload: { appointmentId: w.a1 } },
        { as: w.c1, method: 'POST', url: `/api/agenda-items/${real}/discussed`, payload: { appointmentId: w.a1 } },
      ];
    },
  },
  'GET /api/me/messages': {
    who: 'clientSelf',
    own: () => [{ as: w.c1, method: 'GET', url: '/api/me/messages' }],
    foreign: async () => {
      const real = await c1Message();
      return [
        { as: w.c2, method: 'GET', url: '/api/me/messages', check: (res) => expect(JSON.stringify(res.json())).not.toContain(real) },
      ];
    },
  },
  'GET /api/me/messages/unread': {
    who: 'clientSelf',
    own: () => [{ as: w.c1, method: 'GET', url: '/api/me/messages/unread' }],
  },
  'POST /api/me/messages': {
    who: 'clientSelf',
    own: () => [{ as: w.c1, method: 'POST', url: '/api/me/messages', payload: walkMessage() }],
    foreign: async () => {
      // c1's real message: another client cannot overwrite it by its id.
      const real = walkMessage();
      expect((await send({ as: w.c1, method: 'POST', url: '/api/me/messages', payload: real })).statusCode).toBe(201);
      return [
        { as: w.c2, method: 'POST', url: '/api/me/messages', payload: { ...real, text: 'Mine' }, refusedWith: [409] },
      ];
    },
  },
  'POST /api/me/messages/read': {
    who: 'clientSelf',
    own: () => [{ as: w.c1, method: 'POST', url: '/api/me/messages/read' }],
  },
  'GET /api/messages/unread': {
    who: 'unreadMessages',
    own: () => [{ as: w.p1, method: 'GET', url: '/api/messages/unread' }],
    foreign: async () => {
      await c1Message();
      return [
        { as: w.p2, method: 'GET', url: '/api/messages/unread', check: (res) => expect(JSON.stringify(res.json())).not.toContain(w.c1.id) },
      ];
    },
  },
  'GET /api/clients/:clientId/messages': {
    who: 'readConversation',
    own: () => [{ as: w.p1, method: 'GET', url: `/api/clients/${w.c1.id}/messages` }],
  },
  'POST /api/clients/:clientId/messages': {
    who: 'answerClient',
    own: () => [{ as: w.p1, method: 'POST', url: `/api/clients/${w.c1.id}/messages`, payload: { id: newId(t.clock.now()), text: 'Route walk reply' } }],
  },
  'POST /api/clients/:clientId/messages/read': {
    who: 'readConversation',
    own: () => [{ as: w.p1, method: 'POST', url: `/api/clients/${w.c1.id}/messages/read` }],
  },
  'GET /api/quick-replies': {
    who: 'staffSelf',
    own: () => [{ as: w.p1, method: 'GET', url: '/api/quick-replies' }],
    foreign: async () => {
      const real = await p1QuickReply();
      return [
        { as: w.p2, method: 'GET', url: '/api/quick-replies', check: (res) => expect(JSON.stringify(res.json())).not.toContain(real) },
      ];
    },
  },
  'POST /api/quick-replies': {
    who: 'staffSelf',
    own: () => [{ as: w.p1, method: 'POST', url: '/api/quick-replies', payload: { id: newId(t.clock.now()), text: 'Thank you for your message.' } }],
    foreign: async () => {
      const real = await p1QuickReply();
      return [
        { as: w.p2, method: 'POST', url: '/api/quick-replies', payload: { id: real, text: 'Mine' }, refusedWith: [409] },
      ];
    },
  },
  'DELETE /api/quick-replies/:quickReplyId': {
    who: 'ownRecord',
    own: async () => [{ as: w.p1, method: 'DELETE', url: `/api/quick-replies/${await p1QuickReply()}` }],
    foreign: async () => {
      const real = await p1QuickReply();
      return [
        { as: w.p2, method: 'DELETE', url: `/api/quick-replies/${real}` },
        { as: w.c1, method: 'DELETE', url: `/api/quick-replies/${real}` },
      ];
    },
  },
  'GET /api/appointments/:appointmentId/together': {
    who: 'careTeam',
    own: () => [{ as: w.p1, method: 'GET', url: `/api/appointments/${w.a1}/together`, check: (res) => expect(res.json().appointment.id).toBe(w.a1) }],
  },
  'GET /api/worklist': {
    who: 'caseload',
    own: () => [
      { as: w.p1, method: 'GET', url: '/api/worklist', check: (res) => expect(res.json().lines.map((l: { client: { id: string } }) => l.client.id)).toContain(w.c1.id) },
      { as: w.s1, method: 'GET', url: '/api/worklist', check: (res) => expect(res.json().lines.map((l: { client: { id: string } }) => l.client.id)).toContain(w.c1.id) },
    ],
    foreign: () => [
      { as: w.p2, method: 'GET', url: '/api/worklist', check: (res) => expect(JSON.stringify(res.json())).not.toContain(w.c1.id) },
      { as: w.pb, method: 'GET', url: '/api/worklist', check: (res) => expect(JSON.stringify(res.json())).not.toContain(w.c1.id) },
    ],
  },
  'GET /api/worklist/events': {
    who: 'staffSelf',
    // Which ids a stream forwards, to whom, is tested in modules/worklist (it needs a live stream).
    own: () => [{ as: w.p1, method: 'GET', url: '/api/worklist/events', stream: true }],
  },
  'GET /api/clients/:clientId/brief': {
    who: 'readCase',
    own: () => [{ as: w.p1, method: 'GET', url: `/api/clients/${w.c1.id}/brief`, check: (res) => expect(res.json()).toHaveProperty('brief') }],
  },
  'POST /api/appointments/:appointmentId/end-session': {
    who: 'careTeam',
    own: async () => [{ as: w.p1, method: 'POST', url: `/api/appointments/${await pastAppointment()}/end-session`, payload: { attended: true } }],
    foreign: async () => {
      const real = await pastAppointment();
      return [
        { as: w.p2, method: 'POST', url: `/api/appointments/${real}/end-session`, payload: { attended: true } },
        { as: w.s1, method: 'POST', url: `/api/appointments/${real}/end-session`, payload: { attended: true } },
        { as: w.pb, method: 'POST', url: `/api/appointments/${real}/end-session`, payload: { attended: true } },
        { as: w.c1, method: 'POST', url: `/api/appointments/${real}/end-session`, payload: { attended: true } },
      ];
    },
  },
  'GET /api/notifications': {
    who: 'staffSelf',
    own: () => [{ as: w.p1, method: 'GET', url: '/api/notifications', check: (res) => expect(JSON.stringify(res.json())).toContain(w.c1.id) }],
    foreign: () => [
      { as: w.p2, method: 'GET', url: '/api/notifications', check: (res) => expect(JSON.stringify(res.json())).not.toContain(w.c1.id) },
    ],
  },
  'GET /api/notifications/unread-count': {
    who: 'staffSelf',
    own: () => [{ as: w.p1, method: 'GET', url: '/api/notifications/unread-count' }],
  },
  'POST /api/notifications/read': {
    who: 'staffSelf',
    own: async () => [{ as: w.p1, method: 'POST', url: '/api/notifications/read', payload: { ids: [await p1Notification()] } }],
    foreign: async () => {
      const real = await p1Notification();
      return [
        { as: w.p2, method: 'POST', url: '/api/notifications/read', payload: { ids: [real] }, check: (res) => expect(res.json()).toEqual({ marked: 0 }) },
      ];
    },
  },
  'POST /api/notifications/read-all': {
    who: 'staffSelf',
    own: () => [{ as: w.p1, method: 'POST', url: '/api/notifications/read-all' }],
  },
  'GET /api/me/notification-settings': {
    who: 'staffSelf',
    own: () => [{ as: w.p1, method: 'GET', url: '/api/me/notification-settings' }],
  },
  'PUT /api/me/notification-settings': {
    who: 'staffSelf',
    own: async () => [{ as: w.p2, method: 'PUT', url: '/api/me/notification-settings', payload: { settings: { digestEmail: true, digestTime: '07:30', quietHours: null }, version: 0 } }],
  },
  'GET /api/organisation/delivery-log': {
    who: 'orgAdmin',
    own: () => [{ as: w.admin, method: 'GET', url: '/api/organisation/delivery-log' }],
    foreign: async () => {
      const mine = (await t.database.db.selectFrom('email_message').select('id').where('organisation_id', '=', w.a.id).execute()).map((m) => m.id);
      return [
        // Another organisation's admin sees none of this one's deliveries.
        { as: w.adminB, method: 'GET', url: '/api/organisation/delivery-log', check: (res) => expect(res.json().items.filter((i: { id: string }) => mine.includes(i.id))).toEqual([]) },
      ];
    },
  },
  'GET /api/push/public-key': {
    who: 'self',
    own: () => [{ as: w.c1, method: 'GET', url: '/api/push/public-key' }],
    foreign: { none: 'the server’s public key, the same for everyone: no client data' },
  },
  'PUT /api/me/push-subscriptions/:subscriptionId': {
    who: 'self',
    own: () => [{ as: w.c1, method: 'PUT', url: `/api/me/push-subscriptions/${c1Push}`, payload: pushSubscription('c1') }],
    foreign: { none: 'saves a subscription for the caller’s own account only (push.test.ts: a device passed on)' },
  },
  'DELETE /api/me/push-subscriptions/:subscriptionId': {
    who: 'ownRecord',
    own: async () => {
      await send({ as: w.c2, method: 'PUT', url: `/api/me/push-subscriptions/${c2Push}`, payload: pushSubscription('c2') });
      return [{ as: w.c2, method: 'DELETE', url: `/api/me/push-subscriptions/${c2Push}` }];
    },
    foreign: async () => {
      await send({ as: w.c2, method: 'PUT', url: `/api/me/push-subscriptions/${c2Push}`, payload: pushSubscription('c2') });
      return [{ as: w.c1, method: 'DELETE', url: `/api/me/push-subscriptions/${c2Push}` }];
    },
  },
};
