import { MarkNotificationsReadRequestSchema, SetStaffNotificationSettingsRequestSchema, StaffNotificationListSchema, StaffNotificationSettingsStateSchema } from '@tandem/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps';
import { serviceContext } from '../../http/context';
import { errorResponses as errors, signedInRoute as signedIn } from '../../http/route-options';
import { countUnreadNotifications, getNotificationSettings, listNotifications, markNotificationsRead, setNotificationSettings } from './notifications.service';

const tags = ['notifications'];
const Marked = z.object({ marked: z.number().int() }).meta({ id: 'NotificationsMarked' });

export function notificationRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/notifications',
      { config: signedIn, schema: { summary: 'My notifications from the last 30 days, newest first, with unread counts (staff)', tags, response: { 200: StaffNotificationListSchema, ...errors } } },
      async (request) => listNotifications(serviceContext(deps, request)),
    );
    app.get(
      '/api/notifications/unread-count',
      { config: signedIn, schema: { summary: 'How many of my notifications are unread (staff; for the navigation)', tags, response: { 200: z.object({ unread: z.number().int() }).meta({ id: 'UnreadNotificationCount' }), ...errors } } },
      async (request) => ({ unread: await countUnreadNotifications(serviceContext(deps, request)) }),
    );
    app.post(
      '/api/notifications/read',
      { config: signedIn, schema: { summary: 'Mark some of my notifications read (staff; ids not mine are ignored)', tags, body: MarkNotificationsReadRequestSchema, response: { 200: Marked, ...errors } } },
      async (request) => markNotificationsRead(serviceContext(deps, request), request.body.ids),
    );
    app.post(
      '/api/notifications/read-all',
      { config: signedIn, schema: { summary: 'Mark all my notifications read (staff)', tags, response: { 200: Marked, ...errors } } },
      async (request) => markNotificationsRead(serviceContext(deps, request), 'all'),
    );
    app.get(
      '/api/me/notification-settings',
      { config: signedIn, schema: { summary: 'When my daily summary email comes, and my quiet hours (staff)', tags, response: { 200: StaffNotificationSettingsStateSchema, ...errors } } },
      async (request) => getNotificationSettings(serviceContext(deps, request)),
    );
    app.put(
      '/api/me/notification-settings',
      {
        config: signedIn,
        schema: { summary: 'Change when my daily summary email comes, or turn it off (staff; refused if changed since read)', tags, body: SetStaffNotificationSettingsRequestSchema, response: { 200: StaffNotificationSettingsStateSchema, ...errors } },
      },
      async (request) => setNotificationSettings(serviceContext(deps, request), request.body),
    );
  };
}
